import { LiveMetricsResponse } from '../../../contract/metrics.js';
import { api } from './client.js';
import type { ProjectSession } from './session.js';
import { usePolling } from './use-polling.js';

/** The globe and the live pill poll this often (the issue asks for ≤ 5 s). */
export const LIVE_POLL_MS = 4_000;

export function useLiveMetrics(session: ProjectSession | undefined) {
  return usePolling(
    session ? () => api(`/api/v1/projects/${session.projectId}/metrics/live`, LiveMetricsResponse, { key: session.adminKey }) : undefined,
    LIVE_POLL_MS,
    [session?.projectId],
  );
}
