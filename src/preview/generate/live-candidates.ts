// Who in a generated dataset may come online later (the preview keep-alive): pure, from the dataset.
import type { IpInfo, TokenRefreshData } from '../../events/event-rows.js';
import type { PreviewDataset } from './types.js';

export interface LiveCandidate {
  userId: string;
  ipInfo: IpInfo;
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
  for (const e of dataset.liveEvents)
    if (e.event_type === '$token-refresh') seen(e.user_id, (e.data as TokenRefreshData).ip_info);
  return [...lastLocation.values()];
}
