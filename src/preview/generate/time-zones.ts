// UTC offsets of the cities' IANA zones, from the runtime's tz database (Intl), so a "local daytime" visit
// is daytime by the same rules a reader of ip_info.tz_identifier applies, summer time included.

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building a formatter loads zone data (milliseconds each); keep one per zone for the process.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes to add to UTC to get local time in `timeZone` at `atMs`. */
export function utcOffsetMinutes(timeZone: string, atMs: number): number {
  const name =
    formatterFor(timeZone)
      .formatToParts(atMs)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  // 'GMT' for UTC itself, otherwise 'GMT+05:30' / 'GMT-08:00'.
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!match) throw new Error(`unexpected offset name ${JSON.stringify(name)} for ${timeZone}`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

// Zones switch summer time at most twice a year, so probing weekly and bisecting only between probes that
// disagree finds every switch with a few dozen Intl calls instead of one per day.
const PROBE_STRIDE_DAYS = 7;

/** The offset of `timeZone` at `firstAtMs + i × dayMs` for i in [0, count). */
export function dailyUtcOffsets(timeZone: string, firstAtMs: number, dayMs: number, count: number): Int32Array {
  const offsets = new Int32Array(count);
  const known = new Map<number, number>();
  const at = (i: number): number => {
    let offset = known.get(i);
    if (offset === undefined) {
      offset = utcOffsetMinutes(timeZone, firstAtMs + i * dayMs);
      known.set(i, offset);
    }
    return offset;
  };
  const fill = (from: number, to: number): void => {
    // Invariant: at(from) and at(to) are known; fill (from, to] by bisecting where they differ.
    if (at(from) === at(to)) {
      offsets.fill(at(from), from, to + 1);
      return;
    }
    if (to - from === 1) {
      offsets[from] = at(from);
      offsets[to] = at(to);
      return;
    }
    const mid = (from + to) >>> 1;
    fill(from, mid);
    fill(mid, to);
  };
  for (let from = 0; from < count; from += PROBE_STRIDE_DAYS) fill(from, Math.min(count - 1, from + PROBE_STRIDE_DAYS));
  return offsets;
}
