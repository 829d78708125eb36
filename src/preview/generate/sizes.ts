// How big a preview is. `users` and `days` in the options override the size's values. Emails, payments and
// replays follow from the people and their activity, so they scale with both.
import { HAND_WRITTEN_USERS } from './hand-written.js';
import type { GenerateOptions, PreviewSize } from './types.js';

export const DEFAULT_SIZE: PreviewSize = 'standard';

export interface SizeProfile {
  /** Users beyond the 16 hand-written ones. */
  generatedUsers: number;
  days: number;
  /** Mean extra visits on a day a user is active (Poisson); the main lever on event volume. */
  extraVisitsPerActiveDay: number;
}

export const SIZE_PROFILES: Readonly<Record<PreviewSize, SizeProfile>> = {
  // Small enough for unit tests, big enough for every kind of row and all 8 live countries.
  tiny: { generatedUsers: 20, days: 14, extraVisitsPerActiveDay: 1.5 },
  // 16 + 570 = 586 users (584 non-anonymous), tens of thousands of events.
  standard: { generatedUsers: 570, days: 60, extraVisitsPerActiveDay: 1.5 },
  // 10,000 users; a busier product (more visits per active day) to reach about a million events.
  large: { generatedUsers: 10_000 - HAND_WRITTEN_USERS.length, days: 60, extraVisitsPerActiveDay: 5.7 },
};

export function resolveSize(options: GenerateOptions): SizeProfile {
  const profile = SIZE_PROFILES[options.size ?? DEFAULT_SIZE];
  if (!profile) throw new RangeError(`unknown preview size ${String(options.size)}`);
  const generatedUsers = options.users ?? profile.generatedUsers;
  const days = options.days ?? profile.days;
  if (!Number.isInteger(generatedUsers) || generatedUsers < 0)
    throw new RangeError(`users must be an integer >= 0, got ${generatedUsers}`);
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be an integer >= 1, got ${days}`);
  return { ...profile, generatedUsers, days };
}
