import { MetricsResponse } from '../../../contract/metrics.js';
import { api } from './client.js';
import type { ProjectSession } from './session.js';
import { usePolling } from './use-polling.js';

const REFRESH_MS = 30_000;

export function useMetrics(session: ProjectSession | undefined) {
  return usePolling(
    session ? () => api(`/api/v1/projects/${session.projectId}/metrics`, MetricsResponse, { key: session.adminKey }) : undefined,
    REFRESH_MS,
    [session?.projectId],
  );
}
