import type { Command } from 'commander';
import { createLogger } from '../../logger.js';
import { startServer, stopOnSignals } from '../../main.js';
import { runCommand } from '../run.js';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API on the configured stores (embedded by default, data under ./data)')
    .action(() =>
      runCommand(async (config) => {
        const logger = createLogger(config.logLevel);
        const server = await startServer(config, logger);
        stopOnSignals(server, logger);
      }),
    );
}
