// The server driver's way of moving rows, run through the whole store contract on an embedded engine:
// the same client API a server answers over HTTP.
import { analyticsStoreContract } from '../test/contract/analytics-store.js';
import { openServerRowsOnChdb } from '../test/server-rows-on-chdb.js';
import { makeTempDir } from '../test/temp-dir.js';

analyticsStoreContract("the server driver's row mover, on chDB", async () => {
  const temp = makeTempDir('pulse-chdb-server-rows-');
  const store = openServerRowsOnChdb(temp.dir);
  return {
    store,
    async dispose() {
      await store.close();
      temp.remove();
    },
  };
});
