// The "live users" on the globe: one `$token-refresh` per country, each from a different non-anonymous
// user, in the last few seconds before `now` and a few hundred ms apart (never at `now` itself).
import { tokenRefreshEvent, type EventRow } from '../../events/event-rows.js';
import type { GenerationContext } from './context.js';
import { CITIES, firstCityOf, ipInfoFor } from './geo.js';
import type { Person } from './person.js';

export const LIVE_COUNTRIES = ['US', 'GB', 'DE', 'JP', 'AU', 'IN', 'BR', 'CA'] as const;
/** The newest live event is this long before `now`... */
const NEWEST_BEFORE_NOW_MS = 300;
/** ...and each other one this much earlier than the previous. */
const SPACING_MS = 400;

export function generateLiveEvents(ctx: GenerationContext, people: readonly Person[]): EventRow[] {
  const { random, timeline, scope } = ctx;
  const used = new Set<Person>();
  const events = LIVE_COUNTRIES.map((countryCode, k) => {
    const eligible = people.filter((p) => !p.isAnonymous && !used.has(p));
    const locals = eligible.filter((p) => CITIES[p.cityIndex]?.countryCode === countryCode);
    // Prefer someone who lives there; in small datasets a traveller stands in with a local connection.
    const person = random.pick(locals.length > 0 ? locals : eligible);
    used.add(person);
    const ipInfo = locals.length > 0 ? person.ipInfo : ipInfoFor(firstCityOf(countryCode), random);
    const atMs = timeline.nowMs - NEWEST_BEFORE_NOW_MS - k * SPACING_MS;
    person.lastActiveAtMs = Math.max(person.lastActiveAtMs, atMs);
    return tokenRefreshEvent(scope, {
      at: new Date(atMs),
      userId: person.id,
      refreshTokenId: person.refreshTokenIds[0] as string,
      isAnonymous: false,
      ipInfo,
    });
  });
  // Oldest first, like the history.
  return events.reverse();
}
