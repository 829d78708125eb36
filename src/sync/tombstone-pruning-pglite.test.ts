import { tombstonePruningContract } from '../test/contract/tombstone-pruning.js';
import { openTestPglite } from '../test/targets.js';

tombstonePruningContract('PGlite (embedded)', openTestPglite);
