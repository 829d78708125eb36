// What every metric function receives. A metric is `(stores, scope, now) → value`: it reads the clock
// only through `now`, so one request's figures agree with each other and tests can fix the instant.
import type { AnalyticsReader } from '../analytics/store.js';
import type { Stores } from '../stores.js';
import type { ProjectRows } from './row-types.js';
import type { DayRange } from './window.js';

export interface MetricScope {
  projectId: string;
  branchId: string;
  /** Count anonymous users and their events too (they are left out by default). */
  includeAnonymous: boolean;
  /**
   * The project's current seed generation (projects.seed_generation): its demo events carry it in
   * `seeded`, and a reseed writes the next one beside them until its commit switches, so only these count.
   */
  seedGeneration: number;
  /** The window's days (window.ts); absent = the default, today and the 30 days before. */
  range?: DayRange;
}

/** What a metric reads through: the runner hands ClickHouse queries to a QueryBatch (one round trip). */
export interface MetricReaders extends Omit<Stores, 'analytics'> {
  analytics: AnalyticsReader;
  /** A small project's rows (project-rows.ts): figures that can are computed from them instead of queried. */
  rows?: ProjectRows;
}

export type Metric<Value> = (stores: MetricReaders, scope: MetricScope, now: Date) => Promise<Value>;
