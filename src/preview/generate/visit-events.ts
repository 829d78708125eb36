// The scheduled visits, planned; and their ClickHouse event rows (only through src/events/event-rows.ts),
// ordered by event_at. The rows are built on demand: on chDB the writer sends the visits and ClickHouse
// builds the same rows (src/preview/write-visit-events.ts), so a preview never needs them in memory.
import {
  clickEvent,
  pageViewEvent,
  tokenRefreshEvent,
  type EventRow,
  type EventScope,
} from '../../events/event-rows.js';
import type { VisitSchedule } from './activity.js';
import type { GenerationContext } from './context.js';
import type { Person } from './person.js';
import type { ReplayPlan } from './replays.js';
import { planVisit } from './visit-plan.js';
import type { SeededVisit } from './visit.js';

/** Plans every scheduled visit (this is where the visits draw from the PRNG) and completes the replay
 * recordings with their visit's end and token. */
export function planVisits(
  ctx: GenerationContext,
  people: readonly Person[],
  schedule: VisitSchedule,
  replays: ReplayPlan,
): SeededVisit[] {
  const visits: SeededVisit[] = [];
  for (let v = 0; v < schedule.count; v += 1) {
    const person = people[schedule.personIndex[v] as number] as Person;
    const visit = planVisit(ctx.random, person, schedule.startMs[v] as number, schedule.isSignUp[v] === 1);
    const recording = replays.recorded[replays.replayOfVisit[v] as number];
    if (recording) {
      recording.endMs = visit.endMs;
      recording.refreshTokenId = visit.refreshTokenId;
    }
    visits.push({ ...visit, sessionReplayId: recording?.id ?? null });
  }
  return visits;
}

/** How many event rows the visits make. */
export const visitEventCount = (visits: readonly SeededVisit[]): number =>
  visits.reduce((n, v) => n + 1 + v.pages.length + (v.click ? 1 : 0), 0);

/** The visits' event rows, ordered by event_at. Uses no randomness: planVisits already drew everything. */
export function visitEventRows(scope: EventScope, visits: readonly SeededVisit[]): EventRow[] {
  const rows: EventRow[] = [];
  // Times beside the rows rather than wrapper objects: a million extra objects cost more than the sort.
  const times: number[] = [];
  const emit = (ms: number, row: EventRow): void => {
    rows.push(row);
    times.push(ms);
  };
  for (const visit of visits) {
    const { person, refreshTokenId, sessionReplayId } = visit;
    const userId = person.id;
    const isAnonymous = person.isAnonymous;
    emit(
      visit.startMs,
      tokenRefreshEvent(scope, {
        at: new Date(visit.startMs),
        userId,
        refreshTokenId,
        isAnonymous,
        ipInfo: person.ipInfo,
      }),
    );
    for (const { atMs, page } of visit.pages) {
      emit(
        atMs,
        pageViewEvent(scope, {
          at: new Date(atMs),
          userId,
          refreshTokenId,
          sessionReplayId,
          data: {
            url: page.url,
            path: page.path,
            // An SPA keeps document.referrer of the landing page across client-side navigations, so every
            // page view of a visit reports where the visitor came from (and top referrers stay meaningful).
            referrer: visit.referrer,
            title: page.title,
            is_anonymous: isAnonymous,
            viewport_width: person.device.viewportWidth,
            viewport_height: person.device.viewportHeight,
            screen_width: person.device.screenWidth,
            screen_height: person.device.screenHeight,
          },
        }),
      );
    }
    const { click } = visit;
    if (click) {
      const { target } = click;
      emit(
        click.atMs,
        clickEvent(scope, {
          at: new Date(click.atMs),
          userId,
          refreshTokenId,
          sessionReplayId,
          data: {
            selector: target.selector,
            tag_name: target.tagName,
            ...(target.text === undefined ? {} : { text: target.text }),
            ...(target.href === undefined ? {} : { href: target.href }),
            x: click.x,
            y: click.y,
            is_anonymous: isAnonymous,
          },
        }),
      );
    }
  }
  // Visits come in start order and last minutes, so the rows are nearly sorted already and TimSort is
  // close to linear. Ties keep emission order (stable sort), which is deterministic.
  const order = rows.map((_, i) => i);
  order.sort((a, b) => (times[a] as number) - (times[b] as number));
  return order.map((i) => rows[i] as EventRow);
}
