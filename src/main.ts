// Composition root for `pulse serve`: open stores, build the app, listen, shut down cleanly.
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { App } from './http/app.js';
import { openStores, type Stores } from './stores.js';
import { startPreviewExpiry } from './preview/jobs/expiry.js';
import { DEFAULT_BRANCH } from './branch.js';
import { FIRST_SEED_GENERATION } from './db/projects.js';
import { dashboardDir } from './package-root.js';
import { PreviewKeepAlive } from './preview/jobs/keep-alive.js';
import { createSparePreviews } from './preview/jobs/spare-previews.js';
import { OVERVIEW_METRICS, runMetrics } from './metrics/index.js';
import { createEventBuffer } from './ingest/buffer.js';
import { insertEvents } from './analytics/insert-events.js';
import { createSyncRunner } from './sync/run-sync-pass.js';
import { startSyncWorker, type SyncWorker } from './sync/worker.js';
import { diskGuardFor } from './disk-guard.js';
import { startNumberingSweep } from './analytics/numbering-sweep.js';

const SHUTDOWN_TIMEOUT_MS = 10_000;

export interface RunningServer {
  app: App;
  stores: Stores;
  url: string;
  /** Stops accepting requests, lets in-flight ones finish, closes both stores, releases the data dir. */
  stop(): Promise<void>;
}

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const started = performance.now();
  // Load the HTTP layer while the stores open: both take a few hundred ms and neither needs the other.
  const appModule = import('./http/app.js');
  const stores = await openStores(config, {
    command: 'serve',
    onMigration: ({ version, name }, step) =>
      step.phase === 'start'
        ? logger.info({ version, name }, 'applying ClickHouse migration')
        : logger.info({ version, name, ms: step.ms }, 'applied ClickHouse migration'),
  });
  for (const file of stores.recovered)
    logger.warn(file, 'moved a damaged ClickHouse mutation file aside (a write that failed, e.g. on a full disk)');
  logger.info(
    {
      postgres: stores.postgres.driver,
      clickhouse: stores.analytics.engine,
      dataDir: config.dataDir,
      ...stores.timings,
    },
    'stores open and migrated',
  );
  const keepAlive = new PreviewKeepAlive(stores, { logger });
  const diskGuard = diskGuardFor(config);
  const spares = createSparePreviews(stores, {
    mayWrite: () => diskGuard.assertWritable(),
    size: config.preview ? config.previewSpares : 0,
    ttlMs: config.previewTtlMs,
    logger,
    warm: (projectId) =>
      runMetrics(
        OVERVIEW_METRICS,
        stores,
        { projectId, branchId: DEFAULT_BRANCH, includeAnonymous: false, seedGeneration: FIRST_SEED_GENERATION },
        new Date(),
      ),
  });
  const eventBuffer = createEventBuffer({ write: (rows) => insertEvents(stores.analytics, rows) });
  // The worker starts once the app is built; writes before that are caught by its first pass.
  const sync: { worker?: SyncWorker } = {};
  let app: App;
  try {
    app = await (
      await appModule
    ).buildApp({
      stores,
      logger,
      preview: {
        enabled: config.preview,
        ttlMs: config.previewTtlMs,
        ratePerMinute: config.previewRateLimit,
        spares,
        onCreated: (c) => keepAlive.prime(c.projectId, c.live.candidates),
      },
      dashboardDir: dashboardDir(),
      onLivePoll: (projectId) => keepAlive.touch(projectId),
      notifyWrite: () => sync.worker?.notify(),
      eventBuffer,
      eventMaxAgeMs: config.eventMaxAgeMs,
      diskGuard,
    });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await stores.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  stores.lock?.update({ url });
  logger.info({ url, docs: `${url}/api/docs`, ms: Math.round(performance.now() - started) }, 'Pulse is ready');

  const syncRunner = createSyncRunner(stores);
  const syncWorker = (sync.worker = startSyncWorker({
    // A pass writes mirrors: below the disk floor it fails like any write, and the worker backs off.
    runPass: () => diskGuard.assertWritable().then(() => syncRunner.runPass()),
    logger,
  }));
  const stopPruning = startPreviewExpiry(stores, logger);
  // chDB runs one statement at a time: no insert can miss another's rows there, so nothing to sweep.
  const stopSweep = stores.analytics.concurrentInserts ? startNumberingSweep(stores.analytics, logger) : async () => {};
  keepAlive.start();
  spares.start();
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      // In-flight ingest requests have finished; anything still buffered is written before the stores close.
      await eventBuffer.close();
      await Promise.all([stopPruning(), stopSweep(), keepAlive.stop(), syncWorker.stop(), spares.stop()]);
      await stores.close();
    })());
  return { app, stores, url, stop };
}

/** SIGINT/SIGTERM ⇒ graceful stop and exit 0; a second signal or a stuck close ⇒ exit 1. */
export function stopOnSignals(server: RunningServer, logger: Logger): void {
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    process.once('SIGINT', () => process.exit(1));
    process.once('SIGTERM', () => process.exit(1));
    setTimeout(() => {
      logger.error(`shutdown took over ${SHUTDOWN_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    server.stop().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
