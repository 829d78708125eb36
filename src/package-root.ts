import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder, found from this file (works from src/ through tsx and from dist/server/src/). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find package.json above the server code');
    dir = parent;
  }
  return dir;
}

export const dashboardDir = (): string => path.join(packageRoot(), 'dist', 'dashboard');
