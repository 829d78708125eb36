// The overview metrics (docs/product.md §6): request and response schemas of GET /projects/:id/metrics and
// /metrics/live, shared by the server (which validates every response against them) and the dashboard.
import { z } from 'zod';

/**
 * The window: the whole UTC days every daily series covers, one zero-filled point per day. Chosen with
 * `range=7d|30d|90d|365d` (today and the N days before it) or `from`/`to` (whole UTC days, both
 * included). Without either it is `30d`: today and the 30 days before, 31 points.
 */
export const RANGES = { '7d': 7, '30d': 30, '90d': 90, '365d': 365 } as const;
export type RangeName = keyof typeof RANGES;
export const RANGE_NAMES = Object.keys(RANGES) as [RangeName, ...RangeName[]];
export const DEFAULT_RANGE: RangeName = '30d';
/** Days of the default window (today and the 30 days before it). */
export const WINDOW_DAYS = RANGES[DEFAULT_RANGE] + 1;
/** Most days a `from`/`to` window may hold (a leap year and one; `range=365d` is 366 days too). */
export const MAX_WINDOW_DAYS = 366;
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

/** Query of GET /metrics/live. */
export const LiveMetricsQuery = z.object({
  include_anonymous: z
    .enum(['true', 'false'], { error: "must be 'true' or 'false'" })
    .default('false')
    .transform((value) => value === 'true'),
});

const QueryDay = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

/**
 * Query of GET /metrics: the window as `range`, or as `from` and `to` (both, and not with `range`).
 * The rules across parameters and against today (`from` ≤ `to`, at most 366 days, `from` not before
 * 1970-01-01, `to` not after today UTC) are checked by the route, which answers 400 naming the parameter, as it does here.
 */
export const MetricsQuery = LiveMetricsQuery.extend({
  range: z.enum(RANGE_NAMES, { error: `must be one of ${RANGE_NAMES.join(', ')}` }).optional(),
  from: QueryDay.optional(),
  to: QueryDay.optional(),
});
export type MetricsQuery = z.infer<typeof MetricsQuery>;

export const DailyPoint = z.object({ date: Day, activity: z.number().nonnegative() });
export type DailyPoint = z.infer<typeof DailyPoint>;
/** One point per window day, oldest first (the response checks the count against `window.days`). */
export const DailySeries = z.array(DailyPoint).min(1).max(MAX_WINDOW_DAYS);

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

export const TopRegion = z
  .object({ country_code: CountryCode, region_code: z.string().nullable(), users: Count })
  .nullable();
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
  /** Emails created per day of the window (the counts above are all time, up to now). */
  daily_emails: DailySeries,
});
export type EmailStats = z.infer<typeof EmailStats>;

export const PaymentStats = z.object({
  subscriptions_by_status: z.object({ active: Count, trialing: Count, paused: Count, canceled: Count }),
  /** active + trialing. */
  active_subscriptions: Count,
  /** Paid and succeeded invoices, all time. */
  revenue_cents: Count,
  /** MRR proxy: paid and succeeded invoices of the last 30 days (now − 30 × 24 h, whatever the window). */
  mrr_cents: Count,
  /** One-time purchases. */
  orders: Count,
  /** Paid and succeeded invoices per day of the window. */
  daily_revenue_cents: DailySeries,
});
export type PaymentStats = z.infer<typeof PaymentStats>;

export const ReplayStats = z.object({
  total: Count,
  /** Started in the last 30 days (now − 30 × 24 h, whatever the window). */
  last_30_days: Count,
  /** Mean of last_event_at − started_at, rounded to 0.1 s. */
  average_session_seconds: z.number().nonnegative(),
});
export type ReplayStats = z.infer<typeof ReplayStats>;

const liveFields = {
  live_users: Count,
  live_users_by_country: LiveUsersByCountry,
};

/** The days the window figures and daily series cover. */
export const ResponseWindow = z.object({
  /** 00:00:00.000 UTC of the first day. */
  from: Instant,
  /** The end of the last day (23:59:59.999 UTC), or `now` when the last day is today: never after now. */
  to: Instant,
  first_day: Day,
  last_day: Day,
  /** Points of every daily series: first_day … last_day, both included. */
  days: z.number().int().min(1).max(MAX_WINDOW_DAYS),
});
export type ResponseWindow = z.infer<typeof ResponseWindow>;

/**
 * Which figures follow the window (docs/product.md §6): every daily series, and the figures defined over it
 * (users_by_country, visitors, top_referrers, top_region, recently_active). The rest keep their own
 * period whatever the window: the user, team and login-method counts and recently_registered are as
 * of now; `mau` is today and the 30 days before, up to now; live is the last 120 s; emails' and
 * payments' totals are all time and MRR and replays' last_30_days are now − 30 × 24 h.
 */
export const MetricsResponse = z
  .object({
    now: Instant,
    window: ResponseWindow,
    total_users: Count,
    anonymous_users: Count,
    verified_users: Count,
    unverified_users: Count,
    total_teams: Count,
    /** Distinct users active today and in the 30 days before, up to now (not the window). */
    mau: Count,
    ...liveFields,
    /** Country code → existing users whose latest located `$token-refresh` in the window was there. */
    users_by_country: z.record(CountryCode, Count),
    daily_signups: DailySeries,
    daily_active_users: DailySeries,
    daily_active_users_split: z.array(DailyActiveSplitPoint).min(1).max(MAX_WINDOW_DAYS),
    daily_page_views: DailySeries,
    daily_clicks: DailySeries,
    daily_visitors: DailySeries,
    visitors: Count,
    top_referrers: z.array(Referrer).max(TOP_LIMIT),
    top_region: TopRegion,
    recently_registered: z.array(RegisteredUser).max(TOP_LIMIT),
    /** Latest `$token-refresh` in the window first. */
    recently_active: z.array(ActiveUser).max(TOP_LIMIT),
    login_methods: z.array(LoginMethod),
    emails: EmailStats,
    payments: PaymentStats,
    replays: ReplayStats,
  })
  .superRefine((body, ctx) => {
    const series: [string, { date: string }[]][] = [
      ['daily_signups', body.daily_signups],
      ['daily_active_users', body.daily_active_users],
      ['daily_active_users_split', body.daily_active_users_split],
      ['daily_page_views', body.daily_page_views],
      ['daily_clicks', body.daily_clicks],
      ['daily_visitors', body.daily_visitors],
      ['emails.daily_emails', body.emails.daily_emails],
      ['payments.daily_revenue_cents', body.payments.daily_revenue_cents],
    ];
    const { days, first_day, last_day } = body.window;
    for (const [name, points] of series) {
      if (points.length !== days || points[0]?.date !== first_day || points.at(-1)?.date !== last_day) {
        ctx.addIssue({
          code: 'custom',
          path: name.split('.'),
          message: `must have one point per window day, ${first_day} … ${last_day} (${days})`,
        });
      }
    }
  });
export type MetricsResponse = z.infer<typeof MetricsResponse>;

export const LiveMetricsResponse = z.object({ now: Instant, ...liveFields });
export type LiveMetricsResponse = z.infer<typeof LiveMetricsResponse>;
