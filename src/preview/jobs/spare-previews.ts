// Spare previews: `serve` keeps a few standard previews seeded ahead of time, so a visitor's
// `POST /api/v1/preview/projects` hands one out at once instead of generating and writing ~26k rows
// while the visitor waits.
//
// Handing out a spare: its expiry starts now, and its 8 live `$token-refresh` events are written again,
// moved forward by the time the spare waited (so they are live now and never dated after now), unless
// it waited at most STILL_LIVE_MS: then the ones it was seeded with stay live for at least another
// minute, the keep-alive takes over from there, and the hand-out skips an insert that costs the
// rollups' views (~30 ms, docs/benchmarks.md). The
// project's keys were made with it and are kept only in this process's memory until handed out; a spare
// left behind by a crash is an unclaimed preview like any other and the expiry job deletes it.
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
/** A spare handed out this soon after seeding keeps its live events (live for 120 s, seeded ≤ 4 s before). */
export const STILL_LIVE_MS = 60_000;

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
}

export interface SparePreviews {
  /** A ready preview, handed out to exactly one caller, or undefined when none is ready. */
  take(): Promise<PreviewProject | undefined>;
  /** How many are ready now (tests, logs). */
  ready(): number;
  /** Starts filling (after the refill delay). */
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
  } = options;
  const spares: PreviewProject[] = [];
  let timer: NodeJS.Timeout | undefined;
  let filling: Promise<void> | undefined;
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
        spares.push(spare);
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

  const handOut = async (): Promise<PreviewProject | undefined> => {
    const started = performance.now();
    const now = clock();
    const expiresAt = new Date(now.getTime() + ttlMs);
    let spare: PreviewProject | undefined;
    // A spare that waited until (nearly) its old expiry may already be gone: the expiry job owns it then.
    while ((spare = spares.shift())) {
      const stillThere =
        spare.expiresAt!.getTime() - now.getTime() > EXPIRY_MARGIN_MS &&
        (await setProjectExpiry(stores.postgres.db, spare.projectId, expiresAt));
      if (stillThere) break;
    }
    if (!spare) return undefined;
    const postgresMs = performance.now() - started;
    const waitedMs = now.getTime() - spare.createdAt.getTime();
    if (waitedMs > STILL_LIVE_MS)
      await insertEvents(stores.analytics, movedForward(spare.live.events, waitedMs), {
        seeded: FIRST_SEED_GENERATION,
      });
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
    start() {
      schedule(refillDelayMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await filling;
    },
  };
}

/** The same live events, `deltaMs` later (≥ 0, so an event at or before the spare's creation stays ≤ now). */
export function movedForward(events: readonly EventRow[], deltaMs: number): EventRow[] {
  const shift = Math.max(0, deltaMs);
  return events.map((e) => ({ ...e, event_at: formatEventAt(new Date(parseEventAt(e.event_at).getTime() + shift)) }));
}
