// The contract every ClickHouse driver must meet: the same SQL gives the same answers.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAnalyticsMigrations, migrateAnalytics } from '../../analytics/migrate.js';
import type { AnalyticsStore } from '../../analytics/store.js';
import { queryBatchCases } from './query-batch.js';

export interface OpenedAnalytics {
  store: AnalyticsStore;
  dispose(): Promise<void>;
}

const mirrorUser = (projectId: string, id: string, name: string, sequence: number, deleted = 0) => ({
  project_id: projectId,
  branch_id: 'main',
  id,
  display_name: name,
  profile_image_url: null,
  primary_email: `${name}@example.com`,
  primary_email_verified: 1,
  signed_up_at: '2026-01-01 00:00:00.000',
  client_metadata: '{}',
  client_read_only_metadata: '{}',
  server_metadata: '{}',
  is_anonymous: 0,
  restricted_by_admin: 0,
  restricted_by_admin_reason: null,
  restricted_by_admin_private_details: null,
  sync_sequence_id: sequence,
  sync_is_deleted: deleted,
});

export function analyticsStoreContract(name: string, open: () => Promise<OpenedAnalytics>, skip?: string): void {
  describe.skipIf(skip)(`ClickHouse store contract: ${name}`, () => {
    let opened: OpenedAnalytics;
    let store: AnalyticsStore;
    // Unique per run, so suites sharing a server never read each other's rows.
    const projectId = crypto.randomUUID();
    beforeAll(async () => {
      opened = await open();
      store = opened.store;
    });
    afterAll(() => opened?.dispose());

    it('applies every migration once and records it; a second run applies nothing', async () => {
      await migrateAnalytics(store);
      expect(await migrateAnalytics(store)).toEqual([]);
      const ledger = await store.query<{ version: number }>(
        'SELECT version FROM analytics_internal.schema_migrations FINAL ORDER BY version',
      );
      expect(ledger.map((r) => r.version)).toEqual(listAnalyticsMigrations().map((m) => m.version));
      const tables = await store.query<{ name: string }>(
        "SELECT name FROM system.tables WHERE database = 'analytics_internal' ORDER BY name",
      );
      expect(tables.map((t) => t.name)).toEqual([
        'contact_channels',
        'daily_users',
        'daily_users_mv',
        'daily_users_place_backfill_mv',
        'daily_users_refresh_backfill_mv',
        'daily_users_view_backfill_mv',
        'events',
        'recently_numbered',
        'recently_numbered_mv',
        'schema_migrations',
        'sync_state',
        'team_members',
        'teams',
        'user_activity',
        'user_activity_mv',
        'user_number_tops',
        'user_number_tops_mv',
        'user_numbers',
        'user_numbers_mv',
        'user_places',
        'user_places_mv',
        'user_referrers',
        'user_referrers_mv',
        'user_states',
        'user_states_mv',
        'users',
      ]);
    });

    it('refuses a migration that was edited after it was applied', async () => {
      const [first, ...rest] = listAnalyticsMigrations();
      const edited = { ...first!, checksum: 'edited' };
      await expect(migrateAnalytics(store, [edited, ...rest])).rejects.toThrow(/edited after it was applied/);
    });

    it('stores events with JSON data and millisecond times, read back through bound parameters', async () => {
      // `data_text` arrives as a JSON object (what writers send) or as text; the typed copies are derived.
      await store.insert('analytics_internal.events', [
        {
          event_type: '$page-view',
          event_at: '2026-03-01 10:00:00.123',
          project_id: projectId,
          branch_id: 'main',
          user_id: 'u1',
          data_text: { path: '/pricing', referrer: 'https://google.com', is_anonymous: false },
        },
        {
          event_type: '$click',
          event_at: '2026-03-01 10:00:01.999',
          project_id: projectId,
          branch_id: 'main',
          user_id: null,
          data_text: '{"selector":"#buy","is_anonymous":true}',
        },
        {
          event_type: '$token-refresh',
          event_at: '2026-03-01 10:00:01.999',
          project_id: projectId,
          branch_id: 'main',
          user_id: 'u3',
          data_text: '{"refresh_token_id":"r","is_anonymous":false,"ip_info":{"country_code":"DE","region_code":"BE"}}',
        },
        {
          event_type: '$click',
          event_at: '2026-03-01 10:00:02.000',
          project_id: crypto.randomUUID(),
          branch_id: 'main',
          user_id: 'u2',
          data_text: '{"selector":"#other"}',
        },
      ]);
      const rows = await store.query<Record<string, unknown>>(
        `SELECT event_type, toString(event_at) AS at, data.path::Nullable(String) AS path, user_id, data_is_anonymous AS anonymous,
                data_referrer AS referrer, data_country_code AS country, data_region_code AS region, count() OVER () AS n
         FROM analytics_internal.events WHERE project_id = {projectId:String} ORDER BY event_at, event_type`,
        { projectId },
      );
      expect(rows).toEqual([
        {
          event_type: '$page-view',
          at: '2026-03-01 10:00:00.123',
          path: '/pricing',
          user_id: 'u1',
          anonymous: 0,
          referrer: 'https://google.com',
          country: null,
          region: null,
          n: 3,
        },
        {
          event_type: '$click',
          at: '2026-03-01 10:00:01.999',
          path: null,
          user_id: null,
          anonymous: 1,
          referrer: null,
          country: null,
          region: null,
          n: 3,
        },
        {
          event_type: '$token-refresh',
          at: '2026-03-01 10:00:01.999',
          path: null,
          user_id: 'u3',
          anonymous: 0,
          referrer: null,
          country: 'DE',
          region: 'BE',
          n: 3,
        },
      ]);
    });

    it('refuses an event row without data_text (a writer that skipped toStoredEvent)', async () => {
      await expect(
        store.insert('analytics_internal.events', [
          {
            event_type: '$click',
            event_at: '2026-03-01 10:00:00.000',
            project_id: projectId,
            branch_id: 'main',
            user_id: null,
          },
        ]),
      ).rejects.toThrow(/data_text_is_set/);
    });

    it('binds parameters as values, never as SQL', async () => {
      const rows = await store.query<{ n: number }>(
        'SELECT count() AS n FROM analytics_internal.events WHERE project_id = {p:String}',
        {
          p: `${projectId}' OR 1=1 --`,
        },
      );
      expect(rows).toEqual([{ n: 0 }]);
    });

    it('lets a real sync (sequence ≥ 1) supersede a seeded mirror row (sequence 0), and drops tombstones', async () => {
      const kept = crypto.randomUUID();
      const deleted = crypto.randomUUID();
      await store.insert('analytics_internal.users', [
        mirrorUser(projectId, kept, 'seeded', 0),
        mirrorUser(projectId, deleted, 'gone', 0),
      ]);
      await store.insert('analytics_internal.users', [
        mirrorUser(projectId, kept, 'synced', 1),
        mirrorUser(projectId, deleted, 'gone', 2, 1),
      ]);
      const rows = await store.query<{ id: string; display_name: string; sync_sequence_id: number }>(
        `SELECT id, display_name, sync_sequence_id FROM analytics_internal.users FINAL
         WHERE project_id = {projectId:String} AND sync_is_deleted = 0`,
        { projectId },
      );
      expect(rows).toEqual([{ id: kept, display_name: 'synced', sync_sequence_id: 1 }]);
    });

    queryBatchCases(() => store);

    it('inserts rows in batches, telling progress, and JSONEachRow text as it is', async () => {
      await store.command(
        'CREATE TABLE IF NOT EXISTS default.contract_rows (n UInt32, s String) ENGINE = MergeTree ORDER BY n',
      );
      const rows = Array.from({ length: 230_000 }, (_, n) => ({ n, s: `r${n}` }));
      const progress: number[] = [];
      await store.insert('default.contract_rows', rows, { onProgress: (written) => progress.push(written) });
      expect(progress).toEqual([100_000, 200_000, 230_000]);
      await store.insert('default.contract_rows', { jsonEachRow: '{"n":300000,"s":"text"}\n{"n":300001,"s":"ü"}' });
      const [counted] = await store.query<{ rows: number; distinct: number; last: string }>(
        'SELECT count() AS rows, uniqExact(n) AS distinct, anyIf(s, n = 300001) AS last FROM default.contract_rows',
      );
      expect(counted).toEqual({ rows: 230_002, distinct: 230_002, last: 'ü' });
      await store.command('DROP TABLE default.contract_rows');
    });

    it('refuses an insert into a table that does not exist, naming it', async () => {
      await expect(store.insert('default.no_such_table', [{ n: 1 }])).rejects.toThrow(/no_such_table/);
    });

    it('stages rows that one INSERT … SELECT reads as tables, and forgets them once released', async () => {
      await store.command(
        'CREATE TABLE IF NOT EXISTS default.contract_joined (n UInt32, name String) ENGINE = MergeTree ORDER BY n',
      );
      const staged = await store.stage({
        numbers: {
          structure: 'n UInt32, k UInt8',
          rows: [
            { n: 1, k: 0 },
            { n: 2, k: 1 },
            { n: 3, k: 1 },
          ],
        },
        names: {
          structure: 'k UInt8, name String',
          rows: [
            { k: 0, name: 'zero' },
            { k: 1, name: 'one' },
          ],
        },
      });
      await store.command(
        `INSERT INTO default.contract_joined SELECT a.n, concat(b.name, {suffix:String})
         FROM ${staged.from('numbers')} AS a INNER JOIN ${staged.from('names')} AS b ON a.k = b.k`,
        { suffix: '!' },
      );
      await staged.release();
      await staged.release();
      expect(await store.query('SELECT n, name FROM default.contract_joined ORDER BY n')).toEqual([
        { n: 1, name: 'zero!' },
        { n: 2, name: 'one!' },
        { n: 3, name: 'one!' },
      ]);
      await expect(store.query(`SELECT count() FROM ${staged.from('numbers')}`)).rejects.toThrow();
      expect(() => staged.from('unknown')).toThrow(/unknown/);
      await store.command('DROP TABLE default.contract_joined');
    });

    it('adds settings to every statement of a derived store', async () => {
      const limited = store.withSettings({ max_result_rows: 1, result_overflow_mode: 'throw' });
      await expect(limited.query('SELECT number FROM numbers(5)')).rejects.toThrow();
      // chDB keeps settings on its session: put the defaults back for the tests after this one.
      await store.withSettings({ max_result_rows: 0, result_overflow_mode: 'throw' }).query('SELECT 1');
      expect(await store.query('SELECT number AS n FROM numbers(3)')).toHaveLength(3);
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
