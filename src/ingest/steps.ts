// Ingestion as a named list of small steps (validate → normalise → stamp → build rows). Each step takes
// the whole batch and returns it transformed, or a rejection naming the event index and field: one bad
// event rejects the batch, so nothing of it is ever written. Pure: the clock and the key arrive in ctx.
import { EVENT_AT_MAX_SKEW_MS, IncomingEvent } from '../../contract/events.js';
import { clickEvent, pageViewEvent, tokenRefreshEvent, type EventRow, type EventScope } from '../events/event-rows.js';

export interface IngestContext {
  scope: EventScope;
  /** One clock per request: defaults and the skew check agree. */
  now: Date;
  /** `$token-refresh` is for server-side callers with the admin key. */
  keyKind: 'admin' | 'ingest';
  /** How old an event_at may be (PULSE_EVENT_MAX_AGE): older events are refused. */
  maxAgeMs: number;
}

export interface Rejection {
  status: 400 | 403;
  field: string;
  message: string;
}

export type StepResult<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

interface Stamped {
  event: IncomingEvent;
  at: Date;
}

const field = (index: number, path: readonly PropertyKey[]) => ['body', 'events', index, ...path].map(String).join('.');
const reject = (status: Rejection['status'], f: string, message: string) => ({
  ok: false as const,
  rejection: { status, field: f, message },
});

export function validate(events: readonly unknown[], ctx: IngestContext): StepResult<IncomingEvent[]> {
  const valid: IncomingEvent[] = [];
  for (const [i, raw] of events.entries()) {
    const parsed = IncomingEvent.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return reject(400, field(i, issue.path), issue.message);
    }
    if (parsed.data.event_type === '$token-refresh' && ctx.keyKind !== 'admin') {
      return reject(403, field(i, ['event_type']), '$token-refresh needs the admin key (server-side callers only)');
    }
    valid.push(parsed.data);
  }
  return { ok: true, value: valid };
}

const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Lone UTF-16 surrogates (valid in JSON, invalid in UTF-8) become U+FFFD, so ClickHouse stores valid text.
 * :TRICKY: objects and arrays are fixed in place — the steps only ever see zod's fresh copies of the
 * request — so the common case (no surrogate anywhere) allocates nothing. Keys are zod-checked names.
 */
export function normaliseText<T>(value: T): T {
  if (typeof value === 'string')
    return (ANY_SURROGATE.test(value) ? value.replace(LONE_SURROGATE, '\uFFFD') : value) as T;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string' ? ANY_SURROGATE.test(item) : item !== null && typeof item === 'object')
        record[key] = normaliseText(item);
    }
  }
  return value;
}

export function normalise(events: IncomingEvent[]): StepResult<IncomingEvent[]> {
  return { ok: true, value: events.map(normaliseText) };
}

/**
 * event_at defaults to now; later than now + EVENT_AT_MAX_SKEW_MS or older than now − maxAgeMs is
 * rejected. Within the skew (a client clock a little ahead) it is stored as now: nothing is dated in the
 * future, so a figure computed from whole days (the rollups) equals the one that counts up to now. The lower bound keeps one client from spreading rows over unbounded monthly
 * partitions (each INSERT may touch at most 100 of them).
 */
export function stamp(events: IncomingEvent[], ctx: IngestContext): StepResult<Stamped[]> {
  const latest = ctx.now.getTime() + EVENT_AT_MAX_SKEW_MS;
  const earliest = ctx.now.getTime() - ctx.maxAgeMs;
  const stamped: Stamped[] = [];
  for (const [i, e] of events.entries()) {
    const at = e.event_at === undefined ? ctx.now : new Date(e.event_at);
    if (at.getTime() > latest)
      return reject(
        400,
        field(i, ['event_at']),
        `must not be more than ${EVENT_AT_MAX_SKEW_MS / 1000} s in the future`,
      );
    if (at.getTime() < earliest)
      return reject(400, field(i, ['event_at']), `must not be older than ${describeAge(ctx.maxAgeMs)}`);
    stamped.push({ event: e, at: at > ctx.now ? ctx.now : at });
  }
  return { ok: true, value: stamped };
}

const describeAge = (ms: number) => (ms % 86_400_000 === 0 ? `${ms / 86_400_000} days` : `${Math.round(ms / 1000)} s`);

/** The shared builders of src/events/event-rows.ts: the same row shape as the seeder's. */
export function buildRows(events: Stamped[], ctx: IngestContext): StepResult<EventRow[]> {
  return {
    ok: true,
    // Plain literals, no `...spread` (spread-then-extend objects are slow in V8 on this hot path).
    value: events.map(({ event: e, at }) => {
      const userId = e.user_id ?? null;
      const teamId = e.team_id ?? null;
      const sessionReplayId = e.session_replay_id ?? null;
      switch (e.event_type) {
        case '$page-view':
          return pageViewEvent(ctx.scope, {
            at,
            userId,
            teamId,
            refreshTokenId: e.refresh_token_id ?? null,
            sessionReplayId,
            data: e.data,
          });
        case '$click':
          return clickEvent(ctx.scope, {
            at,
            userId,
            teamId,
            refreshTokenId: e.refresh_token_id ?? null,
            sessionReplayId,
            data: e.data,
          });
        case '$token-refresh':
          return tokenRefreshEvent(ctx.scope, {
            at,
            userId: e.user_id,
            teamId,
            sessionReplayId,
            refreshTokenId: e.data.refresh_token_id,
            isAnonymous: e.data.is_anonymous,
            ipInfo: e.data.ip_info,
          });
      }
    }),
  };
}

/** The pipeline, in order. Stops at the first rejection. */
export function runIngestSteps(events: readonly unknown[], ctx: IngestContext): StepResult<EventRow[]> {
  const validated = validate(events, ctx);
  if (!validated.ok) return validated;
  const normalised = normalise(validated.value);
  if (!normalised.ok) return normalised;
  const stamped = stamp(normalised.value, ctx);
  if (!stamped.ok) return stamped;
  return buildRows(stamped.value, ctx);
}
