// chdb lists optional per-platform packages that the registry does not serve (darwin, linux-arm64), so
// `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock ("Missing: …").
// Declaring them as optional, platform-bound entries satisfies `npm ci` without downloading anything.
// Idempotent; run after any `npm install` that rewrites the lock (postinstall does it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lockPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const PLATFORMS = {
  'lib-darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'lib-darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'lib-linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'] },
};

if (fs.existsSync(lockPath)) {
  const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
  const chdb = lock.packages?.['node_modules/chdb'];
  let changed = false;
  for (const [name, platform] of Object.entries(PLATFORMS)) {
    const key = `node_modules/@chdb/${name}`;
    const version = chdb?.optionalDependencies?.[`@chdb/${name}`];
    if (!version || lock.packages[key]) continue;
    lock.packages[key] = { version, optional: true, ...platform };
    changed = true;
  }
  if (changed) {
    fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
    console.log("pulse: package-lock.json now declares chdb's unpublished platform packages (for npm ci)");
  }
}
