// Payments: the products, one subscription in each status with its invoices (paid and succeeded count as
// revenue, open does not), and one-time purchases. Periods are monthly; a period may end after `now`
// (it is a period end, not an event) but every creation time is in history.
import type { GenerationContext } from './context.js';
import { HAND_WRITTEN_USERS, type TeamKey } from './hand-written.js';
import type { Person } from './people.js';
import { WeightedTable, type Weighted } from './random.js';
import type { TeamsResult } from './teams.js';
import { clampToHistory, DAY_MS } from './timeline.js';
import type { InvoiceRow, OneTimePurchaseRow, SubscriptionRow } from './types.js';

const PERIOD_MS = 30 * DAY_MS;
const TRIAL_MS = 14 * DAY_MS;
const TRIAL_STARTED_BEFORE_LATEST_MS = 5 * DAY_MS;
/** Share of one-time purchases made by a team rather than a user. */
const TEAM_PURCHASE_SHARE = 0.2;

export const PRODUCTS = {
  teamMonthly: { id: 'team-monthly', unitAmountCents: 1_900 },
  proMonthly: { id: 'pro-monthly', unitAmountCents: 2_900 },
  credits: { id: 'credits-1000', unitAmountCents: 1_000 },
  onboarding: { id: 'onboarding-session', unitAmountCents: 14_900 },
  storage: { id: 'extra-storage-100gb', unitAmountCents: 500 },
} as const;

type Customer = { type: 'team'; key: TeamKey } | { type: 'user'; email: string };

interface SubscriptionSpec {
  status: SubscriptionRow['status'];
  customer: Customer;
  product: (typeof PRODUCTS)[keyof typeof PRODUCTS];
  quantity: number;
  /** Created this long after the customer (team creation or sign-up). */
  afterCustomerMs: number;
}

const SUBSCRIPTIONS: readonly SubscriptionSpec[] = [
  { status: 'active', customer: { type: 'team', key: 'acme' }, product: PRODUCTS.teamMonthly, quantity: 5, afterCustomerMs: DAY_MS },
  { status: 'trialing', customer: { type: 'user', email: 'chloe.martin@example.ca' }, product: PRODUCTS.proMonthly, quantity: 1, afterCustomerMs: 0 },
  { status: 'paused', customer: { type: 'user', email: 'lucas.silva@example.com.br' }, product: PRODUCTS.proMonthly, quantity: 1, afterCustomerMs: 3 * DAY_MS },
  { status: 'canceled', customer: { type: 'team', key: 'initech' }, product: PRODUCTS.teamMonthly, quantity: 3, afterCustomerMs: 2 * DAY_MS },
];

const PURCHASES: readonly Weighted<{ product: (typeof PRODUCTS)[keyof typeof PRODUCTS]; maxQuantity: number }>[] = [
  [{ product: PRODUCTS.credits, maxQuantity: 3 }, 60],
  [{ product: PRODUCTS.storage, maxQuantity: 2 }, 25],
  [{ product: PRODUCTS.onboarding, maxQuantity: 1 }, 15],
];
const purchases = new WeightedTable(PURCHASES);

export interface PaymentsResult {
  subscriptions: SubscriptionRow[];
  invoices: InvoiceRow[];
  oneTimePurchases: OneTimePurchaseRow[];
}

export function generatePayments(ctx: GenerationContext, people: readonly Person[], teams: TeamsResult, purchaseCount: number): PaymentsResult {
  const { random, ids, timeline, scope } = ctx;
  const { projectId, branchId } = scope;
  const subscriptions: SubscriptionRow[] = [];
  const invoices: InvoiceRow[] = [];
  const invoice = (subscriptionId: string, status: InvoiceRow['status'], amountCents: number, atMs: number): void => {
    invoices.push({ projectId, branchId, id: ids('invoice', invoices.length), subscriptionId, status, amountCents, createdAt: new Date(atMs) });
  };

  SUBSCRIPTIONS.forEach((spec, i) => {
    const customer = resolveCustomer(spec.customer, people, teams);
    const id = ids('subscription', i);
    const amountCents = spec.product.unitAmountCents * spec.quantity;
    const trialing = spec.status === 'trialing';
    const createdAtMs = clampToHistory(timeline, trialing
      ? Math.max(customer.sinceMs, timeline.latestMs - TRIAL_STARTED_BEFORE_LATEST_MS)
      : customer.sinceMs + spec.afterCustomerMs);
    // Period starts up to the latest instant of history; paused and canceled ones stopped renewing.
    const starts: number[] = [];
    for (let at = createdAtMs; at <= timeline.latestMs; at += PERIOD_MS) starts.push(at);
    const renewals = trialing ? [] : spec.status === 'active' ? starts : starts.slice(0, spec.status === 'canceled' ? 2 : 1);
    const periodStartMs = trialing ? createdAtMs : (renewals[renewals.length - 1] as number);
    subscriptions.push({
      projectId, branchId, id,
      customerType: spec.customer.type,
      customerId: customer.id,
      productId: spec.product.id,
      status: spec.status,
      quantity: spec.quantity,
      currentPeriodStart: new Date(periodStartMs),
      currentPeriodEnd: new Date(periodStartMs + (trialing ? TRIAL_MS : PERIOD_MS)),
      createdAt: new Date(createdAtMs),
    });
    if (trialing) invoice(id, 'open', amountCents, createdAtMs);
    renewals.forEach((at, k) => {
      // A canceled subscription's last renewal failed and was voided; processors report 'paid' for the
      // first charge and 'succeeded' for renewals here, and both count as revenue.
      const status = spec.status === 'canceled' && k === 1 ? 'void' : k === 0 ? 'paid' : 'succeeded';
      invoice(id, status, amountCents, at);
    });
  });

  const buyers = people.filter((p) => !p.isAnonymous);
  const teamList = [...teams.byKey.values()];
  const oneTimePurchases: OneTimePurchaseRow[] = [];
  for (let i = 0; i < purchaseCount; i += 1) {
    const byTeam = random.chance(TEAM_PURCHASE_SHARE);
    const buyer = byTeam ? random.pick(teamList) : random.pick(buyers);
    const sinceMs = 'createdAtMs' in buyer ? buyer.createdAtMs : buyer.signedUpAtMs;
    const { product, maxQuantity } = purchases.pick(random);
    oneTimePurchases.push({
      projectId, branchId,
      id: ids('one-time-purchase', i),
      customerType: byTeam ? 'team' : 'user',
      customerId: buyer.id,
      productId: product.id,
      quantity: random.int(1, maxQuantity),
      createdAt: new Date(Math.round(clampToHistory(timeline, random.between(sinceMs, timeline.latestMs)))),
    });
  }
  oneTimePurchases.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { subscriptions, invoices, oneTimePurchases };
}

function resolveCustomer(customer: Customer, people: readonly Person[], teams: TeamsResult): { id: string; sinceMs: number } {
  if (customer.type === 'team') {
    const team = teams.byKey.get(customer.key);
    if (!team) throw new Error(`no team ${customer.key}`);
    return { id: team.id, sinceMs: team.createdAtMs };
  }
  const person = people[HAND_WRITTEN_USERS.findIndex((u) => u.email === customer.email)];
  if (!person) throw new Error(`no hand-written user ${customer.email}`);
  return { id: person.id, sinceMs: person.signedUpAtMs };
}
