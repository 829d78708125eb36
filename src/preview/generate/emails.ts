// A handful of transactional emails to real users of the preview. Delivered ones may have been clicked;
// failed ones either bounced after sending or never left. Each status's timestamps follow from it.
import type { GenerationContext } from './context.js';
import type { Person } from './people.js';
import { WeightedTable, type Weighted } from './random.js';
import { clampToHistory, HOUR_MS, MINUTE_MS } from './timeline.js';
import type { EmailRow } from './types.js';

/** Every n-th email failed (about 20 %), so both statuses exist even in the tiny size. */
const FAILED_EVERY = 5;
const SENT_AFTER_MS = [300, 3_000] as const;
const DELIVERED_AFTER_MS = [1_000, 8_000] as const;
const BOUNCED_AFTER_MS = [2_000, 30_000] as const;
const CLICK_CHANCE = 0.45;
const CLICKED_AFTER_MS = [MINUTE_MS, 2 * HOUR_MS] as const;
/** A click recorded after `now` would be in the future: leave it out instead. */
const CLICK_BEFORE_NOW_MS = 1_000;

interface EmailKind {
  subject: string;
  /** Sent right at sign-up rather than at some time while the user is around. */
  atSignUp: boolean;
}

const EMAIL_KINDS: readonly Weighted<EmailKind>[] = [
  [{ subject: 'Verify your email address', atSignUp: true }, 30],
  [{ subject: 'Welcome to Example!', atSignUp: true }, 15],
  [{ subject: 'Your sign-in code', atSignUp: false }, 25],
  [{ subject: 'Reset your password', atSignUp: false }, 15],
  [{ subject: 'You have been invited to join a team', atSignUp: false }, 10],
  [{ subject: 'Your invoice is ready', atSignUp: false }, 5],
];
const kinds = new WeightedTable(EMAIL_KINDS);

export function generateEmails(ctx: GenerationContext, people: readonly Person[], count: number): EmailRow[] {
  const { random, ids, timeline, scope } = ctx;
  const recipients = people.filter((p) => !p.isAnonymous);
  const emails: EmailRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const person = random.pick(recipients);
    const kind = kinds.pick(random);
    const createdAtMs = Math.round(clampToHistory(
      timeline,
      kind.atSignUp ? person.signedUpAtMs + 2_000 : random.between(person.signedUpAtMs, person.lastActiveAtMs),
    ));
    const failed = i % FAILED_EVERY === FAILED_EVERY - 1;
    // Alternate the two failure modes: bounced by the receiving server, or rejected before sending.
    const neverSent = failed && Math.floor(i / FAILED_EVERY) % 2 === 1;
    const sentAtMs = neverSent ? null : createdAtMs + random.int(...SENT_AFTER_MS);
    const deliveredAtMs = failed || sentAtMs === null ? null : sentAtMs + random.int(...DELIVERED_AFTER_MS);
    const bouncedAtMs = failed && sentAtMs !== null ? sentAtMs + random.int(...BOUNCED_AFTER_MS) : null;
    let clickedAtMs: number | null = null;
    if (deliveredAtMs !== null && random.chance(CLICK_CHANCE)) {
      const at = deliveredAtMs + random.int(...CLICKED_AFTER_MS);
      clickedAtMs = at <= timeline.nowMs - CLICK_BEFORE_NOW_MS ? at : null;
    }
    emails.push({
      projectId: scope.projectId,
      branchId: scope.branchId,
      id: ids('email', i),
      userId: person.id,
      toAddress: person.email,
      subject: kind.subject,
      status: failed ? 'error' : 'ok',
      createdAt: new Date(createdAtMs),
      sentAt: toDate(sentAtMs),
      deliveredAt: toDate(deliveredAtMs),
      bouncedAt: toDate(bouncedAtMs),
      clickedAt: toDate(clickedAtMs),
    });
  }
  return emails.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function toDate(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}
