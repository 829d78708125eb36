// When people are online: a daily curve by LOCAL hour and a weekend dip by LOCAL weekday, turned into
// per-city, per-UTC-day sampling tables. Sampling a UTC day first and then a slot of it keeps daily
// measures (DAU, retention by UTC day) exactly as the activity model intends, while the hour inside the
// day follows the city's clock.
import { CITIES } from './geo.js';
import { pickIndex, type Random } from './random.js';
import { dailyUtcOffsets } from './time-zones.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, dayStartMs, type Timeline } from './timeline.js';

/** Relative visit intensity per local hour 00..23: quiet nights, a work-day plateau, an evening bump. */
const LOCAL_HOUR_WEIGHTS: readonly number[] = [
  0.1, 0.06, 0.04, 0.03, 0.03, 0.05, 0.15, 0.35, 0.6, 0.85, 1.0, 1.0, 0.9, 0.95, 1.0, 0.95, 0.9, 0.8, 0.7, 0.7, 0.75,
  0.65, 0.45, 0.25,
];
/**
 * Saturday and Sunday (local) relative to a weekday. Measured per UTC day, zones blur weekends into
 * Fridays and Mondays and the growing user base lifts later days, which lands weekend/weekday DAU ≈ 0.65.
 */
export const WEEKEND_FACTOR = 0.6;
/** Half-hour slots, so half-hour zones (Asia/Kolkata) map each slot to one local hour. */
const SLOT_MS = 30 * MINUTE_MS;
const SLOTS_PER_DAY = DAY_MS / SLOT_MS;
const THURSDAY = 4; // 1970-01-01, day 0 of the epoch; weekdays count from Sunday = 0
const FULL_WEEKDAY_WEIGHT = (SLOTS_PER_DAY / 24) * LOCAL_HOUR_WEIGHTS.reduce((sum, w) => sum + w, 0);

export class DailyCycle {
  readonly #timeline: Timeline;
  /** Per (city, day): cumulative slot weights, SLOTS_PER_DAY entries each. */
  readonly #slots: Float64Array;
  /** Per (city, day): the day's weight relative to a full local weekday (0 when nothing of it is in history). */
  readonly #days: Float64Array;

  constructor(timeline: Timeline) {
    this.#timeline = timeline;
    const { dayCount } = timeline;
    this.#slots = new Float64Array(CITIES.length * dayCount * SLOTS_PER_DAY);
    this.#days = new Float64Array(CITIES.length * dayCount);
    const offsetsByZone = new Map<string, Int32Array>();
    CITIES.forEach((city, cityIndex) => {
      let offsets = offsetsByZone.get(city.timeZone);
      if (!offsets) {
        offsets = dailyUtcOffsets(city.timeZone, timeline.firstDayMs + DAY_MS / 2, DAY_MS, dayCount);
        offsetsByZone.set(city.timeZone, offsets);
      }
      for (let day = 0; day < dayCount; day += 1) this.#fillDay(cityIndex, day, (offsets[day] as number) * MINUTE_MS);
    });
  }

  #fillDay(cityIndex: number, day: number, offsetMs: number): void {
    const { startMs, latestMs } = this.#timeline;
    const base = (cityIndex * this.#timeline.dayCount + day) * SLOTS_PER_DAY;
    const dayStart = dayStartMs(this.#timeline, day);
    let total = 0;
    for (let slot = 0; slot < SLOTS_PER_DAY; slot += 1) {
      const slotStart = dayStart + slot * SLOT_MS;
      const available = Math.min(slotStart + SLOT_MS, latestMs) - Math.max(slotStart, startMs);
      if (available > 0) {
        const localMs = slotStart + SLOT_MS / 2 + offsetMs;
        const hour = Math.floor((localMs % DAY_MS) / HOUR_MS);
        const weekday = (Math.floor(localMs / DAY_MS) + THURSDAY) % 7;
        const weekend = weekday === 0 || weekday === 6;
        total +=
          (LOCAL_HOUR_WEIGHTS[hour] as number) * (weekend ? WEEKEND_FACTOR : 1) * Math.min(1, available / SLOT_MS);
      }
      this.#slots[base + slot] = total;
    }
    this.#days[cityIndex * this.#timeline.dayCount + day] = total / FULL_WEEKDAY_WEIGHT;
  }

  /** How much of a full local weekday's activity this UTC day holds for the city (≈1 weekday, ≈0.6 weekend). */
  dayWeight(cityIndex: number, day: number): number {
    return this.#days[cityIndex * this.#timeline.dayCount + day] as number;
  }

  /** An instant on UTC `day`, distributed by the city's local daily cycle, inside history. */
  sampleInstant(cityIndex: number, day: number, random: Random): number {
    if (!(this.dayWeight(cityIndex, day) > 0)) throw new RangeError(`day ${day} has no time in history`);
    const base = (cityIndex * this.#timeline.dayCount + day) * SLOTS_PER_DAY;
    const slot = pickIndex(this.#slots, SLOTS_PER_DAY, random.float(), base);
    const slotStart = dayStartMs(this.#timeline, day) + slot * SLOT_MS;
    const from = Math.max(slotStart, this.#timeline.startMs);
    const to = Math.min(slotStart + SLOT_MS, this.#timeline.latestMs);
    return from + Math.floor(random.float() * (to - from));
  }

  /**
   * Like sampleInstant, on the nearest day from `day` on (else before it) that has time in history: the
   * first and last days can be slivers with no time left for the city.
   */
  sampleInstantNear(cityIndex: number, day: number, random: Random): number {
    const last = this.#timeline.dayCount - 1;
    const wanted = Math.min(last, Math.max(0, day));
    for (let d = wanted; d <= last; d += 1) {
      if (this.dayWeight(cityIndex, d) > 0) return this.sampleInstant(cityIndex, d, random);
    }
    for (let d = wanted - 1; d >= 0; d -= 1) {
      if (this.dayWeight(cityIndex, d) > 0) return this.sampleInstant(cityIndex, d, random);
    }
    throw new RangeError('history has no time at all');
  }
}
