import type { PostgresTarget } from '../config.js';
import type { PostgresStore } from './store.js';

/** Opens the Postgres store for a configured target; drivers load lazily so each costs only when used. */
export async function openPostgres(target: PostgresTarget): Promise<PostgresStore> {
  switch (target.driver) {
    case 'pglite':
      return (await import('./pglite.js')).openPglite({ dataDir: target.dataDir });
    case 'node-postgres':
      return (await import('./node-postgres.js')).openNodePostgres({ url: target.url });
  }
}
