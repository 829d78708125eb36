import { describe } from 'vitest';
import { useMigratedChdb } from '../../test/migrated-chdb.js';
import { openServerRowsOnChdb } from '../../test/server-rows-on-chdb.js';
import { visitEventsAgree } from '../../test/visit-events-agree.js';

describe("writeVisitEvents (the server driver's row mover: visits staged as Memory tables)", () => {
  visitEventsAgree(useMigratedChdb('pulse-visit-events-server-', openServerRowsOnChdb));
});
