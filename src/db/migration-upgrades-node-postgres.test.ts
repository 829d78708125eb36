import { migrationUpgradeContract } from '../test/contract/migration-upgrades.js';
import { openTestNodePostgres, skipReason, testTargets } from '../test/targets.js';

migrationUpgradeContract(
  'node-postgres (server)',
  () => openTestNodePostgres(testTargets.databaseUrl!),
  skipReason('PULSE_TEST_DATABASE_URL'),
);
