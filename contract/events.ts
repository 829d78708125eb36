// Event ingestion: POST /api/v1/projects/:id/events. One schema per event type (docs/product.md §3, snake_case
// `data`). Strings are capped (in UTF-16 code units) so one client cannot bloat the events table; unknown
// fields are rejected so a typo is an error, not a silently dropped value.
import { z } from 'zod';

export const MAX_EVENTS_PER_REQUEST = 500;
/** How far in the future an `event_at` may be (client clocks drift); later is rejected. */
export const EVENT_AT_MAX_SKEW_MS = 5_000;
/** How old an `event_at` may be unless PULSE_EVENT_MAX_AGE says otherwise: the 366 days the overview shows. */
export const EVENT_AT_DEFAULT_MAX_AGE_MS = 366 * 86_400_000;

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
/** Stored lower-case, as every id Pulse writes: an id sent in upper case still names the same user. */
const id = z.uuid({ error: 'must be a uuid' }).transform((value) => value.toLowerCase());
const pixels = z.number().int('must be a whole number').min(0, 'must be ≥ 0').max(100_000, 'must be ≤ 100000');
const coordinate = z.number().min(-1_000_000).max(1_000_000);

export const PageViewData = z.strictObject({
  url: text(2_048).optional(),
  path: text(2_048),
  /** '' means direct. */
  referrer: text(2_048).default(''),
  title: text(1_000).optional(),
  is_anonymous: z.boolean().default(false),
  viewport_width: pixels.optional(),
  viewport_height: pixels.optional(),
  screen_width: pixels.optional(),
  screen_height: pixels.optional(),
});

export const ClickData = z.strictObject({
  selector: text(1_000),
  tag_name: text(64).optional(),
  text: text(1_000).optional(),
  href: text(2_048).optional(),
  x: coordinate.optional(),
  y: coordinate.optional(),
  is_anonymous: z.boolean().default(false),
});

export const IpInfo = z.strictObject({
  ip: text(64),
  is_trusted: z.boolean(),
  country_code: text(2),
  region_code: text(16).nullable(),
  city_name: text(200).nullable(),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  tz_identifier: text(64).nullable(),
});

export const TokenRefreshData = z.strictObject({
  refresh_token_id: id,
  is_anonymous: z.boolean().default(false),
  ip_info: IpInfo.nullable().default(null),
});

const common = {
  /** ISO 8601 with an offset; defaults to the time the server receives it. */
  event_at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
  user_id: id.nullable().optional(),
  team_id: id.nullable().optional(),
  refresh_token_id: id.nullable().optional(),
  session_replay_id: id.nullable().optional(),
};

export const IncomingEvent = z.discriminatedUnion(
  'event_type',
  [
    z.strictObject({ event_type: z.literal('$page-view'), ...common, data: PageViewData }),
    z.strictObject({ event_type: z.literal('$click'), ...common, data: ClickData }),
    // Server-side callers only (admin key): it marks sessions and drives MAU and live users.
    z.strictObject({ event_type: z.literal('$token-refresh'), ...common, user_id: id, data: TokenRefreshData }),
  ],
  { error: "must be one of '$page-view', '$click', '$token-refresh'" },
);
export type IncomingEvent = z.infer<typeof IncomingEvent>;

/** The envelope only: each event is checked by the ingestion steps, which name the event's index. */
export const IngestBody = z.strictObject({
  events: z
    .array(z.unknown())
    .min(1, 'must hold at least 1 event')
    .max(MAX_EVENTS_PER_REQUEST, `must hold at most ${MAX_EVENTS_PER_REQUEST} events`),
});

export const IngestAccepted = z.object({ accepted: z.number().int() });
