// The contract between the pure preview generator and the writers: every row for both stores.
// Postgres rows use the Drizzle insert shape of src/db/schema (camelCase, Date); the writers insert them
// as they are. Events are final ClickHouse rows built with src/events/event-rows.ts.
import type { ContactChannelRow, Scoped, TeamMemberRow, TeamRow, UserRow } from '../../db/rows.js';
import type { EventRow } from '../../events/event-rows.js';
import type { AuthMethodKind } from './person.js';
import type { SeededVisit } from './visit.js';

export const PREVIEW_SIZES = ['tiny', 'standard', 'large'] as const;
export type PreviewSize = (typeof PREVIEW_SIZES)[number];

export interface GenerateOptions {
  /** Part of every derived id: two projects never share an id. */
  projectId: string;
  seed: string;
  /** Nothing in the dataset is dated after this instant. */
  now: Date;
  size?: PreviewSize;
  /** Overrides the size's number of generated (not hand-written) users. */
  users?: number;
  /** Overrides the size's days of history (standard: 60). */
  days?: number;
}

export type { ContactChannelRow, TeamMemberRow, TeamRow, UserRow } from '../../db/rows.js';

export interface AuthMethodRow extends Scoped {
  id: string;
  userId: string;
  kind: AuthMethodKind;
  /** Set exactly when kind is 'oauth' (e.g. 'google', 'github', 'microsoft'). */
  oauthProvider: string | null;
  createdAt: Date;
}

export interface EmailRow extends Scoped {
  id: string;
  userId: string | null;
  toAddress: string;
  subject: string;
  status: 'ok' | 'error' | 'in_progress';
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  bouncedAt: Date | null;
  clickedAt: Date | null;
}

export interface SessionReplayRow extends Scoped {
  id: string;
  userId: string;
  refreshTokenId: string;
  startedAt: Date;
  lastEventAt: Date;
}

export interface SubscriptionRow extends Scoped {
  id: string;
  customerType: 'user' | 'team';
  customerId: string;
  productId: string;
  status: 'active' | 'trialing' | 'paused' | 'canceled';
  quantity: number;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  createdAt: Date;
}

export interface InvoiceRow extends Scoped {
  id: string;
  subscriptionId: string;
  status: 'paid' | 'succeeded' | 'open' | 'void';
  amountCents: number;
  createdAt: Date;
}

export interface OneTimePurchaseRow extends Scoped {
  id: string;
  customerType: 'user' | 'team';
  customerId: string;
  productId: string;
  quantity: number;
  createdAt: Date;
}

export interface PreviewDataset {
  projectId: string;
  branchId: string;
  seed: string;
  now: Date;
  users: UserRow[];
  contactChannels: ContactChannelRow[];
  teams: TeamRow[];
  teamMembers: TeamMemberRow[];
  authMethods: AuthMethodRow[];
  emails: EmailRow[];
  sessionReplays: SessionReplayRow[];
  subscriptions: SubscriptionRow[];
  invoices: InvoiceRow[];
  oneTimePurchases: OneTimePurchaseRow[];
  /** History, ordered by event_at; none after `now`. Built from `visits` on first access. */
  readonly events: EventRow[];
  /** The visits behind `events` (each one `$token-refresh`, its page views, maybe a click), in start order:
   * on chDB the writer sends these and ClickHouse builds exactly `events` from them. */
  visits: SeededVisit[];
  /** The 8 live `$token-refresh` events (last few seconds, 8 users, 8 countries), written last. */
  liveEvents: EventRow[];
}
