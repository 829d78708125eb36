import { analyticsStoreContract } from '../test/contract/analytics-store.js';
import { makeTempDir } from '../test/temp-dir.js';
import { openChdb } from './chdb.js';

analyticsStoreContract('chDB (embedded)', async () => {
  const temp = makeTempDir('pulse-chdb-');
  const store = await openChdb({ dataDir: temp.dir });
  return {
    store,
    async dispose() {
      await store.close();
      temp.remove();
    },
  };
});
