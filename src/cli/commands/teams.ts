// `pulse teams list|create|delete`: the admin API's /projects/:id/teams routes from the command line, on the
// same functions (src/db/teams.ts), the same validation (contract/admin.ts) and the same JSON.
import type { Command } from 'commander';
import { CreateTeam, PageQuery, TeamParams } from '../../../contract/admin.js';
import { createTeam, listTeams, removeTeam } from '../../db/teams.js';
import { toTeamJson } from '../../admin/team-json.js';
import { printJson, printLine, printRecord, printTable } from '../output.js';
import { parseFlags, parseProjectOption } from '../parse-flags.js';
import { requireProject, type ListOptions } from '../project-scoped.js';
import { toPage } from '../../admin/page.js';
import { runCommand, withStores } from '../run.js';

interface CreateOptions {
  project: string;
  name: string;
  json?: boolean;
}
interface DeleteOptions {
  project: string;
  json?: boolean;
}

export function teamsCommand(program: Command): void {
  const teams = program.command('teams').description("list, create and delete a project's teams");

  teams
    .command('list')
    .description('list teams in id order, one page at a time')
    .requiredOption('--project <id>', 'project id')
    .option('--limit <n>', 'teams per page, 1 to 200', '50')
    .option('--cursor <team-id>', "start after this team (the previous page's next cursor)")
    .option('--json', 'print JSON: { items, next_cursor }, as GET /api/v1/projects/:id/teams')
    .action((options: ListOptions) =>
      runCommand(async (config) => {
        const projectId = parseProjectOption(options.project);
        const page = parseFlags(
          PageQuery,
          { limit: options.limit, cursor: options.cursor },
          { limit: '--limit', cursor: '--cursor' },
        );
        const rows = await withStores(config, 'teams list', async ({ postgres: { db } }) => {
          await requireProject(db, projectId);
          return listTeams(db, projectId, { after: page.cursor, limit: page.limit + 1 });
        });
        const result = toPage(rows.map(toTeamJson), page.limit);
        if (options.json) return printJson(result);
        if (result.items.length === 0)
          return printLine(
            `No teams${page.cursor ? ' after that cursor' : ''}. Create one with: pulse teams create --project ${projectId} --name …`,
          );
        printTable(
          ['id', 'name', 'created'],
          result.items.map((t) => [t.id, t.display_name, t.created_at]),
        );
        if (result.next_cursor)
          printLine(`More: pulse teams list --project ${projectId} --cursor ${result.next_cursor}`);
      }),
    );

  teams
    .command('create')
    .description('create a team')
    .requiredOption('--project <id>', 'project id')
    .requiredOption('--name <name>', 'display name')
    .option('--json', 'print JSON: the team, as POST /api/v1/projects/:id/teams')
    .action((options: CreateOptions) =>
      runCommand(async (config) => {
        const projectId = parseProjectOption(options.project);
        const body = parseFlags(CreateTeam, { display_name: options.name }, { display_name: '--name' });
        const team = await withStores(config, 'teams create', async ({ postgres: { db } }) => {
          await requireProject(db, projectId);
          return toTeamJson(await createTeam(db, projectId, { displayName: body.display_name }));
        });
        if (options.json) return printJson(team);
        printLine(`Created team ${team.id}`);
        printRecord([
          ['id', team.id],
          ['name', team.display_name],
          ['created', team.created_at],
        ]);
      }),
    );

  teams
    .command('delete')
    .description('delete a team with its memberships')
    .argument('<team-id>', 'the team to delete')
    .requiredOption('--project <id>', 'project id')
    .option('--json', 'print JSON: { id, deleted: true }')
    .action((teamId: string, options: DeleteOptions) =>
      runCommand(async (config) => {
        const projectId = parseProjectOption(options.project);
        const { team_id: id } = parseFlags(
          TeamParams.pick({ team_id: true }),
          { team_id: teamId },
          { team_id: '<team-id>' },
        );
        const deleted = await withStores(config, 'teams delete', async ({ postgres: { db } }) => {
          await requireProject(db, projectId);
          return removeTeam(db, projectId, id);
        });
        if (!deleted) throw new Error(`Team ${id} not found in project ${projectId}`);
        if (options.json) return printJson({ id, deleted: true });
        printLine(`Deleted team ${id}`);
      }),
    );
}
