import { postgresStoreContract } from '../test/contract/postgres-store.js';
import { openTestNodePostgres, skipReason, testTargets } from '../test/targets.js';

postgresStoreContract(
  'node-postgres (server)',
  () => openTestNodePostgres(testTargets.databaseUrl!),
  skipReason('PULSE_TEST_DATABASE_URL'),
);
