// The figures both ways: queried, and computed in-process from the project's rows (project-rows.ts). The
// two must agree; the queried values are returned for the test's own expectations.
import { expect } from 'vitest';
import { runMetrics, type MetricName, type MetricValues } from '../metrics/index.js';
import type { MetricScope } from '../metrics/types.js';
import type { Stores } from '../stores.js';

export async function runBothWays<Name extends MetricName>(
  names: readonly Name[],
  stores: Stores,
  scope: MetricScope,
  now: Date,
): Promise<MetricValues<Name>> {
  const queried = await runMetrics(names, stores, scope, now, { rows: 'never' });
  const computed = await runMetrics(names, stores, scope, now, { rows: 'always' });
  expect(computed, `${names.join(', ')} from the project's rows`).toEqual(queried);
  return queried;
}
