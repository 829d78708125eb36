// Pure: which seeded users are "online" in a given minute of a watched preview. Deterministic per
// (project, minute), a believable count (4–8 a minute; with the previous minute's still inside the
// 120 s live window that is ~4–12 live users), spread over several countries.
import crypto from 'node:crypto';
import type { IpInfo, TokenRefreshData } from '../events/event-rows.js';
import type { PreviewDataset } from './generate/types.js';

export interface LiveCandidate {
  userId: string;
  ipInfo: IpInfo;
}

const MIN_PER_MINUTE = 4;
const MAX_PER_MINUTE = 8;

function score(...parts: string[]): number {
  return crypto.createHash('sha256').update(parts.join(':')).digest().readUInt32BE(0);
}

export function plannedLiveUsers(projectId: string, minute: number, candidates: readonly LiveCandidate[]): LiveCandidate[] {
  if (candidates.length === 0) return [];
  const wanted = Math.min(candidates.length, MIN_PER_MINUTE + (score(projectId, String(minute), 'count') % (MAX_PER_MINUTE - MIN_PER_MINUTE + 1)));
  const ranked = [...candidates].sort((a, b) => score(projectId, String(minute), a.userId) - score(projectId, String(minute), b.userId) || a.userId.localeCompare(b.userId));
  // Prefer one user per country first, so the globe shows several countries, then fill up.
  const chosen: LiveCandidate[] = [];
  const countries = new Set<string>();
  for (const c of ranked) {
    if (chosen.length === wanted) break;
    if (!countries.has(c.ipInfo.country_code)) {
      chosen.push(c);
      countries.add(c.ipInfo.country_code);
    }
  }
  for (const c of ranked) {
    if (chosen.length === wanted) break;
    if (!chosen.includes(c)) chosen.push(c);
  }
  return chosen;
}

/** Every non-anonymous user of a dataset with their latest located `$token-refresh`: who may come online.
 * Each visit starts with one (at the person's home location), in start order; the live ones come last. */
export function liveCandidates(dataset: Pick<PreviewDataset, 'users' | 'visits' | 'liveEvents'>): LiveCandidate[] {
  const anonymous = new Set(dataset.users.filter((u) => u.isAnonymous).map((u) => u.id));
  const lastLocation = new Map<string, LiveCandidate>();
  const seen = (userId: string | null, ipInfo: IpInfo | null) => {
    if (userId && ipInfo && !anonymous.has(userId)) lastLocation.set(userId, { userId, ipInfo });
  };
  for (const v of dataset.visits) seen(v.person.id, v.person.ipInfo);
  for (const e of dataset.liveEvents) if (e.event_type === '$token-refresh') seen(e.user_id, (e.data as TokenRefreshData).ip_info);
  return [...lastLocation.values()];
}
