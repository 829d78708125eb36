import type { Command } from 'commander';
import { prunePreviews } from '../../preview/jobs/expiry.js';
import { repairProjects, type Repaired } from '../../preview/jobs/repair-projects.js';
import { runCommand, withStores } from '../run.js';

export function previewsCommand(program: Command): void {
  const previews = program.command('previews').description('manage preview projects');
  previews
    .command('prune')
    .description(
      'delete expired preview projects from both stores (serve does this every minute), and what a crash left',
    )
    .action(() =>
      runCommand(async (config) => {
        let total = 0;
        let repaired: Repaired = { orphans: [], staleGenerations: [] };
        await withStores(config, 'previews prune', async (stores) => {
          repaired = await repairProjects(stores);
          // Pruning works in batches; keep going until nothing expired is left.
          for (;;) {
            const ids = await prunePreviews(stores, new Date());
            total += ids.length;
            if (ids.length === 0) break;
          }
        });
        process.stdout.write(`deleted ${total} expired preview project${total === 1 ? '' : 's'}\n`);
        if (repaired.orphans.length > 0)
          process.stdout.write(
            `removed the ClickHouse rows of ${repaired.orphans.length} project(s) Postgres does not have\n`,
          );
        if (repaired.staleGenerations.length > 0)
          process.stdout.write(
            `removed an unfinished reseed's events from ${repaired.staleGenerations.length} project(s)\n`,
          );
      }),
    );
}
