import type { Command } from 'commander';
import { runCommand, withStores } from '../run.js';

export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending Postgres and ClickHouse migrations (serve also does this at start-up)')
    .action(() =>
      runCommand(async (config) => {
        await withStores(config, 'migrate', async (stores) => {
          process.stdout.write(
            `migrations applied: Postgres (${stores.postgres.driver}) and ClickHouse (${stores.analytics.engine}) are up to date\n`,
          );
        });
      }),
    );
}
