import type { Command } from 'commander';
import { printTable } from '../output.js';
import { ProjectName } from '../../../contract/api.js';
import { listProjects } from '../../db/projects.js';
import { createProject } from '../../projects/create-project.js';
import { toProjectJson } from '../../admin/project-json.js';
import { runCommand, withStores } from '../run.js';
import { parseFlags } from '../parse-flags.js';
import { z } from 'zod';

export function projectsCommand(program: Command): void {
  const projects = program.command('projects').description('create and list projects');

  projects
    .command('create')
    .description('create a project; prints its admin and ingest keys once')
    .requiredOption('--name <name>', 'display name')
    .option('--json', 'print JSON')
    .action((options: { name: string; json?: boolean }) =>
      runCommand(async (config) => {
        const { name } = parseFlags(z.object({ name: ProjectName }), { name: options.name }, { name: '--name' });
        const created = await withStores(config, 'projects create', (stores) =>
          createProject(stores.postgres.db, { displayName: name }),
        );
        const body = { ...toProjectJson(created.project), admin_key: created.adminKey, ingest_key: created.ingestKey };
        if (options.json) return void process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
        process.stdout.write(
          `Created project "${body.display_name}"\n  id:         ${body.id}\n  admin key:  ${body.admin_key}\n  ingest key: ${body.ingest_key}\n` +
            'Store the keys now: they are shown once and kept only as hashes.\n',
        );
      }),
    );

  projects
    .command('list')
    .description('list projects')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      runCommand(async (config) => {
        const rows = (await withStores(config, 'projects list', (stores) => listProjects(stores.postgres.db))).map(
          toProjectJson,
        );
        if (options.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        if (rows.length === 0)
          return void process.stdout.write('No projects yet. Create one with: pulse projects create --name "My app"\n');
        printTable(
          ['id', 'name', 'preview', 'created', 'expires'],
          rows.map((p) => [p.id, p.display_name, p.is_preview ? 'yes' : 'no', p.created_at, p.expires_at ?? '']),
        );
      }),
    );
}
