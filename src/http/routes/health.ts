// Liveness (the process answers) and readiness (both stores answer, each timed, and their disks are above
// the free-space floor: below it writes are refused, so the process is not ready).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health, Readiness } from '../../../contract/api.js';
import type { Stores } from '../../stores.js';
import type { DiskGuard } from '../../disk-guard.js';

const CHECK_TIMEOUT_MS = 2_000;

export const healthRoutes =
  (stores: Pick<Stores, 'postgres' | 'analytics'>, diskGuard?: DiskGuard): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/healthz', { schema: { tags: ['health'], response: { 200: Health } } }, async () => ({
      status: 'ok' as const,
    }));

    app.get(
      '/readyz',
      { schema: { tags: ['health'], response: { 200: Readiness, 503: Readiness } } },
      async (_request, reply) => {
        const [postgres, clickhouse, disk] = await Promise.all([
          check(stores.postgres.driver, () => stores.postgres.ping()),
          check(stores.analytics.engine, () => stores.analytics.ping()),
          checkDisk(diskGuard),
        ]);
        const ready = postgres.ok && clickhouse.ok && disk.ok;
        return reply
          .status(ready ? 200 : 503)
          .send({ status: ready ? 'ready' : 'not_ready', checks: { postgres, clickhouse, disk } });
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

async function checkDisk(guard: DiskGuard | undefined): Promise<{ ok: boolean; error?: string }> {
  try {
    const low = await guard?.check();
    return low ? { ok: false, error: low.message } : { ok: true };
  } catch (error) {
    return { ok: false, error: `free space unknown: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 10) / 10;
