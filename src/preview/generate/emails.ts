// The outbox of an auth platform, driven by what happened in the preview: a verification email at every
// sign-up (a sign-in code for users who sign up by code), a code on many sign-in visits of code users,
// password resets, one invitation per team membership, and an invoice email per paid invoice.
import type { GenerationContext } from './context.js';
import { emailFates, emailOutcome, type EmailFate } from './email-outcomes.js';
import type { Person } from './person.js';
import { returnVisitsOf, type PersonVisits } from './person-visits.js';
import type { PaymentsResult } from './payments.js';
import type { TeamsResult } from './teams.js';
import { HOUR_MS, MINUTE_MS } from './timeline.js';
import type { EmailRow } from './types.js';

/** Share of a code user's return visits that sign in afresh (a new device, an expired session). */
const CODE_SIGN_IN_SHARE = 0.35;
/** Chance that a password user's return visit starts with a password reset. */
const RESET_CHANCE = 0.012;
const CODE_BEFORE_VISIT_MS = [15_000, 90_000] as const;
const RESET_BEFORE_VISIT_MS = [2 * MINUTE_MS, 20 * MINUTE_MS] as const;
const VERIFY_AFTER_SIGN_UP_MS = 2_000;
const INVITED_BEFORE_JOINING_MS = [10 * MINUTE_MS, 12 * HOUR_MS] as const;
const INVOICE_MAILED_AFTER_MS = [5_000, 60_000] as const;

interface EmailKind {
  subject: string;
  /** Share of delivered emails whose link is clicked (codes are typed, not clicked). */
  clickChance: number;
}

const KINDS = {
  verify: { subject: 'Verify your email address', clickChance: 0.55 },
  code: { subject: 'Your sign-in code', clickChance: 0 },
  reset: { subject: 'Reset your password', clickChance: 0.8 },
  invite: { subject: 'You have been invited to join a team', clickChance: 0.85 },
  invoice: { subject: 'Your invoice is ready', clickChance: 0.15 },
} as const satisfies Record<string, EmailKind>;

interface Send {
  person: Person;
  kind: EmailKind;
  atMs: number;
}

export function generateEmails(
  ctx: GenerationContext,
  people: readonly Person[],
  teams: TeamsResult,
  visits: PersonVisits,
  paidInvoices: PaymentsResult['paidInvoices'],
): EmailRow[] {
  const { random, ids, timeline, scope } = ctx;
  const sends: Send[] = [];
  for (const person of people) {
    if (person.isAnonymous) continue;
    const byCode = person.authMethods.some((m) => m.kind === 'otp');
    const byPassword = person.authMethods.some((m) => m.kind === 'password');
    const signedUpByCode = person.authMethods[0]?.kind === 'otp';
    sends.push({
      person,
      kind: signedUpByCode ? KINDS.code : KINDS.verify,
      atMs: person.signedUpAtMs + VERIFY_AFTER_SIGN_UP_MS,
    });
    if (!byCode && !byPassword) continue;
    for (const visitMs of returnVisitsOf(visits, person.index)) {
      if (byCode && random.chance(CODE_SIGN_IN_SHARE)) {
        sends.push({
          person,
          kind: KINDS.code,
          atMs: Math.max(person.signedUpAtMs, visitMs - random.int(...CODE_BEFORE_VISIT_MS)),
        });
      } else if (byPassword && random.chance(RESET_CHANCE)) {
        sends.push({
          person,
          kind: KINDS.reset,
          atMs: Math.max(person.signedUpAtMs, visitMs - random.int(...RESET_BEFORE_VISIT_MS)),
        });
      }
    }
  }
  const byUserId = new Map(people.map((p) => [p.id, p]));
  const teamById = new Map([...teams.byKey.values()].map((t) => [t.id, t]));
  for (const member of teams.teamMembers) {
    const team = teamById.get(member.teamId);
    const person = byUserId.get(member.userId);
    // The owner created the team; everyone else was invited into it.
    if (!team || !person || person === team.owner) continue;
    const invitedMs = Math.max(
      team.createdAtMs,
      person.signedUpAtMs,
      member.createdAt.getTime() - random.int(...INVITED_BEFORE_JOINING_MS),
    );
    sends.push({ person, kind: KINDS.invite, atMs: invitedMs });
  }
  for (const { contact, atMs } of paidInvoices)
    sends.push({ person: contact, kind: KINDS.invoice, atMs: atMs + random.int(...INVOICE_MAILED_AFTER_MS) });

  // Outcomes go in time order, so an email's fate does not depend on which source found it.
  sends.sort((a, b) => a.atMs - b.atMs);
  const fates = emailFates(random, sends.length);
  return sends.map(({ person, kind, atMs }, i) => ({
    projectId: scope.projectId,
    branchId: scope.branchId,
    id: ids('email', i),
    userId: person.id,
    toAddress: person.email,
    subject: kind.subject,
    createdAt: new Date(atMs),
    ...emailOutcome(random, timeline, atMs, fates[i] as EmailFate, kind.clickChance),
  }));
}
