// Once per `npm test`: the compiled server (for tests that spawn `pulse`) and the PGlite template.
import { buildServer } from '../../scripts/build-server.mjs';
import { ensurePgliteTemplate } from '../db/pglite-template.js';

export default async function setup(): Promise<void> {
  await Promise.all([buildServer(), ensurePgliteTemplate()]);
}
