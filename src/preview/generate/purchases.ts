// One-time purchases, spread over time the way the activity is: subscribers buy add-ons during their
// visits after subscribing (teams at any time after), and a few users who never subscribe buy once
// (chosen in payments.ts).
import type { GenerationContext } from './context.js';
import type { Person } from './person.js';
import { returnVisitsOf, type PersonVisits } from './person-visits.js';
import { PRODUCTS, type Product } from './products.js';
import { WeightedTable, type Weighted } from './random.js';
import type { Customer, Subscriber } from './subscription-lifecycle.js';
import { MINUTE_MS } from './timeline.js';
import type { OneTimePurchaseRow } from './types.js';

/** Mean add-on purchases per subscriber over its life (Poisson). */
const ADD_ONS_PER_SUBSCRIBER = 1.2;
const BOUGHT_INTO_VISIT_MS = [30_000, 5 * MINUTE_MS] as const;

const ADD_ONS: readonly Weighted<{ product: Product; maxQuantity: number }>[] = [
  [{ product: PRODUCTS.credits, maxQuantity: 3 }, 60],
  [{ product: PRODUCTS.storage, maxQuantity: 2 }, 25],
  [{ product: PRODUCTS.onboarding, maxQuantity: 1 }, 15],
];
const addOns = new WeightedTable(ADD_ONS);

export function generatePurchases(
  ctx: GenerationContext,
  subscribers: readonly Subscriber[],
  oneOffBuyers: readonly Person[],
  visits: PersonVisits,
): OneTimePurchaseRow[] {
  const { random, timeline } = ctx;
  const bought: { customer: Customer; atMs: number }[] = [];
  const visitTime = (person: Person, fromMs: number): number | null => {
    const returns = returnVisitsOf(visits, person.index);
    let first = 0;
    while (first < returns.length && (returns[first] as number) < fromMs) first += 1;
    if (first === returns.length) return null;
    const visitMs = returns[random.int(first, returns.length - 1)] as number;
    return Math.min(timeline.latestMs, visitMs + random.int(...BOUGHT_INTO_VISIT_MS));
  };

  for (const { customer, startMs } of subscribers) {
    for (let n = random.poisson(ADD_ONS_PER_SUBSCRIBER); n > 0; n -= 1) {
      const atMs =
        customer.type === 'user'
          ? visitTime(customer.contact, startMs)
          : Math.round(random.between(startMs, timeline.latestMs));
      if (atMs !== null) bought.push({ customer, atMs });
    }
  }
  for (const person of oneOffBuyers) {
    const atMs = visitTime(person, person.signedUpAtMs);
    if (atMs !== null)
      bought.push({ customer: { type: 'user', id: person.id, sinceMs: person.signedUpAtMs, contact: person }, atMs });
  }

  bought.sort((a, b) => a.atMs - b.atMs);
  return bought.map(({ customer, atMs }, i) => {
    const { product, maxQuantity } = addOns.pick(random);
    return {
      projectId: ctx.scope.projectId,
      branchId: ctx.scope.branchId,
      id: ctx.ids('one-time-purchase', i),
      customerType: customer.type,
      customerId: customer.id,
      productId: product.id,
      quantity: random.int(1, maxQuantity),
      createdAt: new Date(atMs),
    };
  });
}
