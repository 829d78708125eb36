import { LiveMetricsResponse } from '../../../contract/metrics.js';
import { getFigures } from './early-start.js';
import type { ProjectSession } from './session.js';
import { usePolling } from './use-polling.js';

/** The globe and the live pill poll this often (the issue asks for ≤ 5 s). */
export const LIVE_POLL_MS = 4_000;

export function useLiveMetrics(session: ProjectSession | undefined) {
  return usePolling(session ? () => getFigures(session, 'live', LiveMetricsResponse) : undefined, LIVE_POLL_MS, [
    session?.projectId,
  ]);
}
