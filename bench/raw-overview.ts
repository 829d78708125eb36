// The metrics benchmark's baseline: the whole overview with every rolled figure read from the raw events
// (src/test/raw-metrics.ts, the definitions the rollups are tested against), batched like runMetrics.
import { QueryBatch } from '../src/analytics/query-batch.js';
import { OVERVIEW_METRICS, runMetrics } from '../src/metrics/index.js';
import type { MetricScope } from '../src/metrics/types.js';
import type { Stores } from '../src/stores.js';
import { RAW_METRICS } from '../src/test/raw-metrics.js';

const RAW_NAMES = Object.keys(RAW_METRICS) as (keyof typeof RAW_METRICS)[];
const OTHERS = OVERVIEW_METRICS.filter((name) => !(RAW_NAMES as readonly string[]).includes(name));

export async function rawOverview(stores: Stores, scope: MetricScope, now: Date): Promise<unknown[]> {
  const batch = new QueryBatch(stores.analytics);
  const raw = RAW_NAMES.map((name) => RAW_METRICS[name]({ ...stores, analytics: batch }, scope, now));
  const others = runMetrics(OTHERS, stores, scope, now);
  await batch.flush();
  return Promise.all([...raw, others]);
}
