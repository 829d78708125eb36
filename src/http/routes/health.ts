// Liveness (the process answers) and readiness (both stores answer, each timed).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health, Readiness } from '../../../contract/api.js';
import type { Stores } from '../../stores.js';

const CHECK_TIMEOUT_MS = 2_000;

export const healthRoutes =
  (stores: Pick<Stores, 'postgres' | 'analytics'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/healthz', { schema: { tags: ['health'], response: { 200: Health } } }, async () => ({
      status: 'ok' as const,
    }));

    app.get(
      '/readyz',
      { schema: { tags: ['health'], response: { 200: Readiness, 503: Readiness } } },
      async (_request, reply) => {
        const [postgres, clickhouse] = await Promise.all([
          check(stores.postgres.driver, () => stores.postgres.ping()),
          check(stores.analytics.engine, () => stores.analytics.ping()),
        ]);
        const ready = postgres.ok && clickhouse.ok;
        return reply
          .status(ready ? 200 : 503)
          .send({ status: ready ? 'ready' : 'not_ready', checks: { postgres, clickhouse } });
      },
    );
  };

async function check(driver: string, ping: () => Promise<void>) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, driver, latency_ms: elapsed(started) };
  } catch (error) {
    return {
      ok: false,
      driver,
      latency_ms: elapsed(started),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 10) / 10;
