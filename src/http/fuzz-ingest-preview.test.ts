// Fuzz (fast-check, fixed seeds, bounded runs) over event ingestion, preview creation and reseed on the real
// engines: hostile envelopes and events, preview bodies that are not valid, reseeds of ids that are not the
// key's project. Never a 5xx; a 400 names its fields; a refused request writes nothing in either store.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CreatePreviewBody } from '../../contract/preview.js';
import { createProject } from '../projects/create-project.js';
import { segment, storeWatcher } from '../test/fuzz/expect-clean.js';
import { deepBody, hostileBody, hostileId, hostileJson, hostileString } from '../test/fuzz/hostile.js';
import { openTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let project: string;
let admin: string;
let ingest: string;
let watch: ReturnType<typeof storeWatcher>;

beforeAll(async () => {
  t = await openTestApp({ preview: { enabled: true, ttlMs: 60_000, ratePerMinute: 1_000 } });
  watch = storeWatcher(t.postgres, t.analytics);
  const created = await createProject(t.postgres.db, { displayName: 'Fuzz events' });
  [project, admin, ingest] = [created.project.id, created.adminKey, created.ingestKey];
});
afterAll(() => t?.close());

const post = (url: string, key: string | undefined, payload: string | undefined) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }) },
    ...(payload !== undefined && { payload }),
  });

const recent = fc.integer({ min: 0, max: 20 * 86_400_000 }).map((ago) => new Date(Date.now() - ago).toISOString());
const event = hostileBody({
  event_type: fc.constantFrom('$page-view', '$click', '$token-refresh', '$other'),
  // Recent or malformed: the event_at window (and what a spread of months does to a flush) is tested elsewhere.
  event_at: fc.oneof(recent, hostileString),
  user_id: fc.oneof(fc.uuid(), hostileString),
  data: hostileBody({ path: hostileString, selector: hostileString, url: hostileString, referrer: hostileString }),
});

describe('ingestion, preview creation and reseed under fuzz', () => {
  it('POST /projects/:id/events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.record({ events: fc.array(event, { maxLength: 6 }) }), hostileJson),
        fc.constantFrom(ingest, admin),
        async (body, key) => {
          const before = await watch.before();
          const payload = JSON.stringify(body);
          const res = await post(`/api/v1/projects/${project}/events`, key, payload);
          await watch.expectClean(`events ${payload.slice(0, 200)}`, res, before);
        },
      ),
      { seed: 1_700, numRuns: 40 },
    );
  });

  it('POST /preview/projects with bodies it must refuse', async () => {
    const invalid = hostileBody({ size: fc.oneof(hostileString, fc.constantFrom('large', 'huge')) }).filter(
      (body) => !CreatePreviewBody.safeParse(body).success,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          invalid.map((b) => JSON.stringify(b)),
          deepBody.map((deep) => deep('size')),
        ),
        async (payload) => {
          const before = await watch.before();
          const res = await post('/api/v1/preview/projects', undefined, payload);
          await watch.expectClean(`preview ${payload.slice(0, 200)}`, res, before);
        },
      ),
      { seed: 1_701, numRuns: 25 },
    );
  });

  it('POST /projects/:id/reseed with ids and keys that are not a project and its admin key', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileId([project]),
        fc.constantFrom<string | undefined>(ingest, undefined, 'pulse_admin_x'),
        hostileJson,
        async (id, key, body) => {
          const before = await watch.before();
          const res = await post(`/api/v1/projects/${segment(id)}/reseed`, key, JSON.stringify(body));
          await watch.expectClean(`reseed ${id} with ${key}`, res, before);
        },
      ),
      { seed: 1_702, numRuns: 25 },
    );
  });
});
