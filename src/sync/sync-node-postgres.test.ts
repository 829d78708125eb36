import { mirrorShapeContract } from '../test/contract/mirror-shape.js';
import { syncContract } from '../test/contract/sync.js';
import { openTestNodePostgres, skipReason, testTargets } from '../test/targets.js';

syncContract(
  'node-postgres (server)',
  () => openTestNodePostgres(testTargets.databaseUrl!),
  skipReason('PULSE_TEST_DATABASE_URL'),
);
mirrorShapeContract(
  'node-postgres (server)',
  () => openTestNodePostgres(testTargets.databaseUrl!),
  skipReason('PULSE_TEST_DATABASE_URL'),
);
