// Everyone in the preview: the hand-written cast, then generated users signing up over the history with a
// growth ramp, each with a home city, a device, refresh tokens and login methods. Activity comes later
// (activity.ts); rows are built at the end (people-rows.ts) once last-active times are known.
import type { AuthMethodSpec, Person } from './person.js';
import type { GenerationContext } from './context.js';
import { createFaker, fakeIdentity } from './fake-people.js';
import { CITIES, cityByName, ipInfoFor, type City } from './geo.js';
import { HAND_WRITTEN_USERS } from './hand-written.js';
import { pickIndex, WeightedTable, type Weighted } from './random.js';
import { DEVICE_WEIGHTS } from './site.js';
import { dayIndexOf } from './timeline.js';

const VERIFIED_SHARE = 0.75;
/** Share of users who come back after their sign-up day at all; activity.ts sets how often. */
const RETURNING_SHARE = 0.7;
/** Per-user multiplier of the return chance (mean 1.0): casual, regular and power users. */
const ENGAGEMENT_WEIGHTS: readonly Weighted<number>[] = [
  [0.6, 30],
  [1, 50],
  [1.6, 20],
];
/** The hand-written cast runs the product, so it uses it like power users. */
const HAND_WRITTEN_ENGAGEMENT = 1.6;
const SECOND_DEVICE_SHARE = 0.3;
/** The sign-up rate on the last day ÷ that on the first: a steady exponential ramp in between. */
const SIGN_UP_GROWTH = 2;
const SECOND_AUTH_METHOD_SHARE = 0.12;

const PRIMARY_AUTH_WEIGHTS: readonly Weighted<AuthMethodSpec>[] = [
  [{ kind: 'password', oauthProvider: null }, 38],
  [{ kind: 'oauth', oauthProvider: 'google' }, 30],
  [{ kind: 'oauth', oauthProvider: 'github' }, 15],
  [{ kind: 'oauth', oauthProvider: 'microsoft' }, 5],
  [{ kind: 'otp', oauthProvider: null }, 12],
];
const SECOND_AUTH_WEIGHTS: readonly Weighted<AuthMethodSpec>[] = [
  [{ kind: 'passkey', oauthProvider: null }, 40],
  [{ kind: 'otp', oauthProvider: null }, 30],
  [{ kind: 'password', oauthProvider: null }, 30],
];

const cityTable = new WeightedTable(CITIES.map((city, i) => [i, city.weight] as const));
const engagementTable = new WeightedTable(ENGAGEMENT_WEIGHTS);
const deviceTable = new WeightedTable(DEVICE_WEIGHTS);
const primaryAuthTable = new WeightedTable(PRIMARY_AUTH_WEIGHTS);
const secondAuthTable = new WeightedTable(SECOND_AUTH_WEIGHTS);

export function generatePeople(ctx: GenerationContext, generatedCount: number): Person[] {
  const { random, cycle } = ctx;
  const people: Person[] = [];
  const takenEmails = new Set<string>(HAND_WRITTEN_USERS.map((u) => u.email));

  for (const user of HAND_WRITTEN_USERS) {
    const cityIndex = CITIES.indexOf(cityByName(user.city));
    const signedUpAtMs = cycle.sampleInstantNear(cityIndex, user.signUpDay, random);
    people.push(
      newPerson(ctx, people.length, cityIndex, signedUpAtMs, {
        displayName: user.displayName,
        email: user.email,
        emailVerified: user.verified,
        isAnonymous: user.anonymous,
        profileImageUrl: user.profileImageUrl,
        returns: true,
        engagement: HAND_WRITTEN_ENGAGEMENT,
        authMethods: [...user.authMethods],
      }),
    );
  }

  const faker = createFaker(random);
  const signUpDays = new SignUpCalendar(ctx);
  for (let i = 0; i < generatedCount; i += 1) {
    const cityIndex = cityTable.pick(random);
    const signedUpAtMs = cycle.sampleInstant(cityIndex, signUpDays.pickDay(cityIndex), random);
    const identity = fakeIdentity(faker, random, takenEmails);
    const authMethods = [primaryAuthTable.pick(random)];
    if (random.chance(SECOND_AUTH_METHOD_SHARE)) {
      const second = secondAuthTable.pick(random);
      if (second.kind !== authMethods[0]?.kind) authMethods.push(second);
    }
    people.push(
      newPerson(ctx, people.length, cityIndex, signedUpAtMs, {
        ...identity,
        emailVerified: random.chance(VERIFIED_SHARE),
        isAnonymous: false,
        returns: random.chance(RETURNING_SHARE),
        engagement: engagementTable.pick(random),
        authMethods,
      }),
    );
  }
  return people;
}

type Traits = Pick<
  Person,
  | 'displayName'
  | 'email'
  | 'emailVerified'
  | 'isAnonymous'
  | 'profileImageUrl'
  | 'returns'
  | 'engagement'
  | 'authMethods'
>;

function newPerson(
  ctx: GenerationContext,
  index: number,
  cityIndex: number,
  signedUpAtMs: number,
  traits: Traits,
): Person {
  const { random, ids, timeline } = ctx;
  const deviceCount = random.chance(SECOND_DEVICE_SHARE) ? 2 : 1;
  return {
    index,
    id: ids('user', index),
    ...traits,
    cityIndex,
    ipInfo: ipInfoFor(CITIES[cityIndex] as City, random),
    device: deviceTable.pick(random),
    refreshTokenIds: Array.from({ length: deviceCount }, (_, k) => ids('refresh-token', `${index}:${k}`)),
    signedUpAtMs,
    signUpDay: dayIndexOf(timeline, signedUpAtMs),
    lastActiveAtMs: signedUpAtMs,
  };
}

/** Sign-up days per city: the growth ramp times how much of a local weekday each UTC day holds. */
class SignUpCalendar {
  readonly #ctx: GenerationContext;
  readonly #byCity = new Map<number, Float64Array>();

  constructor(ctx: GenerationContext) {
    this.#ctx = ctx;
  }

  pickDay(cityIndex: number): number {
    const { dayCount } = this.#ctx.timeline;
    let cumulative = this.#byCity.get(cityIndex);
    if (!cumulative) {
      cumulative = new Float64Array(dayCount);
      let total = 0;
      for (let day = 0; day < dayCount; day += 1) {
        const ramp = SIGN_UP_GROWTH ** (day / Math.max(1, dayCount - 1));
        total += ramp * this.#ctx.cycle.dayWeight(cityIndex, day);
        cumulative[day] = total;
      }
      this.#byCity.set(cityIndex, cumulative);
    }
    return pickIndex(cumulative, dayCount, this.#ctx.random.float());
  }
}
