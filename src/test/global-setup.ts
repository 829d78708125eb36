// Once per `npm test`: the compiled server and dashboard (for tests that spawn `pulse`), and the PGlite template.
import { buildDashboard, dashboardIsFresh } from '../../scripts/build-dashboard.mjs';
import { buildServer } from '../../scripts/build-server.mjs';
import { ensurePgliteTemplate } from '../db/pglite-template.js';

export default async function setup(): Promise<void> {
  await Promise.all([buildServer(), ensurePgliteTemplate(), dashboardIsFresh() ? undefined : buildDashboard()]);
}
