// Payments grown from the activity: a few percent of returning users subscribe during one of their visits
// (several plans and seat counts), on top of named subscriptions of the hand-written cast and teams that
// keep every status present. Each subscription lives out its fate (subscription-lifecycle.ts): trials, monthly
// invoices, cancellations and pauses. One-time purchases come last (purchases.ts).
import type { GenerationContext } from './context.js';
import { HAND_WRITTEN_USERS, type TeamKey } from './hand-written.js';
import type { Person } from './person.js';
import { returnVisitsOf, type PersonVisits } from './person-visits.js';
import { PRODUCTS, type Product } from './products.js';
import { generatePurchases } from './purchases.js';
import { sampleWeighted, WeightedTable, type Random, type Weighted } from './random.js';
import { liveSubscription, type Customer, type Subscriber, type SubscriptionFate } from './subscription-lifecycle.js';
import type { TeamsResult } from './teams.js';
import { clampToHistory, DAY_MS, MINUTE_MS } from './timeline.js';
import type { InvoiceRow, OneTimePurchaseRow, SubscriptionRow } from './types.js';

/** Shares of the generated (non-anonymous) users who subscribe at some point, and who only buy once. */
const SUBSCRIBER_SHARE = 0.045;
const ONE_OFF_BUYER_SHARE = 0.004;
const SUBSCRIBED_INTO_VISIT_MS = [20_000, 3 * MINUTE_MS] as const;
const TRIAL_SHARE = 0.4;
const TRIAL_CONVERSION = 0.5;
/** Chance that a paid subscription stops at a given renewal; of those, this share pause instead. */
const STOP_PER_RENEWAL = 0.15;
const PAUSED_SHARE_OF_STOPS = 0.25;
const FAILED_CHARGE_SHARE_OF_CANCELS = 0.4;
/** The named trial started this long before the end of history, so it is still running. */
const NAMED_TRIAL_BEFORE_LATEST_MS = 5 * DAY_MS;

const PLANS: readonly Weighted<{ product: Product; quantity: readonly [number, number] }>[] = [
  [{ product: PRODUCTS.starterMonthly, quantity: [1, 1] }, 40],
  [{ product: PRODUCTS.proMonthly, quantity: [1, 1] }, 28],
  [{ product: PRODUCTS.proMonthly, quantity: [2, 3] }, 12],
  [{ product: PRODUCTS.teamMonthly, quantity: [3, 8] }, 20],
];
const plans = new WeightedTable(PLANS);

const runsOn: SubscriptionFate = {
  trial: false,
  converts: true,
  stopAfterPeriods: null,
  stopAs: 'canceled',
  failedRenewal: false,
};

interface NamedSubscription {
  customer: { team: TeamKey } | { email: string };
  product: Product;
  quantity: number;
  /** Subscribed this long after the customer (team creation or sign-up); null: shortly before history ends. */
  afterCustomerMs: number | null;
  fate: SubscriptionFate;
}

const NAMED: readonly NamedSubscription[] = [
  { customer: { team: 'acme' }, product: PRODUCTS.teamMonthly, quantity: 5, afterCustomerMs: DAY_MS, fate: runsOn },
  {
    customer: { email: 'chloe.martin@example.ca' },
    product: PRODUCTS.proMonthly,
    quantity: 1,
    afterCustomerMs: null,
    fate: { ...runsOn, trial: true },
  },
  {
    customer: { email: 'lucas.silva@example.com.br' },
    product: PRODUCTS.proMonthly,
    quantity: 1,
    afterCustomerMs: 8 * DAY_MS,
    fate: { ...runsOn, stopAfterPeriods: 1, stopAs: 'paused' },
  },
  {
    customer: { team: 'initech' },
    product: PRODUCTS.teamMonthly,
    quantity: 3,
    afterCustomerMs: 15 * DAY_MS,
    fate: { ...runsOn, stopAfterPeriods: 1, failedRenewal: true },
  },
  {
    customer: { team: 'pied-piper' },
    product: PRODUCTS.teamMonthly,
    quantity: 4,
    afterCustomerMs: 3 * DAY_MS,
    fate: { ...runsOn, trial: true },
  },
  {
    customer: { team: 'stark' },
    product: PRODUCTS.proMonthly,
    quantity: 2,
    afterCustomerMs: 22 * DAY_MS,
    fate: runsOn,
  },
];

export interface PaymentsResult {
  subscriptions: SubscriptionRow[];
  invoices: InvoiceRow[];
  oneTimePurchases: OneTimePurchaseRow[];
  /** Who was billed when, for each paid invoice (emails.ts sends them the invoice). */
  paidInvoices: { contact: Person; atMs: number }[];
}

export function generatePayments(
  ctx: GenerationContext,
  people: readonly Person[],
  teams: TeamsResult,
  visits: PersonVisits,
): PaymentsResult {
  const { ids, timeline, scope } = ctx;
  const { projectId, branchId } = scope;
  const generated = chooseCustomers(ctx, people, visits);
  const subscribers = [...namedSubscribers(ctx, people, teams), ...generated.subscribers];
  const subscriptions: SubscriptionRow[] = [];
  const invoices: InvoiceRow[] = [];
  const paidInvoices: PaymentsResult['paidInvoices'] = [];
  subscribers.forEach(({ customer, product, quantity, startMs, fate }, i) => {
    const id = ids('subscription', i);
    const life = liveSubscription(startMs, fate, timeline.latestMs);
    subscriptions.push({
      projectId,
      branchId,
      id,
      customerType: customer.type,
      customerId: customer.id,
      productId: product.id,
      status: life.status,
      quantity,
      currentPeriodStart: new Date(life.currentPeriodStartMs),
      currentPeriodEnd: new Date(life.currentPeriodEndMs),
      createdAt: new Date(startMs),
    });
    for (const { status, atMs } of life.invoices) {
      invoices.push({
        projectId,
        branchId,
        id: ids('invoice', invoices.length),
        subscriptionId: id,
        status,
        amountCents: product.unitAmountCents * quantity,
        createdAt: new Date(atMs),
      });
      if (status === 'paid' || status === 'succeeded') paidInvoices.push({ contact: customer.contact, atMs });
    }
  });
  const oneTimePurchases = generatePurchases(ctx, subscribers, generated.oneOffBuyers, visits);
  return { subscriptions, invoices, oneTimePurchases, paidInvoices };
}

function namedSubscribers(ctx: GenerationContext, people: readonly Person[], teams: TeamsResult): Subscriber[] {
  const { timeline } = ctx;
  return NAMED.map(({ customer: key, product, quantity, afterCustomerMs, fate }) => {
    const customer = namedCustomer(key, people, teams);
    const startMs =
      afterCustomerMs === null
        ? Math.max(customer.sinceMs, timeline.latestMs - NAMED_TRIAL_BEFORE_LATEST_MS)
        : customer.sinceMs + afterCustomerMs;
    return { customer, product, quantity, startMs: clampToHistory(timeline, startMs), fate };
  });
}

/**
 * Generated users who subscribe, during one of their return visits: a fixed share of the generated users
 * (so every preview has a steady paying share), among those who came back, the more engaged the likelier.
 * Then a few others who buy something once and never subscribe.
 */
function chooseCustomers(
  ctx: GenerationContext,
  people: readonly Person[],
  visits: PersonVisits,
): { subscribers: Subscriber[]; oneOffBuyers: Person[] } {
  const { random, timeline } = ctx;
  const generated = people.slice(HAND_WRITTEN_USERS.length).filter((p) => !p.isAnonymous);
  const returning = generated.filter((p) => returnVisitsOf(visits, p.index).length > 0);
  const chosen = sampleWeighted(
    random,
    returning,
    (p) => p.engagement,
    Math.round(SUBSCRIBER_SHARE * generated.length),
  );
  const subscribers = chosen.map((person): Subscriber => {
    const returns = returnVisitsOf(visits, person.index);
    const visitMs = returns[random.int(0, returns.length - 1)] as number;
    const { product, quantity } = plans.pick(random);
    return {
      customer: { type: 'user', id: person.id, sinceMs: person.signedUpAtMs, contact: person },
      product,
      quantity: random.int(...quantity),
      startMs: Math.min(timeline.latestMs, visitMs + random.int(...SUBSCRIBED_INTO_VISIT_MS)),
      fate: drawFate(random),
    };
  });
  const subscribed = new Set(chosen);
  const others = returning.filter((p) => !subscribed.has(p));
  return { subscribers, oneOffBuyers: random.sample(others, Math.round(ONE_OFF_BUYER_SHARE * generated.length)) };
}

function drawFate(random: Random): SubscriptionFate {
  // Renewals survived before stopping: geometric, from one draw.
  const stopAfterPeriods = 1 + Math.floor(Math.log(1 - random.float()) / Math.log(1 - STOP_PER_RENEWAL));
  return {
    trial: random.chance(TRIAL_SHARE),
    converts: random.chance(TRIAL_CONVERSION),
    stopAfterPeriods,
    stopAs: random.chance(PAUSED_SHARE_OF_STOPS) ? 'paused' : 'canceled',
    failedRenewal: random.chance(FAILED_CHARGE_SHARE_OF_CANCELS),
  };
}

function namedCustomer(key: NamedSubscription['customer'], people: readonly Person[], teams: TeamsResult): Customer {
  if ('team' in key) {
    const team = teams.byKey.get(key.team);
    if (!team) throw new Error(`no team ${key.team}`);
    return { type: 'team', id: team.id, sinceMs: team.createdAtMs, contact: team.owner };
  }
  const person = people[HAND_WRITTEN_USERS.findIndex((u) => u.email === key.email)];
  if (!person) throw new Error(`no hand-written user ${key.email}`);
  return { type: 'user', id: person.id, sinceMs: person.signedUpAtMs, contact: person };
}
