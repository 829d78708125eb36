#!/usr/bin/env node
// Runs the compiled server from dist/server/ when it is at least as new as every source file (`npm start` and
// `npm install` build it); otherwise runs the TypeScript sources through tsx, which is slower to start.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// PGlite's WASM starts on V8's baseline compiler and tiers hot functions up to the optimising one in the
// background. During a start those optimising compiles compete with the start itself for the machine's
// cores; a 100× larger tiering budget defers them. Measured on 2 cores: restart to /readyz 2503 → 2211 ms
// (p50 of 7, interleaved), and the same sync backfill rate afterwards (46.9k/47.0k and 50.3k/51.9k rows/s).
// Set before anything compiles the WASM module; it applies to this process only.
v8.setFlagsFromString('--wasm-tiering-budget=180000000');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist', 'server', 'src', 'cli', 'index.js');

function distIsFresh() {
  let built;
  try {
    built = fs.statSync(path.join(root, 'dist', 'server', '.build-stamp')).mtimeMs;
  } catch {
    return false;
  }
  for (const dir of ['src', 'contract']) {
    const base = path.join(root, dir);
    if (!fs.existsSync(base)) continue;
    for (const entry of fs.readdirSync(base, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs > built) return false;
    }
  }
  return true;
}

if (distIsFresh()) {
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
