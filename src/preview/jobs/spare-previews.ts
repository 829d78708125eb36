// Spare previews: `serve` keeps a few standard previews seeded ahead of time, so a visitor's
// `POST /api/v1/preview/projects` hands one out at once instead of generating and writing ~26k rows
// while the visitor waits.
//
// A waiting spare is kept live: every REFRESH_EVERY_MS its 8 live `$token-refresh` events are written
// again, moved forward by the time it has waited, so at any moment its latest ones are under a minute
// old. Handing it out then writes nothing: its expiry starts now, the events stay live for at least
// another minute, and the keep-alive takes over from there. Only a spare whose refresh did not happen
// (it failed, or the timer was held up) has them written at the hand-out, an insert that costs the
// rollups' views (~30 ms, docs/benchmarks.md). A spare older than `maxAgeMs` is retired (its expiry set
// to now, so the expiry job deletes it) and seeded again: its data would be going stale, and its
// refreshes piling up. The project's keys were made with it and are kept only in this process's memory
// until handed out; a spare left behind by a crash is an unclaimed preview like any other and the
// expiry job deletes it.
//
// Refilling waits until no spare was taken for `refillDelayMs`: seeding costs ~1 s of CPU, and right
// after a hand-out that visitor's dashboard is asking for its metrics.
import type { Logger } from 'pino';
import { insertEvents } from '../../analytics/insert-events.js';
import { FIRST_SEED_GENERATION, setProjectExpiry } from '../../db/projects.js';
import { formatEventAt, parseEventAt, type EventRow } from '../../events/event-rows.js';
import type { Stores } from '../../stores.js';
import { createPreviewProject, type PreviewProject } from '../create-preview-project.js';

const EXPIRY_MARGIN_MS = 60_000;
/** A spare handed out this soon after its live events were written keeps them (live for 120 s, written ≤ 4 s before). */
export const STILL_LIVE_MS = 60_000;
/** How often a waiting spare's live events are written again: well inside STILL_LIVE_MS. */
export const REFRESH_EVERY_MS = 45_000;
const MAX_AGE_MS = 60 * 60_000;

export interface SparePreviewOptions {
  /** How many spares to keep ready (0 turns spares off). */
  size: number;
  ttlMs: number;
  refillDelayMs?: number;
  /** Wait after a failed refill before trying again. */
  retryDelayMs?: number;
  logger?: Logger;
  clock?: () => Date;
  /** Run once on each new spare before it is offered (serve reads its overview, so the first visitor's
   *  `/metrics` finds ClickHouse's caches warm for that project). */
  warm?: (projectId: string) => Promise<unknown>;
  /** Rejects when seeding must wait (serve passes the disk floor's check): tried again after retryDelayMs. */
  mayWrite?: () => Promise<void>;
  /** A spare older than this is retired and seeded again (default 1 h). */
  maxAgeMs?: number;
  /** How often waiting spares are refreshed (default REFRESH_EVERY_MS; must stay under STILL_LIVE_MS). */
  refreshEveryMs?: number;
}

export interface SparePreviews {
  /** A ready preview, handed out to exactly one caller, or undefined when none is ready. */
  take(): Promise<PreviewProject | undefined>;
  /** How many are ready now (tests, logs). */
  ready(): number;
  /** Keeps the waiting spares live and retires the old ones; `start` runs it every `refreshEveryMs`. */
  refresh(): Promise<void>;
  /** Starts filling (after the refill delay) and refreshing. */
  start(): void;
  /** Stops refilling and waits for a refill in progress, so the stores can close under nothing. */
  stop(): Promise<void>;
}

export function createSparePreviews(stores: Stores, options: SparePreviewOptions): SparePreviews {
  const {
    size,
    ttlMs,
    refillDelayMs = 3_000,
    retryDelayMs = 30_000,
    logger,
    clock = () => new Date(),
    warm,
    mayWrite,
    maxAgeMs = MAX_AGE_MS,
    refreshEveryMs = REFRESH_EVERY_MS,
  } = options;
  /** Ready spares, oldest first, each with when its live events were last written (on `clock`). */
  const spares: { project: PreviewProject; liveAt: number }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let refreshTimer: NodeJS.Timeout | undefined;
  let filling: Promise<void> | undefined;
  let refreshing: Promise<void> = Promise.resolve();
  let stopped = size === 0;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      filling ??= fill().finally(() => (filling = undefined));
    }, delayMs);
    timer.unref();
  };

  const fill = async () => {
    try {
      while (!stopped && spares.length < size) {
        await mayWrite?.();
        const now = clock();
        // Expiry is renewed on hand-out; until then an abandoned spare still expires like any preview.
        const started = performance.now();
        const spare = await createPreviewProject(stores, {
          now,
          isPreview: true,
          expiresAt: new Date(now.getTime() + ttlMs),
        });
        await warm?.(spare.projectId);
        spares.push({ project: spare, liveAt: spare.createdAt.getTime() });
        logger?.debug(
          { projectId: spare.projectId, ms: Math.round(performance.now() - started), ready: spares.length },
          'spare preview ready',
        );
      }
    } catch (error) {
      logger?.warn({ err: error }, 'could not seed a spare preview; trying again later');
      schedule(retryDelayMs);
    }
  };

  /** The spare's live events written again, moved forward by the time since its seeding (live now). */
  const writeLive = (spare: PreviewProject, now: Date) =>
    insertEvents(stores.analytics, movedForward(spare.live.events, now.getTime() - spare.createdAt.getTime()), {
      seeded: FIRST_SEED_GENERATION,
    });

  const refreshNow = async () => {
    const now = clock();
    for (const spare of [...spares]) {
      if (now.getTime() - spare.project.createdAt.getTime() > maxAgeMs) {
        spares.splice(spares.indexOf(spare), 1);
        await setProjectExpiry(stores.postgres.db, spare.project.projectId, now);
        logger?.debug({ projectId: spare.project.projectId }, 'spare preview retired');
        schedule(refillDelayMs);
      } else if (now.getTime() - spare.liveAt >= refreshEveryMs) {
        // Below the disk floor nothing background writes (the hand-out then writes them, as a visitor asks).
        await mayWrite?.();
        await writeLive(spare.project, now);
        spare.liveAt = now.getTime();
      }
    }
  };

  const handOut = async (): Promise<PreviewProject | undefined> => {
    const started = performance.now();
    // A refresh in progress finishes first, so the hand-out sees when the live events were written.
    await refreshing;
    const now = clock();
    const expiresAt = new Date(now.getTime() + ttlMs);
    let taken: (typeof spares)[number] | undefined;
    // A spare that waited until (nearly) its old expiry may already be gone: the expiry job owns it then.
    while ((taken = spares.shift())) {
      const stillThere =
        taken.project.expiresAt!.getTime() - now.getTime() > EXPIRY_MARGIN_MS &&
        (await setProjectExpiry(stores.postgres.db, taken.project.projectId, expiresAt));
      if (stillThere) break;
    }
    if (!taken) return undefined;
    const spare = taken.project;
    const postgresMs = performance.now() - started;
    if (now.getTime() - taken.liveAt > STILL_LIVE_MS) await writeLive(spare, now);
    const totalMs = performance.now() - started;
    return {
      ...spare,
      expiresAt,
      timings: {
        generate_ms: 0,
        postgres_ms: Math.round(postgresMs),
        clickhouse_ms: Math.round(totalMs - postgresMs),
        total_ms: Math.round(totalMs),
      },
    };
  };

  const refresh = () => {
    refreshing = refreshing.then(refreshNow).catch((error: unknown) => {
      logger?.warn({ err: error }, 'could not refresh a spare preview; its hand-out writes its live events');
    });
    return refreshing;
  };

  return {
    async take() {
      try {
        return await handOut();
      } finally {
        // Counted from the end of the hand-out, so seeding the next spare never slows this one down.
        schedule(refillDelayMs);
      }
    },
    ready: () => spares.length,
    refresh,
    start() {
      schedule(refillDelayMs);
      if (stopped || refreshTimer) return;
      refreshTimer = setInterval(() => void refresh(), refreshEveryMs);
      refreshTimer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (refreshTimer) clearInterval(refreshTimer);
      await Promise.all([filling, refreshing]);
    },
  };
}

/** The same live events, `deltaMs` later (≥ 0, so an event at or before the spare's creation stays ≤ now). */
export function movedForward(events: readonly EventRow[], deltaMs: number): EventRow[] {
  const shift = Math.max(0, deltaMs);
  return events.map((e) => ({ ...e, event_at: formatEventAt(new Date(parseEventAt(e.event_at).getTime() + shift)) }));
}
