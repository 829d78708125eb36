// What happened to each email once created: rejected before sending (rare), sent and bounced (about 2 %),
// or delivered and maybe clicked. Each status's timestamps follow from it, and none is after `now`.
import type { Random } from './random.js';
import { HOUR_MS, MINUTE_MS, type Timeline } from './timeline.js';
import type { EmailRow } from './types.js';

/** Share of emails that fail: every failure bounces, except every REJECTED_EVERY-th, never sent at all. */
const FAILED_SHARE = 0.022;
const REJECTED_EVERY = 8;
const SENT_AFTER_MS = [300, 3_000] as const;
const DELIVERED_AFTER_MS = [1_000, 8_000] as const;
const BOUNCED_AFTER_MS = [2_000, 30_000] as const;
const CLICKED_AFTER_MS = [MINUTE_MS, 2 * HOUR_MS] as const;
/** A click recorded after `now` would be in the future: leave it out instead. */
const CLICK_BEFORE_NOW_MS = 1_000;

export type EmailOutcome = Pick<EmailRow, 'status' | 'sentAt' | 'deliveredAt' | 'bouncedAt' | 'clickedAt'>;

export type EmailFate = 'delivered' | 'bounced' | 'rejected';

/**
 * Which of `count` emails (in time order) fail: a systematic sample, evenly spread from a random start, so the
 * failure share is the same in every preview rather than drifting with chance in a small one.
 */
export function emailFates(random: Random, count: number): EmailFate[] {
  const start = random.float();
  let failures = 0;
  return Array.from({ length: count }, (_, k): EmailFate => {
    if (Math.floor(start + (k + 1) * FAILED_SHARE) === Math.floor(start + k * FAILED_SHARE)) return 'delivered';
    failures += 1;
    return failures % REJECTED_EVERY === 0 ? 'rejected' : 'bounced';
  });
}

export function emailOutcome(
  random: Random,
  timeline: Timeline,
  createdAtMs: number,
  fate: EmailFate,
  clickChance: number,
): EmailOutcome {
  if (fate === 'rejected')
    return { status: 'error', sentAt: null, deliveredAt: null, bouncedAt: null, clickedAt: null };
  const sentAtMs = createdAtMs + random.int(...SENT_AFTER_MS);
  if (fate === 'bounced') {
    return {
      status: 'error',
      sentAt: new Date(sentAtMs),
      deliveredAt: null,
      bouncedAt: new Date(sentAtMs + random.int(...BOUNCED_AFTER_MS)),
      clickedAt: null,
    };
  }
  const deliveredAtMs = sentAtMs + random.int(...DELIVERED_AFTER_MS);
  let clickedAt: Date | null = null;
  if (random.chance(clickChance)) {
    const at = deliveredAtMs + random.int(...CLICKED_AFTER_MS);
    if (at <= timeline.nowMs - CLICK_BEFORE_NOW_MS) clickedAt = new Date(at);
  }
  return { status: 'ok', sentAt: new Date(sentAtMs), deliveredAt: new Date(deliveredAtMs), bouncedAt: null, clickedAt };
}
