// `pulse`: two front doors (CLI and HTTP) to the same functions; no logic lives here.
import { Command } from 'commander';
import { migrateCommand } from './commands/migrate.js';
import { projectsCommand } from './commands/projects.js';
import { serveCommand } from './commands/serve.js';
import { seedCommand } from './commands/seed.js';
import { previewsCommand } from './commands/previews.js';
import { syncCommand } from './commands/sync.js';
import { teamsCommand } from './commands/teams.js';
import { usersCommand } from './commands/users.js';
import { exitUsageErrorsWithCode2 } from './run.js';

// One rule for every command: a bad command line exits 2 (subcommands inherit it), a failure 1 (run.ts).
const program = exitUsageErrorsWithCode2(
  new Command('pulse')
    .description('Pulse — user analytics for auth platforms (Postgres + ClickHouse, embedded by default)')
    .showHelpAfterError(),
);

serveCommand(program);
migrateCommand(program);
projectsCommand(program);
seedCommand(program);
previewsCommand(program);
syncCommand(program);
usersCommand(program);
teamsCommand(program);

await program.parseAsync(process.argv);
