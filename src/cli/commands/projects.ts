import type { Command } from 'commander';
import { printTable } from '../output.js';
import { KeyParams, ProjectName } from '../../../contract/api.js';
import { listProjects } from '../../db/projects.js';
import { createProject } from '../../projects/create-project.js';
import { toProjectJson } from '../../admin/project-json.js';
import { deleteProject } from '../../projects/delete-project.js';
import { revokeKey, rotateKey } from '../../projects/manage-keys.js';
import { printJson, printLine } from '../output.js';
import { runCommand, withStores } from '../run.js';
import { parseFlags, parseProjectOption } from '../parse-flags.js';
import { z } from 'zod';

export function projectsCommand(program: Command): void {
  const projects = program
    .command('projects')
    .description('create, list and delete projects; rotate and revoke their keys');

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

  projects
    .command('rotate-key')
    .description('issue a new admin or ingest key (printed once); the old key of that kind gets 401 from now on')
    .requiredOption('--project <id>', 'project id')
    .requiredOption('--kind <kind>', "'admin' or 'ingest'")
    .option('--json', 'print JSON: { project_id, kind, key, revoked }, as POST /api/v1/projects/:id/keys/:kind/rotate')
    .action((options: KeyOptions) =>
      runCommand(async (config) => {
        const { id, kind } = parseKeyOptions(options);
        const rotated = await withStores(config, 'projects rotate-key', (stores) =>
          rotateKey(stores.postgres.db, id, kind),
        );
        if (options.json) return printJson({ project_id: id, kind, key: rotated.key, revoked: rotated.revoked });
        printLine(
          `New ${kind} key for project ${id}: ${rotated.key}\n` +
            `${rotated.revoked} earlier ${kind} key(s) revoked. Store the key now: it is shown once.`,
        );
      }),
    );

  projects
    .command('revoke-key')
    .description('revoke the admin or ingest key without a replacement (rotate-key issues a new one)')
    .requiredOption('--project <id>', 'project id')
    .requiredOption('--kind <kind>', "'admin' or 'ingest'")
    .option('--json', 'print JSON: { project_id, kind, revoked }')
    .action((options: KeyOptions) =>
      runCommand(async (config) => {
        const { id, kind } = parseKeyOptions(options);
        const revoked = await withStores(config, 'projects revoke-key', (stores) =>
          revokeKey(stores.postgres.db, id, kind),
        );
        if (options.json) return printJson({ project_id: id, kind, revoked });
        printLine(`${revoked} ${kind} key(s) of project ${id} revoked.`);
      }),
    );

  projects
    .command('delete')
    .description('delete a project: its ClickHouse events and mirrors, then its Postgres rows and keys')
    .requiredOption('--project <id>', 'project id')
    .option('--json', 'print JSON: { id, deleted: true }')
    .action((options: { project: string; json?: boolean }) =>
      runCommand(async (config) => {
        const id = parseProjectOption(options.project);
        await withStores(config, 'projects delete', (stores) => deleteProject(stores, id));
        if (options.json) return printJson({ id, deleted: true });
        printLine(`Deleted project ${id}.`);
      }),
    );
}

interface KeyOptions {
  project: string;
  kind: string;
  json?: boolean;
}

function parseKeyOptions(options: KeyOptions) {
  return parseFlags(KeyParams, { id: options.project, kind: options.kind }, { id: '--project', kind: '--kind' });
}
