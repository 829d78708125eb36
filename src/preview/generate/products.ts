// What the example app sells: monthly plans (per seat where quantity > 1) and one-time add-ons.
export interface Product {
  id: string;
  unitAmountCents: number;
}

export const PRODUCTS = {
  starterMonthly: { id: 'starter-monthly', unitAmountCents: 900 },
  proMonthly: { id: 'pro-monthly', unitAmountCents: 2_900 },
  teamMonthly: { id: 'team-monthly', unitAmountCents: 1_900 },
  credits: { id: 'credits-1000', unitAmountCents: 1_000 },
  onboarding: { id: 'onboarding-session', unitAmountCents: 14_900 },
  storage: { id: 'extra-storage-100gb', unitAmountCents: 500 },
} as const satisfies Record<string, Product>;
