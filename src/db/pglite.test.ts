import { postgresStoreContract } from '../test/contract/postgres-store.js';
import { openTestPglite } from '../test/targets.js';

postgresStoreContract('PGlite (embedded)', openTestPglite);
