// Pure: which seeded users are "online" in a given minute of a watched preview. Deterministic per
// (project, minute), a believable count (4–8 a minute; with the previous minute's still inside the
// 120 s live window that is ~4–12 live users), spread over several countries.
import crypto from 'node:crypto';
import type { LiveCandidate } from '../generate/live-candidates.js';

const MIN_PER_MINUTE = 4;
const MAX_PER_MINUTE = 8;

function score(...parts: string[]): number {
  return crypto.createHash('sha256').update(parts.join(':')).digest().readUInt32BE(0);
}

export function plannedLiveUsers(
  projectId: string,
  minute: number,
  candidates: readonly LiveCandidate[],
): LiveCandidate[] {
  if (candidates.length === 0) return [];
  const wanted = Math.min(
    candidates.length,
    MIN_PER_MINUTE + (score(projectId, String(minute), 'count') % (MAX_PER_MINUTE - MIN_PER_MINUTE + 1)),
  );
  const ranked = [...candidates].sort(
    (a, b) =>
      score(projectId, String(minute), a.userId) - score(projectId, String(minute), b.userId) ||
      a.userId.localeCompare(b.userId),
  );
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
