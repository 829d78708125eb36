// The project overview (docs/product.md §6): parse → authorize → take `now` once → resolve the window →
// run the registry's metrics concurrently → respond. The response schema (contract/metrics.ts) validates every answer.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, ProjectParams } from '../../../contract/api.js';
import {
  LiveMetricsQuery,
  LiveMetricsResponse,
  MetricsQuery,
  MetricsResponse,
  type ResponseWindow,
} from '../../../contract/metrics.js';
import { DEFAULT_BRANCH } from '../../branch.js';
import { LIVE_METRICS, OVERVIEW_METRICS, runMetrics } from '../../metrics/index.js';
import type { Stores } from '../../stores.js';
import { RangeParamError, requestedRange } from '../../metrics/range.js';
import type { MetricScope } from '../../metrics/types.js';
import { metricWindow, type DayRange } from '../../metrics/window.js';
import { authorizeProjectKey } from '../auth.js';
import { invalidRequest } from '../errors.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 503: ErrorBody };

export interface MetricRouteOptions {
  /** Read once per request; tests pass a fixed instant. */
  clock?: () => Date;
}

export const metricRoutes =
  (stores: Stores, { clock = () => new Date() }: MetricRouteOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects/:id/metrics',
      {
        schema: {
          tags: ['metrics'],
          summary:
            'Every figure of the project overview, over a window of whole UTC days (default: today and the 30 days before)',
          security: [{ bearer: [] }],
          params: ProjectParams,
          querystring: MetricsQuery,
          response: { 200: MetricsResponse, ...errors },
        },
      },
      async (request) => {
        const scope = await scopeOf(stores, request, request.params.id, request.query.include_anonymous);
        const now = clock();
        const range = rangeOf(request.query, now);
        const values = await runMetrics(OVERVIEW_METRICS, stores, { ...scope, range }, now);
        return { now: now.toISOString(), window: responseWindow(range, now), ...values };
      },
    );

    app.get(
      '/projects/:id/metrics/live',
      {
        schema: {
          tags: ['metrics'],
          summary: 'Live users (a `$token-refresh` in the last 120 s), cheap enough to poll',
          security: [{ bearer: [] }],
          params: ProjectParams,
          querystring: LiveMetricsQuery,
          response: { 200: LiveMetricsResponse, ...errors },
        },
      },
      async (request) => {
        const scope = await scopeOf(stores, request, request.params.id, request.query.include_anonymous);
        const now = clock();
        return { now: now.toISOString(), ...(await runMetrics(LIVE_METRICS, stores, scope, now)) };
      },
    );
  };

/** The project the admin key may read, and what every figure filters on (its current seed generation too). */
async function scopeOf(
  stores: Stores,
  request: FastifyRequest,
  projectId: string,
  includeAnonymous: boolean,
): Promise<MetricScope> {
  const owner = await authorizeProjectKey(stores.postgres.db, request, projectId, 'admin');
  return {
    projectId: owner.projectId,
    branchId: DEFAULT_BRANCH,
    includeAnonymous,
    seedGeneration: owner.seedGeneration,
  };
}

/** The request's days, or a 400 that names the parameter like the contract's own checks do. */
function rangeOf(query: MetricsQuery, now: Date): DayRange {
  try {
    return requestedRange(query, now);
  } catch (error) {
    if (error instanceof RangeParamError) throw invalidRequest(`querystring.${error.param}`, error.message);
    throw error;
  }
}

function responseWindow(range: DayRange, now: Date): ResponseWindow {
  const { from, to, days } = metricWindow(now, range);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    first_day: range.first,
    last_day: range.last,
    days: days.length,
  };
}
