import { openPglite } from './pglite.js';
import { migrationUpgradeContract } from '../test/contract/migration-upgrades.js';

// In memory: a brand-new cluster without the migrated template, which the suite wipes for each version.
migrationUpgradeContract('PGlite (embedded)', async () => {
  const store = await openPglite();
  return { store, dispose: () => store.close() };
});
