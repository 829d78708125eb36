const integer = new Intl.NumberFormat('en-US');
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
// :TRICKY: one formatter, made once. toLocaleDateString(…, options) builds a new Intl.DateTimeFormat on
// every call, and the charts call this for every tick they measure (a hot spot of a first visit's profile).
const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** How the overview names a user: a user without a display name goes by their email ("Anonymous user"
 * would mean something else in Pulse). */
export const userName = (u: { display_name: string | null; primary_email: string | null }) =>
  u.display_name ?? u.primary_email ?? 'Unnamed user';

export const formatCount = (n: number) => integer.format(n);
export const formatCents = (cents: number) => money.format(cents / 100);
export const formatPercent = (ratio: number) => `${Math.round(ratio * 100)}%`;
export const formatDay = (date: string) => day.format(new Date(`${date}T00:00:00Z`));

export function formatAgo(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)}h ago`;
  return `${Math.round(seconds / 86_400)}d ago`;
}
