import type { Command } from 'commander';
import { prunePreviews } from '../../preview/jobs/expiry.js';
import { runCommand, withStores } from '../run.js';

export function previewsCommand(program: Command): void {
  const previews = program.command('previews').description('manage preview projects');
  previews
    .command('prune')
    .description('delete expired preview projects from both stores (serve does this every minute)')
    .action(() =>
      runCommand(async (config) => {
        let total = 0;
        await withStores(config, 'previews prune', async (stores) => {
          // Pruning works in batches; keep going until nothing expired is left.
          for (;;) {
            const ids = await prunePreviews(stores, new Date());
            total += ids.length;
            if (ids.length === 0) break;
          }
        });
        process.stdout.write(`deleted ${total} expired preview project${total === 1 ? '' : 's'}\n`);
      }),
    );
}
