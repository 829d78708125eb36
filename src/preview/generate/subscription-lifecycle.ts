// One subscription's life from its plan: an optional 14-day trial that converts or not, then a monthly
// invoice at the start of every billed period until it stops (canceled or paused) or history ends. Pure
// arithmetic: the plan already holds every random choice, so the same plan always gives the same rows.
import type { Person } from './person.js';
import type { Product } from './products.js';
import { DAY_MS } from './timeline.js';
import type { InvoiceRow, SubscriptionRow } from './types.js';

export const PERIOD_MS = 30 * DAY_MS;
export const TRIAL_MS = 14 * DAY_MS;

export interface Customer {
  type: 'user' | 'team';
  id: string;
  /** Sign-up or team creation: nothing of the customer is dated before it. */
  sinceMs: number;
  /** Receives the invoices: the user, or the team's owner. */
  contact: Person;
}

export interface Subscriber {
  customer: Customer;
  product: Product;
  quantity: number;
  /** When the customer subscribed. */
  startMs: number;
  fate: SubscriptionFate;
}

export interface SubscriptionFate {
  trial: boolean;
  /** For a trial: whether it turns into a paid subscription at its end. */
  converts: boolean;
  /** After this many billed periods it stops (if that is within history); null: it runs on. */
  stopAfterPeriods: number | null;
  stopAs: 'canceled' | 'paused';
  /** A cancellation by a failed renewal charge leaves that renewal's invoice void. */
  failedRenewal: boolean;
}

export interface SubscriptionLife {
  status: SubscriptionRow['status'];
  currentPeriodStartMs: number;
  currentPeriodEndMs: number;
  invoices: { status: InvoiceRow['status']; atMs: number }[];
}

/** `startMs` is when the customer subscribed; nothing is dated after `latestMs`. */
export function liveSubscription(startMs: number, fate: SubscriptionFate, latestMs: number): SubscriptionLife {
  const trialEndMs = startMs + TRIAL_MS;
  if (fate.trial && trialEndMs > latestMs) {
    // The first charge is drafted when the trial starts and collected when it ends.
    return {
      status: 'trialing',
      currentPeriodStartMs: startMs,
      currentPeriodEndMs: trialEndMs,
      invoices: [{ status: 'open', atMs: startMs }],
    };
  }
  if (fate.trial && !fate.converts) {
    return {
      status: 'canceled',
      currentPeriodStartMs: startMs,
      currentPeriodEndMs: trialEndMs,
      invoices: [{ status: 'void', atMs: trialEndMs }],
    };
  }
  const billingStartMs = fate.trial ? trialEndMs : startMs;
  const invoices: SubscriptionLife['invoices'] = [];
  for (let k = 0; ; k += 1) {
    const atMs = billingStartMs + k * PERIOD_MS;
    if (atMs > latestMs) break;
    if (k > 0 && k === fate.stopAfterPeriods) {
      const lastStartMs = atMs - PERIOD_MS;
      if (fate.stopAs === 'canceled' && fate.failedRenewal) invoices.push({ status: 'void', atMs });
      return { status: fate.stopAs, currentPeriodStartMs: lastStartMs, currentPeriodEndMs: atMs, invoices };
    }
    // Processors report the first charge as 'paid' and renewals as 'succeeded'; both are revenue.
    invoices.push({ status: k === 0 ? 'paid' : 'succeeded', atMs });
  }
  const lastStartMs = (invoices[invoices.length - 1] as { atMs: number }).atMs;
  return { status: 'active', currentPeriodStartMs: lastStartMs, currentPeriodEndMs: lastStartMs + PERIOD_MS, invoices };
}
