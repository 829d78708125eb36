import type { Command } from 'commander';
import { createSyncRunner } from '../../sync/run-sync-pass.js';
import { runCommand, withStores } from '../run.js';

// A one-off pass may wait longer than the worker for write transactions still open elsewhere.
const ONCE_SETTLE_WAIT_MS = 5_000;

export function syncCommand(program: Command): void {
  program
    .command('sync')
    .description(
      'mirror Postgres changes (users, contact channels, teams, members) into ClickHouse; serve runs this continuously',
    )
    .requiredOption('--once', 'run one pass per mapping, print a summary and exit')
    .action(() =>
      runCommand(async (config) => {
        await withStores(config, 'sync', async (stores) => {
          const started = performance.now();
          const pass = await createSyncRunner(stores).runPass({ settleWaitMs: ONCE_SETTLE_WAIT_MS });
          for (const m of pass.mappings) {
            process.stdout.write(
              `${m.mapping.padEnd(17)} ${String(m.rows).padStart(8)} rows (${m.deleted} deletes)  watermark ${m.from} → ${m.stored}\n`,
            );
          }
          const total = pass.mappings.reduce((sum, m) => sum + m.rows, 0);
          const note = pass.more ? ' (a write transaction was still open: run again to catch it)' : '';
          const pruned = pass.prunedTombstones > 0 ? `; pruned ${pass.prunedTombstones} mirrored tombstones` : '';
          process.stdout.write(
            `synced ${total} changes up to sequence id ${pass.upTo} in ${Math.round(performance.now() - started)} ms${pruned}${note}\n`,
          );
        });
      }),
    );
}
