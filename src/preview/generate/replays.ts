// Session replays: a steady share of all visits, over the whole history, was recorded. They are chosen before
// the visits' events are built (page views and clicks carry the replay id); the rows come after, once each
// recorded visit's last event is known. A recording covers its visit and runs on (reading, idling) for
// 10 s to 20 min in all, log-uniformly: most sessions are short.
import type { VisitSchedule } from './activity.js';
import type { GenerationContext } from './context.js';
import type { Person } from './person.js';
import type { SessionReplayRow } from './types.js';

/** Share of visits recorded (the app samples sessions for replay). */
const RECORDED_SHARE = 0.05;
const MIN_DURATION_MS = 10_000;
const MAX_DURATION_MS = 20 * 60_000;
/** A recording stops a little after the visit's last event. */
const TAIL_MS = 2_000;
/** No replay is still "in progress" at `now`. */
const END_BEFORE_NOW_MS = 1_000;

export interface RecordedVisit {
  /** Index in the visit schedule. */
  visit: number;
  id: string;
  /** Filled in while the visit's events are built. */
  endMs: number;
  refreshTokenId: string;
}

export interface ReplayPlan {
  /** Per visit of the schedule: the index of its recording in `recorded`, or -1. */
  replayOfVisit: Int32Array;
  recorded: RecordedVisit[];
}

export function chooseReplays(ctx: GenerationContext, schedule: VisitSchedule): ReplayPlan {
  const { random, ids } = ctx;
  const replayOfVisit = new Int32Array(schedule.count).fill(-1);
  const recorded: RecordedVisit[] = [];
  for (let visit = 0; visit < schedule.count; visit += 1) {
    if (!random.chance(RECORDED_SHARE)) continue;
    replayOfVisit[visit] = recorded.length;
    recorded.push({ visit, id: ids('session-replay', recorded.length), endMs: Number.NaN, refreshTokenId: '' });
  }
  return { replayOfVisit, recorded };
}

export function buildReplayRows(
  ctx: GenerationContext,
  people: readonly Person[],
  schedule: VisitSchedule,
  plan: ReplayPlan,
): SessionReplayRow[] {
  const { random, timeline, scope } = ctx;
  return plan.recorded.map(({ visit, id, endMs, refreshTokenId }) => {
    if (Number.isNaN(endMs)) throw new Error('replay rows need the visits built first');
    const startMs = schedule.startMs[visit] as number;
    const shortest = Math.max(MIN_DURATION_MS, endMs - startMs + TAIL_MS);
    const duration = shortest * (MAX_DURATION_MS / shortest) ** random.float();
    return {
      projectId: scope.projectId,
      branchId: scope.branchId,
      id,
      userId: (people[schedule.personIndex[visit] as number] as Person).id,
      refreshTokenId,
      startedAt: new Date(startMs),
      lastEventAt: new Date(Math.min(Math.round(startMs + duration), timeline.nowMs - END_BEFORE_NOW_MS)),
    };
  });
}
