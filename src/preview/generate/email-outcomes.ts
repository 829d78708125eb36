// What happened to each email once created: rejected before sending (rare), sent and bounced (1–3 %), or
// delivered and maybe clicked. Each status's timestamps follow from it, and none is after `now`.
import type { Random } from './random.js';
import { HOUR_MS, MINUTE_MS, type Timeline } from './timeline.js';
import type { EmailRow } from './types.js';

const REJECTED_CHANCE = 0.003;
const BOUNCE_CHANCE = 0.02;
const SENT_AFTER_MS = [300, 3_000] as const;
const DELIVERED_AFTER_MS = [1_000, 8_000] as const;
const BOUNCED_AFTER_MS = [2_000, 30_000] as const;
const CLICKED_AFTER_MS = [MINUTE_MS, 2 * HOUR_MS] as const;
/** A click recorded after `now` would be in the future: leave it out instead. */
const CLICK_BEFORE_NOW_MS = 1_000;

export type EmailOutcome = Pick<EmailRow, 'status' | 'sentAt' | 'deliveredAt' | 'bouncedAt' | 'clickedAt'>;

export function emailOutcome(random: Random, timeline: Timeline, createdAtMs: number, clickChance: number): EmailOutcome {
  const roll = random.float();
  if (roll < REJECTED_CHANCE) return { status: 'error', sentAt: null, deliveredAt: null, bouncedAt: null, clickedAt: null };
  const sentAtMs = createdAtMs + random.int(...SENT_AFTER_MS);
  if (roll < REJECTED_CHANCE + BOUNCE_CHANCE) {
    return { status: 'error', sentAt: new Date(sentAtMs), deliveredAt: null, bouncedAt: new Date(sentAtMs + random.int(...BOUNCED_AFTER_MS)), clickedAt: null };
  }
  const deliveredAtMs = sentAtMs + random.int(...DELIVERED_AFTER_MS);
  let clickedAt: Date | null = null;
  if (random.chance(clickChance)) {
    const at = deliveredAtMs + random.int(...CLICKED_AFTER_MS);
    if (at <= timeline.nowMs - CLICK_BEFORE_NOW_MS) clickedAt = new Date(at);
  }
  return { status: 'ok', sentAt: new Date(sentAtMs), deliveredAt: new Date(deliveredAtMs), bouncedAt: null, clickedAt };
}
