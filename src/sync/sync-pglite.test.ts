import { mirrorShapeContract } from '../test/contract/mirror-shape.js';
import { syncContract } from '../test/contract/sync.js';
import { openTestPglite } from '../test/targets.js';

syncContract('PGlite (embedded)', openTestPglite);
mirrorShapeContract('PGlite (embedded)', openTestPglite);
