// Each person's return visits (every visit but the sign-up one), in time order: business events (a
// subscription started, a purchase, a sign-in code) happen during the visits the activity already planned.
// Flat arrays rather than a list per person: a large preview has ~10k people and ~200k visits.
import type { VisitSchedule } from './activity.js';

export interface PersonVisits {
  /** Start times of the return visits of person p: starts[offsets[p] .. offsets[p + 1]). */
  offsets: Int32Array;
  starts: Float64Array;
}

export function indexPersonVisits(schedule: VisitSchedule, peopleCount: number): PersonVisits {
  const offsets = new Int32Array(peopleCount + 1);
  for (let v = 0; v < schedule.count; v += 1) {
    if (schedule.isSignUp[v] === 1) continue;
    const slot = (schedule.personIndex[v] as number) + 1;
    offsets[slot] = (offsets[slot] as number) + 1;
  }
  for (let p = 0; p < peopleCount; p += 1) offsets[p + 1] = (offsets[p + 1] as number) + (offsets[p] as number);
  const starts = new Float64Array(offsets[peopleCount] as number);
  const filled = offsets.slice(0, peopleCount);
  // The schedule is in start order, so each person's slice fills in start order too.
  for (let v = 0; v < schedule.count; v += 1) {
    if (schedule.isSignUp[v] === 1) continue;
    const p = schedule.personIndex[v] as number;
    starts[filled[p] as number] = schedule.startMs[v] as number;
    filled[p] = (filled[p] as number) + 1;
  }
  return { offsets, starts };
}

/** The return visits of one person (a view, not a copy). */
export function returnVisitsOf(visits: PersonVisits, personIndex: number): Float64Array {
  return visits.starts.subarray(visits.offsets[personIndex] as number, visits.offsets[personIndex + 1] as number);
}
