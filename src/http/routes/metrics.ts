// The project overview (PRODUCT.md §6): parse → authorize → take `now` once → run the registry's
// metrics concurrently → respond. The response schema (contract/metrics.ts) validates every answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, ProjectParams } from '../../../contract/api.js';
import { LiveMetricsResponse, MetricsQuery, MetricsResponse } from '../../../contract/metrics.js';
import { DEFAULT_BRANCH } from '../../db/schema/index.js';
import { LIVE_METRICS, OVERVIEW_METRICS, runMetrics } from '../../metrics/index.js';
import type { Stores } from '../../stores.js';
import { metricWindow } from '../../metrics/window.js';
import { authorizeProject } from '../auth.js';

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
          summary: 'Every figure of the project overview (window: today UTC and the 30 days before)',
          security: [{ bearer: [] }],
          params: ProjectParams,
          querystring: MetricsQuery,
          response: { 200: MetricsResponse, ...errors },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(stores.postgres.db, request, request.params.id, 'admin');
        const now = clock();
        const scope = { projectId, branchId: DEFAULT_BRANCH, includeAnonymous: request.query.include_anonymous };
        const values = await runMetrics(OVERVIEW_METRICS, stores, scope, now);
        const { from, to } = metricWindow(now);
        return { now: now.toISOString(), window: { from: from.toISOString(), to: to.toISOString() }, ...values };
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
          querystring: MetricsQuery,
          response: { 200: LiveMetricsResponse, ...errors },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(stores.postgres.db, request, request.params.id, 'admin');
        const now = clock();
        const scope = { projectId, branchId: DEFAULT_BRANCH, includeAnonymous: request.query.include_anonymous };
        return { now: now.toISOString(), ...(await runMetrics(LIVE_METRICS, stores, scope, now)) };
      },
    );
  };
