import type { PreviewDataset } from './types.js';
import { visitEventCount } from './visit-events.js';

/** Row counts of a dataset, as the API and the CLI report them. */
export function seedSummary(d: PreviewDataset) {
  return {
    users: d.users.length,
    teams: d.teams.length,
    team_members: d.teamMembers.length,
    contact_channels: d.contactChannels.length,
    auth_methods: d.authMethods.length,
    emails: d.emails.length,
    session_replays: d.sessionReplays.length,
    subscriptions: d.subscriptions.length,
    invoices: d.invoices.length,
    one_time_purchases: d.oneTimePurchases.length,
    events: visitEventCount(d.visits),
    live_events: d.liveEvents.length,
  };
}

export type SeedSummary = ReturnType<typeof seedSummary>;
