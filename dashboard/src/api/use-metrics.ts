import { MetricsResponse, type RangeName } from '../../../contract/metrics.js';
import { getFigures } from './early-start.js';
import type { ProjectSession } from './session.js';
import { usePolling } from './use-polling.js';
import { metricsSearch } from './use-range.js';

const REFRESH_MS = 30_000;

export function useMetrics(session: ProjectSession | undefined, range: RangeName) {
  return usePolling(
    session ? () => getFigures(session, 'overview', MetricsResponse, metricsSearch(range)) : undefined,
    REFRESH_MS,
    [session?.projectId, range],
  );
}
