import { describe } from 'vitest';
import { useMigratedChdb } from '../../test/migrated-chdb.js';
import { visitEventsAgree } from '../../test/visit-events-agree.js';

describe('writeVisitEvents (chDB: visits staged as files)', () => {
  visitEventsAgree(useMigratedChdb('pulse-visit-events-'));
});
