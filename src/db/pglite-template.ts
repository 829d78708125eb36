// A PGlite cluster with Pulse's migrations applied, created once (at `npm install`) and copied into every
// new embedded data dir. initdb inside WASM takes ~5 s and the migrations ~0.7 s more; copying the ~40 MB
// directory takes well under one, and the start-up migration check then finds nothing to apply.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER } from './store.js';

const require = createRequire(import.meta.url);
const CACHE_PREFIX = 'pglite-';

/**
 * Keyed by the PGlite version and the migrations: a cluster from another version must never be used, and
 * one migrated by other files would hide a new migration (and its checksum) from the start-up check.
 */
export function pgliteTemplateDir(): string {
  const pkgPath = findPackageJson(require.resolve('@electric-sql/pglite'));
  const { version } = JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { version: string };
  const nodeModules = path.resolve(path.dirname(pkgPath), '..', '..');
  return path.join(nodeModules, '.cache', 'pulse', `${CACHE_PREFIX}${version}-${migrationsHash()}`);
}

function migrationsHash(): string {
  const hash = crypto.createHash('sha256');
  for (const file of fs.readdirSync(MIGRATIONS_FOLDER, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(MIGRATIONS_FOLDER, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 12);
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

/** Creates the template if it is missing (and drops templates of other versions); returns its directory. */
export async function ensurePgliteTemplate(): Promise<string> {
  const dir = pgliteTemplateDir();
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return dir;
  // Build beside, then rename, so a concurrent reader never copies half a cluster.
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const db = await PGlite.create(tmp);
  try {
    await migrate(drizzle(db), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await db.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  removeOtherTemplates(dir);
  return dir;
}

/** Templates of earlier PGlite versions or migrations are never read again; each is ~40 MB. */
function removeOtherTemplates(keep: string): void {
  const cache = path.dirname(keep);
  for (const name of fs.readdirSync(cache)) {
    const full = path.join(cache, name);
    if (full !== keep && name.startsWith(CACHE_PREFIX) && !name.includes('.tmp-'))
      fs.rmSync(full, { recursive: true, force: true });
  }
}
