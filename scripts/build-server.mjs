// Compiles the server's TypeScript to dist/server/ (one file per source, same layout) in ~0.1 s with esbuild,
// and copies the migration folders beside the code that reads them. Type checking is `npm run typecheck`.
// Plain .mjs on purpose: it runs before anything is compiled.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'server');
const SOURCE_DIRS = ['src', 'contract'];
const COPY_DIRS = ['src/db/migrations', 'src/analytics/migrations'];
export const STAMP = path.join(out, '.build-stamp');

export function listSources() {
  return SOURCE_DIRS.flatMap((dir) =>
    fs
      .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
      .filter(
        (e) =>
          e.isFile() &&
          /\.tsx?$/.test(e.name) &&
          !/\.test\.tsx?$/.test(e.name) &&
          !e.parentPath.includes(`${path.sep}test`),
      )
      .map((e) => path.join(e.parentPath, e.name)),
  );
}

export async function buildServer() {
  const started = performance.now();
  // Build beside, then swap, so a concurrently starting process never sees half a build.
  const tmp = `${out}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: listSources(),
    outdir: tmp,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  for (const dir of COPY_DIRS) fs.cpSync(path.join(root, dir), path.join(tmp, dir), { recursive: true });
  fs.writeFileSync(path.join(tmp, '.build-stamp'), new Date().toISOString());
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(tmp, out);
  return Math.round(performance.now() - started);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ms = await buildServer();
  if (!process.argv.includes('--quiet')) console.log(`pulse: server built into dist/server/ in ${ms} ms`);
}
