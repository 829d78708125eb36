import { tombstonePruningContract } from '../test/contract/tombstone-pruning.js';
import { openTestNodePostgres, skipReason, testTargets } from '../test/targets.js';

tombstonePruningContract(
  'node-postgres (server)',
  () => openTestNodePostgres(testTargets.databaseUrl!),
  skipReason('PULSE_TEST_DATABASE_URL'),
);
