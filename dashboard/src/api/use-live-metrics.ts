import { LiveMetricsResponse } from '../../../contract/metrics.js';
import { api, readResponse } from './client.js';
import { takeEarlyMetrics } from './early-start.js';
import type { ProjectSession } from './session.js';
import { usePolling } from './use-polling.js';

/** The globe and the live pill poll this often (the issue asks for ≤ 5 s). */
export const LIVE_POLL_MS = 4_000;

export function useLiveMetrics(session: ProjectSession | undefined) {
  return usePolling(
    session
      ? async () => {
          const path = `/api/v1/projects/${session.projectId}/metrics/live`;
          const early = await takeEarlyMetrics(session.projectId, 'live');
          return early ? readResponse(early.sent, path, LiveMetricsResponse) : api(path, LiveMetricsResponse, { key: session.adminKey });
        }
      : undefined,
    LIVE_POLL_MS,
    [session?.projectId],
  );
}
