import { MetricsResponse } from '../../../contract/metrics.js';
import { getFigures } from './early-start.js';
import type { ProjectSession } from './session.js';
import { usePolling } from './use-polling.js';

const REFRESH_MS = 30_000;

export function useMetrics(session: ProjectSession | undefined) {
  return usePolling(session ? () => getFigures(session, 'overview', MetricsResponse) : undefined, REFRESH_MS, [session?.projectId]);
}
