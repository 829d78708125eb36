// A pristine PGlite cluster, created once (at `npm install`) and copied into every new embedded data dir.
// initdb inside WASM takes ~5 s; copying the ~40 MB directory takes well under one.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';

const require = createRequire(import.meta.url);

/** Keyed by the PGlite version: a cluster from another version must never be used. */
export function pgliteTemplateDir(): string {
  const pkgPath = findPackageJson(require.resolve('@electric-sql/pglite'));
  const { version } = JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { version: string };
  const nodeModules = path.resolve(path.dirname(pkgPath), '..', '..');
  return path.join(nodeModules, '.cache', 'pulse', `pglite-${version}`);
}

/** The package does not export ./package.json, so walk up from its entry point. */
function findPackageJson(entry: string): string {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate) && path.basename(path.dirname(dir)) === '@electric-sql') return candidate;
  }
  throw new Error(`cannot find the package.json of @electric-sql/pglite above ${entry}`);
}

/** Copies the template into an empty data dir; false when there is no template (the caller runs initdb). */
export function copyPgliteTemplate(dataDir: string): boolean {
  const template = pgliteTemplateDir();
  if (!fs.existsSync(path.join(template, 'PG_VERSION'))) return false;
  fs.cpSync(template, dataDir, { recursive: true });
  return true;
}

/** Creates the template if it is missing; returns its directory. */
export async function ensurePgliteTemplate(): Promise<string> {
  const dir = pgliteTemplateDir();
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return dir;
  // Build beside, then rename, so a concurrent reader never copies half a cluster.
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const db = await PGlite.create(tmp);
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  return dir;
}
