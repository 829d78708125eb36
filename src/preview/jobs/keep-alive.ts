// "Alive while watched": while someone polls a preview project's live metrics, keep emitting fresh
// `$token-refresh` events from that project's own seeded users, each dated the moment it is written.
// Stops for a project nobody has polled for 2 minutes. Preview projects only.
import type { Logger } from 'pino';
import { insertEvents } from '../../analytics/insert-events.js';
import { liveUserIds } from '../../analytics/project-data.js';
import { getProject, isExpired } from '../../db/projects.js';
import { DEFAULT_BRANCH } from '../../branch.js';
import { tokenRefreshEvent } from '../../events/event-rows.js';
import type { Stores } from '../../stores.js';
import { liveCandidates, type LiveCandidate } from '../generate/live-candidates.js';
import { uuidFromName } from '../generate/ids.js';
import { loadGenerator } from '../generate/load.js';
import { plannedLiveUsers } from './keep-alive-plan.js';

export const WATCH_TIMEOUT_MS = 120_000;
export const TICK_MS = 10_000;
/** Re-emit for a planned user at most this often: well inside the 120 s live window. */
const EMIT_EVERY_MS = 45_000;
/** Previews created but not yet polled whose candidates are kept (oldest dropped first). */
const MAX_PRIMED = 64;

interface Watched {
  lastPolledAt: number;
  candidates: LiveCandidate[];
  lastEmitted: Map<string, number>;
}

export class PreviewKeepAlive {
  private readonly watched = new Map<string, Watched>();
  private readonly notPreview = new Set<string>();
  private readonly primed = new Map<string, LiveCandidate[]>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly stores: Stores,
    private readonly options: { clock?: () => Date; logger?: Logger } = {},
  ) {}

  private now(): Date {
    return this.options.clock ? this.options.clock() : new Date();
  }

  /** Called on every successful live poll; cheap after the first call for a project. */
  async touch(projectId: string): Promise<void> {
    if (this.notPreview.has(projectId)) return;
    const existing = this.watched.get(projectId);
    if (existing) {
      existing.lastPolledAt = this.now().getTime();
      return;
    }
    const project = await getProject(this.stores.postgres.db, projectId);
    if (!project?.isPreview || !project.previewParams) {
      this.notPreview.add(projectId);
      return;
    }
    // The same ids and home cities the seeder wrote: handed over at creation (prime) by this process, or
    // regenerated from the stored parameters (~0.1–0.2 s of CPU, e.g. after a restart).
    let candidates = this.primed.get(projectId);
    this.primed.delete(projectId);
    if (!candidates)
      candidates = liveCandidates(
        (await loadGenerator())({ projectId, now: project.createdAt, ...project.previewParams }),
      );
    this.watched.set(projectId, {
      lastPolledAt: this.now().getTime(),
      candidates,
      lastEmitted: new Map(),
    });
  }

  /** A preview just created by this process: remember who may come online, so the first poll need not regenerate. */
  prime(projectId: string, candidates: LiveCandidate[]): void {
    if (this.primed.size >= MAX_PRIMED) this.primed.delete(this.primed.keys().next().value as string);
    this.primed.set(projectId, candidates);
  }

  /** One round: emit for every watched project, forget the unwatched. Safe to call directly (tests). */
  async tick(): Promise<number> {
    const now = this.now();
    let emitted = 0;
    for (const [projectId, w] of this.watched) {
      if (now.getTime() - w.lastPolledAt > WATCH_TIMEOUT_MS) {
        this.watched.delete(projectId);
        continue;
      }
      const minute = Math.floor(now.getTime() / 60_000);
      const planned = plannedLiveUsers(projectId, minute, w.candidates);
      // Top up to the minute's planned count, never past it: the seeded live users (and anyone else
      // live) count, so the number stays believable instead of stacking up.
      const live = await liveUserIds(this.stores.analytics, projectId, now);
      const due = planned
        .filter((c) => !live.has(c.userId) && now.getTime() - (w.lastEmitted.get(c.userId) ?? 0) >= EMIT_EVERY_MS)
        .slice(0, Math.max(0, planned.length - live.size));
      if (due.length === 0) continue;
      // Read again before each write: a reseed may have moved the project to its next seed generation
      // (events under the old one no longer count), and a deleted or expired project gets nothing more.
      const project = await getProject(this.stores.postgres.db, projectId);
      if (!project || isExpired(project, now)) {
        this.watched.delete(projectId);
        continue;
      }
      const scope = { projectId, branchId: DEFAULT_BRANCH };
      const rows = due.map((c) =>
        tokenRefreshEvent(scope, {
          at: now,
          userId: c.userId,
          refreshTokenId: keepAliveTokenId(projectId, c.userId, minute),
          isAnonymous: false,
          ipInfo: c.ipInfo,
        }),
      );
      await insertEvents(this.stores.analytics, rows, { seeded: project.seedGeneration });
      for (const c of due) w.lastEmitted.set(c.userId, now.getTime());
      emitted += rows.length;
    }
    return emitted;
  }

  watching(): string[] {
    return [...this.watched.keys()];
  }

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.tick().then(
        () => undefined,
        (error: unknown) => this.options.logger?.warn({ err: error }, 'preview keep-alive tick failed'),
      );
    }, TICK_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}

/** A stable refresh-token id per (project, user, minute). */
function keepAliveTokenId(projectId: string, userId: string, minute: number): string {
  return uuidFromName(`${projectId}:${userId}:keep-alive:${minute}`);
}
