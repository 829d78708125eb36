import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../test/temp-dir.js';
import { openChdb } from './chdb.js';
import { listAnalyticsMigrations, migrateAnalytics, splitStatements, type MigrationListener } from './migrate.js';

describe('ClickHouse migration files', () => {
  it('split into statements at semicolons ending a line, comments dropped', () => {
    expect(
      splitStatements(
        '-- a comment; with a semicolon\nCREATE TABLE a (x UInt8) ENGINE = Memory;\n\nCREATE TABLE b\n(y String)\nENGINE = Memory;\n',
      ),
    ).toEqual(['CREATE TABLE a (x UInt8) ENGINE = Memory', 'CREATE TABLE b\n(y String)\nENGINE = Memory']);
  });

  it('are numbered without gaps', () => {
    const migrations = listAnalyticsMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('keep events written before 0004 (data JSON → data_text) and 0005 (sorted by type), backfill the rollups (0006) whose view 0007 rewrites, and every migration can be rerun', async () => {
    const temp = makeTempDir('pulse-migrate-');
    const store = await openChdb({ dataDir: temp.dir });
    try {
      const all = listAnalyticsMigrations();
      const first: string[] = [];
      await migrateAnalytics(
        store,
        all.slice(0, 3),
        (m, step) => step.phase === 'start' && first.push(`${m.version}${step.upgrading ? ' (upgrading)' : ''}`),
      );
      expect(first).toEqual(['1', '2', '3']); // a new store: nothing to upgrade
      await store.insert('analytics_internal.events', [
        {
          event_type: '$token-refresh',
          event_at: '2026-03-01 10:00:00.000',
          project_id: 'p',
          branch_id: 'main',
          user_id: 'u1',
          seeded: 1,
          data: {
            refresh_token_id: 'r',
            is_anonymous: false,
            ip_info: { ip: '1.2.3.4', is_trusted: true, country_code: 'JP', region_code: '13', latitude: 35.7 },
          },
        },
        {
          event_type: '$page-view',
          event_at: '2026-03-01 10:00:01.000',
          project_id: 'p',
          branch_id: 'main',
          user_id: 'u2',
          data: { path: '/', referrer: 'https://github.com/', is_anonymous: true, viewport_width: 1280 },
        },
      ]);
      const told: string[] = [];
      const listen: MigrationListener = (m, step) =>
        told.push(`${m.version} ${step.phase === 'start' ? `start${step.upgrading ? ' (upgrading)' : ''}` : 'done'}`);
      expect(await migrateAnalytics(store, all, listen)).toEqual(all.slice(3).map((m) => m.version));
      expect(told).toEqual(all.slice(3).flatMap((m) => [`${m.version} start (upgrading)`, `${m.version} done`]));
      const read = () =>
        store.query(`SELECT user_id, seeded, data_is_anonymous, data_country_code, data_region_code, data_referrer,
          data.ip_info.latitude::Nullable(Float64) AS latitude, data.viewport_width::Nullable(Int64) AS width, JSONExtractKeys(data_text) AS keys
          FROM analytics_internal.events ORDER BY event_at`);
      const expected = [
        {
          user_id: 'u1',
          seeded: 1,
          data_is_anonymous: 0,
          data_country_code: 'JP',
          data_region_code: '13',
          data_referrer: null,
          latitude: 35.7,
          width: null,
          keys: ['ip_info', 'is_anonymous', 'refresh_token_id'],
        },
        {
          user_id: 'u2',
          seeded: 0,
          data_is_anonymous: 1,
          data_country_code: null,
          data_region_code: null,
          data_referrer: 'https://github.com/',
          latitude: null,
          width: 1280,
          keys: ['is_anonymous', 'path', 'referrer', 'viewport_width'],
        },
      ];
      const sortingKey = async () =>
        (
          await store.query<{ key: string }>(
            `SELECT sorting_key AS key FROM system.tables WHERE database = 'analytics_internal' AND name = 'events'`,
          )
        )[0]?.key;
      expect(await read()).toEqual(expected);
      expect(await sortingKey()).toBe('project_id, branch_id, event_type, event_at');
      // 0006 backfilled the rollups from the events it found (2026-03-01 is day 20513, bit 33 of block 320).
      const rollups = async () => ({
        activity: await store.query(`SELECT user_id, block, event_anonymous, seeded, refresh_days, view_days,
          toString(last_refresh_at) AS last, page_views, clicks FROM analytics_internal.user_activity FINAL ORDER BY user_id`),
        places: await store.query(`SELECT user_id, country_code, region_code, located_days
          FROM analytics_internal.user_places FINAL`),
        referrers: await store.query(
          `SELECT user_id, referrer, view_days FROM analytics_internal.user_referrers FINAL`,
        ),
      });
      const bit = 2 ** 33;
      const rolled = {
        activity: [
          {
            user_id: 'u1',
            block: 320,
            event_anonymous: 0,
            seeded: 1,
            refresh_days: bit,
            view_days: 0,
            last: '2026-03-01 10:00:00.000',
            page_views: [[], []],
            clicks: [[], []],
          },
          {
            user_id: 'u2',
            block: 320,
            event_anonymous: 1,
            seeded: 0,
            refresh_days: 0,
            view_days: bit,
            last: '1970-01-01 00:00:00.000',
            page_views: [[33], [1]],
            clicks: [[], []],
          },
        ],
        places: [{ user_id: 'u1', country_code: 'JP', region_code: '13', located_days: bit }],
        referrers: [{ user_id: 'u2', referrer: 'https://github.com/', view_days: bit }],
      };
      expect(await rollups()).toEqual(rolled);
      // A crash before a migration's ledger record reruns it from its first statement: same result. (0009
      // rebuilt the table 0008 made, so 0008 reruns only before it: user-numbers.test.ts.)
      for (const statement of all.filter((m) => m.version !== 8).flatMap((m) => m.statements))
        await store.command(statement);
      expect(await read()).toEqual(expected);
      expect(await rollups()).toEqual(rolled);
      expect(await sortingKey()).toBe('project_id, branch_id, event_type, event_at');
      // 0007's view (per-day counts as arrays) writes rows that merge with those 0006 backfilled.
      const u2 = { project_id: 'p', branch_id: 'main', user_id: 'u2' };
      await store.insert('analytics_internal.events', [
        {
          ...u2,
          event_type: '$page-view',
          event_at: '2026-03-01 11:00:00.000',
          data_text: { path: '/', is_anonymous: true },
        },
        {
          ...u2,
          event_type: '$page-view',
          event_at: '2026-03-03 11:00:00.000',
          data_text: { path: '/', is_anonymous: true },
        },
        {
          ...u2,
          event_type: '$page-view',
          event_at: '2026-03-03 11:00:01.000',
          data_text: { path: '/', is_anonymous: true },
        },
        {
          ...u2,
          event_type: '$click',
          event_at: '2026-03-03 11:00:02.000',
          data_text: { x: 1, y: 2, is_anonymous: true },
        },
      ]);
      const [u1Row, u2Row] = (await rollups()).activity;
      expect(u1Row).toEqual(rolled.activity[0]);
      expect(u2Row).toEqual({
        ...rolled.activity[1],
        view_days: bit + 2 ** 35,
        page_views: [
          [33, 35],
          [2, 2],
        ],
        clicks: [[35], [1]],
      });
    } finally {
      await store.close();
      temp.remove();
    }
  });
});
