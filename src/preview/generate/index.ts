// generatePreviewDataset: (projectId, seed, now, size) → every row of a preview project, for both stores.
// Pure: no I/O, no clock, no unseeded randomness. The steps run in a fixed order because they share one PRNG:
// reordering them (or iterating anything in an unstable order) changes every dataset.
import { scheduleVisits } from './activity.js';
import { DEFAULT_BRANCH } from '../../branch.js';
import type { GenerationContext } from './context.js';
import { DailyCycle } from './daily-cycle.js';
import { generateEmails } from './emails.js';
import { createIdFactory } from './ids.js';
import { generateLiveEvents } from './live.js';
import { generatePayments } from './payments.js';
import { buildPeopleRows } from './people-rows.js';
import { generatePeople } from './people.js';
import { indexPersonVisits } from './person-visits.js';
import { Random } from './random.js';
import { buildReplayRows, chooseReplays } from './replays.js';
import { resolveSize } from './sizes.js';
import { generateTeams } from './teams.js';
import { createTimeline } from './timeline.js';
import type { GenerateOptions, PreviewDataset } from './types.js';
import type { EventRow } from '../../events/event-rows.js';
import { planVisits, visitEventRows } from './visit-events.js';

export type { GenerateOptions, PreviewDataset, PreviewSize } from './types.js';
export { PREVIEW_SIZES } from './types.js';
export { SIZE_PROFILES, DEFAULT_SIZE } from './sizes.js';

export function generatePreviewDataset(options: GenerateOptions): PreviewDataset {
  const { projectId, seed, now } = options;
  const size = resolveSize(options);
  const timeline = createTimeline(now, size.days);
  const ctx: GenerationContext = {
    scope: { projectId, branchId: DEFAULT_BRANCH },
    // The PRNG depends on the seed only: two projects with one seed differ in ids, not in shape.
    random: new Random(seed),
    ids: createIdFactory(projectId, seed),
    timeline,
    cycle: new DailyCycle(timeline),
  };

  const people = generatePeople(ctx, size.generatedUsers);
  const teams = generateTeams(ctx, people);
  const schedule = scheduleVisits(ctx, people, size.extraVisitsPerActiveDay);
  const replays = chooseReplays(ctx, schedule);
  const visits = planVisits(ctx, people, schedule, replays);
  const sessionReplays = buildReplayRows(ctx, people, schedule, replays);
  const returnVisits = indexPersonVisits(schedule, people.length);
  const { subscriptions, invoices, oneTimePurchases, paidInvoices } = generatePayments(
    ctx,
    people,
    teams,
    returnVisits,
  );
  const emails = generateEmails(ctx, people, teams, returnVisits, paidInvoices);
  const liveEvents = generateLiveEvents(ctx, people);
  const { users, contactChannels, authMethods } = buildPeopleRows(ctx, people);
  let events: EventRow[] | undefined;

  return {
    projectId,
    branchId: DEFAULT_BRANCH,
    seed,
    now: new Date(timeline.nowMs),
    users,
    contactChannels,
    teams: teams.teams,
    teamMembers: teams.teamMembers,
    authMethods,
    emails,
    sessionReplays,
    subscriptions,
    invoices,
    oneTimePurchases,
    // Built on first use (tests, a ClickHouse server over HTTP): on chDB the writer sends the visits.
    get events() {
      return (events ??= visitEventRows(ctx.scope, visits));
    },
    visits,
    liveEvents,
  };
}
