// Runs after `npm install` (after build-server.mjs): prepares what the first `npm start` would wait for.
import { ensurePgliteTemplate } from '../dist/server/src/db/pglite-template.js';

const started = performance.now();
try {
  const file = await ensurePgliteTemplate();
  console.log(`pulse: embedded Postgres template ready (${file}, ${Math.round(performance.now() - started)} ms)`);
} catch (error) {
  // Not fatal: Pulse falls back to a full initdb on first start, which is only slower.
  console.warn(
    `pulse: could not prepare the embedded Postgres template: ${error instanceof Error ? error.message : String(error)}`,
  );
}
