import { MetricsResponse } from '../../../contract/metrics.js';
import { api, readResponse } from './client.js';
import { takeEarlyMetrics } from './early-start.js';
import type { ProjectSession } from './session.js';
import { usePolling } from './use-polling.js';

const REFRESH_MS = 30_000;

export function useMetrics(session: ProjectSession | undefined) {
  return usePolling(
    session
      ? async () => {
          const path = `/api/v1/projects/${session.projectId}/metrics`;
          const early = await takeEarlyMetrics(session.projectId, 'overview');
          return early ? readResponse(early.sent, path, MetricsResponse) : api(path, MetricsResponse, { key: session.adminKey });
        }
      : undefined,
    REFRESH_MS,
    [session?.projectId],
  );
}
