// Migrations 0008 and 0009: users numbered per project by the users mirror's view, and active days kept as
// bitmaps of those numbers, through an upgrade, a rerun, users mirrored after their events, re-created
// users, one large mirror insert, and a project's deletion.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test/temp-dir.js';
import { openChdb } from './chdb.js';
import { listAnalyticsMigrations, migrateAnalytics } from './migrate.js';
import { startNumberingSweep, sweepNumberedUsers } from './numbering-sweep.js';
import { deleteProjectData } from './project-data.js';
import type { AnalyticsStore } from './store.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const user = (projectId: string, n: number, sequence = 1, deleted = 0) => ({
  project_id: projectId,
  branch_id: 'main',
  id: id(n),
  signed_up_at: '2026-03-01 09:00:00.000',
  client_metadata: '{}',
  client_read_only_metadata: '{}',
  server_metadata: '{}',
  sync_sequence_id: sequence,
  sync_is_deleted: deleted,
});
const refresh = (projectId: string, n: number, at: string) => ({
  event_type: '$token-refresh',
  event_at: at,
  project_id: projectId,
  branch_id: 'main',
  user_id: id(n),
  data_text: { refresh_token_id: 'r', is_anonymous: false },
});

const locatedRefresh = (projectId: string, n: number, at: string) => ({
  ...refresh(projectId, n, at),
  data_text: {
    refresh_token_id: 'r',
    is_anonymous: false,
    ip_info: { ip: '1.2.3.4', is_trusted: true, country_code: 'DE', region_code: 'BE' },
  },
});

const pageView = (projectId: string, n: number, at: string, referrer: string) => ({
  event_type: '$page-view',
  event_at: at,
  project_id: projectId,
  branch_id: 'main',
  user_id: id(n),
  data_text: { path: '/', referrer, is_anonymous: false },
});

const numbers = (store: AnalyticsStore, projectId: string) =>
  store.query<{ user_id: string; n: number }>(
    `SELECT splitByChar(':', k)[2] AS user_id, n FROM analytics_internal.user_numbers
     WHERE startsWith(k, {p:String}) ORDER BY n`,
    { p: `${projectId}:` },
  );
/** Per day, the numbers of the users active that day. */
const days = (store: AnalyticsStore, projectId: string) =>
  store.query<{ day: string; numbers: number[] }>(
    `SELECT toString(toDate('1970-01-01') + day) AS day, bitmapToArray(groupBitmapMergeState(users)) AS numbers
     FROM analytics_internal.daily_users WHERE project_id = {p:String} AND kind = 1 GROUP BY day ORDER BY day`,
    { p: projectId },
  );

const referrerDays = (store: AnalyticsStore, projectId: string) =>
  store.query<{ day: string; referrer: string; numbers: number[] }>(
    `SELECT toString(toDate('1970-01-01') + day) AS day, referrer, bitmapToArray(groupBitmapMergeState(users)) AS numbers
     FROM analytics_internal.daily_users WHERE project_id = {p:String} AND kind = 2
     GROUP BY day, referrer HAVING length(numbers) > 0 ORDER BY day, referrer`,
    { p: projectId },
  );
const placeDays = (store: AnalyticsStore, projectId: string) =>
  store.query<{ day: string; country_code: string; numbers: number[] }>(
    `SELECT toString(toDate('1970-01-01') + day) AS day, country_code, bitmapToArray(groupBitmapMergeState(users)) AS numbers
     FROM analytics_internal.daily_users WHERE project_id = {p:String} AND kind = 1 AND country_code != ''
     GROUP BY day, country_code HAVING length(numbers) > 0 ORDER BY day, country_code`,
    { p: projectId },
  );
const unnumbered = (store: AnalyticsStore, projectId: string) =>
  store.query<{ user_id: string; referrer: string }>(
    `SELECT DISTINCT user_id, referrer FROM analytics_internal.daily_users
     ARRAY JOIN finalizeAggregation(unnumbered_users) AS user_id
     WHERE project_id = {p:String} ORDER BY ALL`,
    { p: projectId },
  );

describe('user numbers and active days (ClickHouse migrations 0008 and 0009)', () => {
  let store: AnalyticsStore;
  const temp = makeTempDir('pulse-user-numbers-');
  const all = listAnalyticsMigrations();
  const activeDays = async (projectId: string) => {
    const byNumber = new Map((await numbers(store, projectId)).map((r) => [Number(r.n), r.user_id]));
    return (await days(store, projectId)).map((r) => ({
      day: r.day,
      users: r.numbers.map((n) => byNumber.get(Number(n))).sort(),
    }));
  };

  beforeAll(async () => {
    store = await openChdb({ dataDir: temp.dir });
    await migrateAnalytics(
      store,
      all.filter((m) => m.version < 8),
    );
  });
  afterAll(async () => {
    await store?.close();
    temp.remove();
  });

  it('an upgrade numbers the mirror’s users per project and backfills their days; a rerun changes nothing', async () => {
    await store.insert('analytics_internal.users', [user('p', 3), user('p', 1), user('q', 7), user('p', 2, 2, 1)]);
    await store.insert('analytics_internal.events', [
      refresh('p', 1, '2026-03-01 10:00:00.000'),
      refresh('p', 2, '2026-03-01 11:00:00.000'),
      refresh('p', 3, '2026-03-02 10:00:00.000'),
      refresh('p', 9, '2026-03-02 10:00:00.000'), // never mirrored: no number, in no day
      refresh('q', 7, '2026-03-02 12:00:00.000'),
      pageView('p', 1, '2026-03-01 10:00:01.000', 'https://a.example/'),
      pageView('p', 9, '2026-03-01 10:00:02.000', 'https://b.example/'),
    ]);
    await migrateAnalytics(
      store,
      all.filter((m) => m.version < 9),
    );
    const expectedNumbers = [
      { user_id: id(1), n: 1 },
      { user_id: id(2), n: 2 }, // a tombstone's user keeps a number: a re-creation finds it
      { user_id: id(3), n: 3 },
    ];
    const expectedDays = [
      { day: '2026-03-01', users: [id(1), id(2)] },
      { day: '2026-03-02', users: [id(3)] },
    ];
    expect(await numbers(store, 'p')).toEqual(expectedNumbers);
    expect(await numbers(store, 'q')).toEqual([{ user_id: id(7), n: 1 }]);
    expect(await activeDays('p')).toEqual(expectedDays);
    for (const statement of all.find((m) => m.version === 8)!.statements) await store.command(statement);
    expect(await numbers(store, 'p')).toEqual(expectedNumbers);
    expect(await activeDays('p')).toEqual(expectedDays);
    // 0009 rebuilds the days with the ids without a number as sets; a rerun from any statement ends the same.
    const expectUpgraded = async () => {
      // Page views by referrer: numbered users in the bitmaps, the id the mirror never held in a set.
      expect(await referrerDays(store, 'p')).toEqual([
        { day: '2026-03-01', referrer: 'https://a.example/', numbers: [1] },
      ]);
      expect(await unnumbered(store, 'p')).toEqual([{ user_id: id(9), referrer: 'https://b.example/' }]);
      expect(await numbers(store, 'p')).toEqual(expectedNumbers);
      expect(await activeDays('p')).toEqual(expectedDays);
    };
    await migrateAnalytics(store, all);
    await expectUpgraded();
    const statements = all.find((m) => m.version === 9)!.statements;
    for (let from = 0; from < statements.length; from += 3) {
      for (const statement of statements.slice(from)) await store.command(statement);
      await expectUpgraded();
    }
  });

  it('numbers new users after the highest, keeps a re-created user’s number, and backfills days of users mirrored after their events', async () => {
    await store.insert('analytics_internal.events', [
      refresh('p', 9, '2026-03-03 10:00:00.000'),
      refresh('p', 1, '2026-03-03 10:00:00.000'),
    ]);
    await store.insert('analytics_internal.users', [user('p', 2, 3), user('p', 9), user('p', 4), user('p', 9, 2)]);
    expect(await numbers(store, 'p')).toEqual([
      { user_id: id(1), n: 1 },
      { user_id: id(2), n: 2 },
      { user_id: id(3), n: 3 },
      { user_id: id(4), n: 4 },
      { user_id: id(9), n: 5 },
    ]);
    // User 9's earlier page view joins the referrer's bitmap once they are numbered (5).
    expect(await referrerDays(store, 'p')).toEqual([
      { day: '2026-03-01', referrer: 'https://a.example/', numbers: [1] },
      { day: '2026-03-01', referrer: 'https://b.example/', numbers: [5] },
    ]);
    await store.insert('analytics_internal.events', [refresh('p', 4, '2026-03-03 11:00:00.000')]);
    expect(await activeDays('p')).toEqual([
      { day: '2026-03-01', users: [id(1), id(2)] },
      { day: '2026-03-02', users: [id(3), id(9)] },
      { day: '2026-03-03', users: [id(1), id(4), id(9)] },
    ]);
  });

  it('the numbering sweep adds the days an event racing its user’s numbering missed (a server’s concurrent inserts)', async () => {
    const backfills = ['refresh', 'place', 'view'].map((kind) => `daily_users_${kind}_backfill_mv`);
    const creates = all
      .find((m) => m.version === 9)!
      .statements.filter((s) => backfills.some((v) => s.includes(`VIEW IF NOT EXISTS analytics_internal.${v} `)));
    expect(creates).toHaveLength(3);
    // The race's outcome: the events' view found no number, and the backfill found no rollup rows yet.
    const race = async (projectId: string) => {
      for (const view of backfills) await store.command(`DROP VIEW analytics_internal.${view}`);
      await store.insert('analytics_internal.events', [
        locatedRefresh(projectId, 1, '2026-03-04 10:00:00.000'),
        pageView(projectId, 1, '2026-03-04 10:00:01.000', 'https://c.example/'),
      ]);
      await store.insert('analytics_internal.users', [user(projectId, 1)]);
      for (const statement of creates) await store.command(statement);
      // The day's refresh is counted, its user is in no bitmap.
      expect(await activeDays(projectId)).toEqual([{ day: '2026-03-04', users: [] }]);
      expect(await placeDays(store, projectId)).toEqual([]);
    };
    const swept = async (projectId: string) => {
      expect(await activeDays(projectId)).toEqual([{ day: '2026-03-04', users: [id(1)] }]);
      expect(await placeDays(store, projectId)).toEqual([{ day: '2026-03-04', country_code: 'DE', numbers: [1] }]);
      expect(await referrerDays(store, projectId)).toEqual([
        { day: '2026-03-04', referrer: 'https://c.example/', numbers: [1] },
      ]);
    };
    // Numbers are logged by the second: start on a fresh one, after the earlier tests' numbers.
    await new Promise((resolve) => setTimeout(resolve, 1_001 - (Date.now() % 1_000)));
    const started = new Date(Math.floor(Date.now() / 1000) * 1000);
    await race('race');
    const later = new Date(Date.now() + 2_000);
    // Spans are whole UTC seconds, the first one too; nothing was numbered in 1970.
    expect(await sweepNumberedUsers(store, new Date(0), new Date(1_000))).toBe(0);
    // A sweep of the minute before (the earlier tests' users) does not reach this user.
    await sweepNumberedUsers(store, new Date(started.getTime() - 60_000), started);
    expect(await placeDays(store, 'race')).toEqual([]);
    expect(await sweepNumberedUsers(store, started, later)).toBe(1);
    await swept('race');
    // A second sweep of the same span adds nothing new.
    expect(await sweepNumberedUsers(store, started, later)).toBe(1);
    await swept('race');

    // The job, its clock a minute and more ahead: its first sweep (at start) reaches the user.
    await race('race-job');
    const lines: { level: number; msg: string; users?: number }[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const stop = startNumberingSweep(store, logger, {
      intervalMs: 3_600_000,
      clock: async () => new Date(Date.now() + 62_000),
    });
    await stop();
    await swept('race-job');
    expect(lines).toEqual([expect.objectContaining({ level: 20, users: expect.any(Number) })]);
    // By default the job reads ClickHouse's clock, which stamped the numbers (a delay below 0 reaches now).
    await race('race-clock');
    await startNumberingSweep(store, logger, { intervalMs: 3_600_000, delayMs: -2_000 })();
    await swept('race-clock');
  });

  it('gives each of 30,000 users mirrored in one insert a distinct number, 1 to 30,000', async () => {
    await store.insert(
      'analytics_internal.users',
      Array.from({ length: 30_000 }, (_, i) => user('big', i + 1)),
    );
    const [row] = await store.query<{ users: number; distinct_numbers: number; lowest: number; highest: number }>(
      `SELECT count() AS users, uniqExact(n) AS distinct_numbers, min(n) AS lowest, max(n) AS highest
       FROM analytics_internal.user_numbers WHERE startsWith(k, 'big:')`,
    );
    expect(row).toEqual({ users: 30_000, distinct_numbers: 30_000, lowest: 1, highest: 30_000 });
  });

  it('deleting a project removes its numbers, its top and its days, and no other project’s', async () => {
    await deleteProjectData(store, ['p']);
    expect(await numbers(store, 'p')).toEqual([]);
    expect(await activeDays('p')).toEqual([]);
    const [states] = await store.query<{ rows: number }>(
      `SELECT count() AS rows FROM analytics_internal.user_states WHERE project_id = 'p'`,
    );
    expect(states!.rows).toBe(0);
    const [logged] = await store.query<{ rows: number }>(
      `SELECT count() AS rows FROM analytics_internal.recently_numbered WHERE project_id = 'p'`,
    );
    expect(logged!.rows).toBe(0);
    expect(await numbers(store, 'q')).toEqual([{ user_id: id(7), n: 1 }]);
    // A new user of a project mirrored again starts from 1: its top went with it.
    await store.insert('analytics_internal.users', [user('p', 8)]);
    expect(await numbers(store, 'p')).toEqual([{ user_id: id(8), n: 1 }]);
  });
});
