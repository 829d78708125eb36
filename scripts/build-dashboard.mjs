// Builds the dashboard (Vite) into dist/dashboard/, which `pulse serve` serves at `/`.
// `--if-stale` skips the build when dist/dashboard is newer than every dashboard and contract source,
// so `npm start` costs nothing extra unless the dashboard changed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist', 'dashboard', 'index.html');
const SOURCES = ['dashboard', 'contract'];

function newestSourceMtime() {
  let newest = 0;
  for (const dir of SOURCES) {
    for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

export function dashboardIsFresh() {
  return fs.existsSync(builtIndex) && fs.statSync(builtIndex).mtimeMs >= newestSourceMtime();
}

export async function buildDashboard() {
  const started = performance.now();
  const { build } = await import('vite');
  // Always React's production build. Under `npm test` NODE_ENV is 'test' (the global setup rebuilds a
  // stale dashboard), and Vite keeps a NODE_ENV it finds: that gave React's development build (twice the
  // bytes, StrictMode's double effects), which `npm start --if-stale` then served as fresh.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(root, 'dashboard', 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return Math.round(performance.now() - started);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && dashboardIsFresh()) process.exit(0);
  const ms = await buildDashboard();
  console.log(`pulse: dashboard built into dist/dashboard/ in ${ms} ms`);
}
