// When people visit, over the whole history: everyone's sign-up visit, then, for returning users, a chance
// per later UTC day that falls with the days since sign-up (the retention curve), scaled by the user's
// engagement and by how much of a local weekday that UTC day is (weekends ≈ 0.6×). Active days hold one
// visit or more. Only start times are kept here (numbers, not objects): a large preview has ~300k visits,
// and what happens inside each is planned while its events are built (visit-events.ts).
import type { GenerationContext } from './context.js';
import type { Person } from './person.js';

/**
 * Chance that a returning user of average engagement is active n days after signing up, on a weekday,
 * as [n, chance] anchors, interpolated on log n. With 70 % returning users and weekends this lands on
 * D1 ≈ 38 %, D7 ≈ 20 %, D30 ≈ 10 % of all users (realism.test.ts measures them).
 */
const RETURN_CURVE: readonly (readonly [day: number, chance: number])[] = [
  [1, 0.6],
  [3, 0.44],
  [7, 0.3],
  [14, 0.22],
  [30, 0.165],
  [60, 0.12],
];

/** Every visit of the history, ordered by start time (ties keep generation order). */
export interface VisitSchedule {
  count: number;
  personIndex: Int32Array;
  startMs: Float64Array;
  /** 1 for the sign-up visit of the person. */
  isSignUp: Uint8Array;
}

export function scheduleVisits(
  ctx: GenerationContext,
  people: readonly Person[],
  extraVisitsPerActiveDay: number,
): VisitSchedule {
  const { random, cycle, timeline } = ctx;
  const returnChance = returnChanceByDay(timeline.dayCount);
  const persons: number[] = [];
  const starts: number[] = [];
  const signUps: number[] = [];
  for (const person of people) {
    persons.push(person.index);
    starts.push(person.signedUpAtMs);
    signUps.push(1);
    if (!person.returns) continue;
    for (let day = person.signUpDay + 1; day < timeline.dayCount; day += 1) {
      const chance =
        (returnChance[day - person.signUpDay] as number) * person.engagement * cycle.dayWeight(person.cityIndex, day);
      if (!random.chance(chance)) continue;
      const count = 1 + random.poisson(extraVisitsPerActiveDay);
      for (let k = 0; k < count; k += 1) {
        const startMs = cycle.sampleInstant(person.cityIndex, day, random);
        persons.push(person.index);
        starts.push(startMs);
        signUps.push(0);
        if (startMs > person.lastActiveAtMs) person.lastActiveAtMs = startMs;
      }
    }
  }
  const order = starts.map((_, i) => i).sort((a, b) => (starts[a] as number) - (starts[b] as number));
  const schedule: VisitSchedule = {
    count: order.length,
    personIndex: new Int32Array(order.length),
    startMs: new Float64Array(order.length),
    isSignUp: new Uint8Array(order.length),
  };
  order.forEach((from, to) => {
    schedule.personIndex[to] = persons[from] as number;
    schedule.startMs[to] = starts[from] as number;
    schedule.isSignUp[to] = signUps[from] as number;
  });
  return schedule;
}

/** Index n: the return chance n days after sign-up (index 0 unused). */
function returnChanceByDay(dayCount: number): Float64Array {
  const chances = new Float64Array(dayCount + 1);
  for (let n = 1; n <= dayCount; n += 1) chances[n] = interpolate(n);
  return chances;
}

function interpolate(n: number): number {
  const first = RETURN_CURVE[0] as readonly [number, number];
  if (n <= first[0]) return first[1];
  for (let i = 1; i < RETURN_CURVE.length; i += 1) {
    const [toDay, toChance] = RETURN_CURVE[i] as readonly [number, number];
    const [fromDay, fromChance] = RETURN_CURVE[i - 1] as readonly [number, number];
    if (n <= toDay) {
      const t = Math.log(n / fromDay) / Math.log(toDay / fromDay);
      return fromChance + t * (toChance - fromChance);
    }
  }
  return (RETURN_CURVE[RETURN_CURVE.length - 1] as readonly [number, number])[1];
}
