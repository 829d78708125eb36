// The overview metrics (PRODUCT.md §6): request and response schemas of GET /projects/:id/metrics and
// /metrics/live, shared by the server (which validates every response against them) and the dashboard.
import { z } from 'zod';

/** Today (UTC) and the 30 days before it: every daily series has exactly this many points. */
export const WINDOW_DAYS = 31;
/** Live = a `$token-refresh` in (now − 120 s, now]. */
export const LIVE_SECONDS = 120;
/** At most this many users per country in `live_users_by_country`. */
export const LIVE_USERS_PER_COUNTRY = 8;
/** Length of `top_referrers`, `recently_registered` and `recently_active`. */
export const TOP_LIMIT = 10;

const Count = z.number().int().nonnegative();
const Day = z.iso.date();
const Instant = z.iso.datetime();
const CountryCode = z.string().min(1);

export const MetricsQuery = z.object({
  include_anonymous: z
    .enum(['true', 'false'], { error: "must be 'true' or 'false'" })
    .default('false')
    .transform((value) => value === 'true'),
});

export const DailyPoint = z.object({ date: Day, activity: z.number().nonnegative() });
export type DailyPoint = z.infer<typeof DailyPoint>;
export const DailySeries = z.array(DailyPoint).length(WINDOW_DAYS);

export const DailyActiveSplitPoint = z.object({ date: Day, new: Count, retained: Count, reactivated: Count });
export type DailyActiveSplitPoint = z.infer<typeof DailyActiveSplitPoint>;

export const UserSummary = z.object({
  id: z.string(),
  display_name: z.string().nullable(),
  primary_email: z.string().nullable(),
  profile_image_url: z.string().nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

/** Country code → up to 8 live users whose latest live `$token-refresh` was located there. */
export const LiveUsersByCountry = z.record(CountryCode, z.array(UserSummary).max(LIVE_USERS_PER_COUNTRY));
export type LiveUsersByCountry = z.infer<typeof LiveUsersByCountry>;

export const Referrer = z.object({ referrer: z.string(), visitors: Count });
export type Referrer = z.infer<typeof Referrer>;

export const TopRegion = z.object({ country_code: CountryCode, region_code: z.string().nullable(), users: Count }).nullable();
export type TopRegion = z.infer<typeof TopRegion>;

export const RegisteredUser = UserSummary.extend({ signed_up_at: Instant });
export type RegisteredUser = z.infer<typeof RegisteredUser>;
export const ActiveUser = UserSummary.extend({ last_active_at: Instant });
export type ActiveUser = z.infer<typeof ActiveUser>;

export const LoginMethod = z.object({ method: z.string(), count: Count });
export type LoginMethod = z.infer<typeof LoginMethod>;

export const EmailStats = z.object({
  total: Count,
  by_status: z.object({ ok: Count, error: Count, in_progress: Count }),
  sent: Count,
  delivered: Count,
  bounced: Count,
  /** delivered / sent and bounced / sent, rounded to 4 decimals; 0 when nothing was sent. */
  delivered_rate: z.number().min(0).max(1),
  bounced_rate: z.number().min(0).max(1),
  daily_emails: DailySeries,
});
export type EmailStats = z.infer<typeof EmailStats>;

export const PaymentStats = z.object({
  subscriptions_by_status: z.object({ active: Count, trialing: Count, paused: Count, canceled: Count }),
  /** active + trialing. */
  active_subscriptions: Count,
  /** Paid and succeeded invoices, all time. */
  revenue_cents: Count,
  /** MRR proxy: paid and succeeded invoices of the last 30 days. */
  mrr_cents: Count,
  /** One-time purchases. */
  orders: Count,
  daily_revenue_cents: DailySeries,
});
export type PaymentStats = z.infer<typeof PaymentStats>;

export const ReplayStats = z.object({
  total: Count,
  last_30_days: Count,
  /** Mean of last_event_at − started_at, rounded to 0.1 s. */
  average_session_seconds: z.number().nonnegative(),
});
export type ReplayStats = z.infer<typeof ReplayStats>;

const liveFields = {
  live_users: Count,
  live_users_by_country: LiveUsersByCountry,
};

export const MetricsResponse = z.object({
  now: Instant,
  /** Start of the first day, and `now` (inclusive: nothing after now is ever counted). */
  window: z.object({ from: Instant, to: Instant }),
  total_users: Count,
  anonymous_users: Count,
  verified_users: Count,
  unverified_users: Count,
  total_teams: Count,
  mau: Count,
  ...liveFields,
  /** Country code → existing users whose latest located `$token-refresh` in the window was there. */
  users_by_country: z.record(CountryCode, Count),
  daily_signups: DailySeries,
  daily_active_users: DailySeries,
  daily_active_users_split: z.array(DailyActiveSplitPoint).length(WINDOW_DAYS),
  daily_page_views: DailySeries,
  daily_clicks: DailySeries,
  daily_visitors: DailySeries,
  visitors: Count,
  top_referrers: z.array(Referrer).max(TOP_LIMIT),
  top_region: TopRegion,
  recently_registered: z.array(RegisteredUser).max(TOP_LIMIT),
  recently_active: z.array(ActiveUser).max(TOP_LIMIT),
  login_methods: z.array(LoginMethod),
  emails: EmailStats,
  payments: PaymentStats,
  replays: ReplayStats,
});
export type MetricsResponse = z.infer<typeof MetricsResponse>;

export const LiveMetricsResponse = z.object({ now: Instant, ...liveFields });
export type LiveMetricsResponse = z.infer<typeof LiveMetricsResponse>;
