// `pulse users list|create|delete`: the admin API's /projects/:id/users routes from the command line, on the
// same functions (src/db/users.ts), the same validation (contract/admin.ts) and the same JSON.
import type { Command } from 'commander';
import { CreateUser, PageQuery, UserParams, type User } from '../../../contract/admin.js';
import { createUser, listUsers, removeUser } from '../../db/users.js';
import { toUserJson } from '../../admin/user-json.js';
import { printJson, printLine, printRecord, printTable } from '../output.js';
import { parseFlags, parseProjectOption } from '../parse-flags.js';
import { requireProject, type ListOptions } from '../project-scoped.js';
import { toPage } from '../../admin/page.js';
import { runCommand, UsageError, withStores } from '../run.js';

interface CreateOptions {
  project: string;
  email?: string;
  verified?: boolean;
  name?: string;
  anonymous?: boolean;
  json?: boolean;
}
interface DeleteOptions {
  project: string;
  json?: boolean;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export function usersCommand(program: Command): void {
  const users = program.command('users').description("list, create and delete a project's users");

  users
    .command('list')
    .description('list users in id order, one page at a time')
    .requiredOption('--project <id>', 'project id')
    .option('--limit <n>', 'users per page, 1 to 200', '50')
    .option('--cursor <user-id>', "start after this user (the previous page's next cursor)")
    .option('--json', 'print JSON: { items, next_cursor }, as GET /api/v1/projects/:id/users')
    .action((options: ListOptions) =>
      runCommand(async (config) => {
        const projectId = parseProjectOption(options.project);
        const page = parseFlags(
          PageQuery,
          { limit: options.limit, cursor: options.cursor },
          { limit: '--limit', cursor: '--cursor' },
        );
        const rows = await withStores(config, 'users list', async ({ postgres: { db } }) => {
          await requireProject(db, projectId);
          return listUsers(db, projectId, { after: page.cursor, limit: page.limit + 1 });
        });
        const result = toPage(rows.map(toUserJson), page.limit);
        if (options.json) return printJson(result);
        if (result.items.length === 0)
          return printLine(
            `No users${page.cursor ? ' after that cursor' : ''}. Create one with: pulse users create --project ${projectId} --email …`,
          );
        printTable(
          ['id', 'name', 'primary email', 'verified', 'anonymous', 'signed up'],
          result.items.map((u) => [
            u.id,
            u.display_name ?? '',
            u.primary_email ?? '',
            u.primary_email ? yesNo(u.primary_email_verified) : '',
            yesNo(u.is_anonymous),
            u.signed_up_at,
          ]),
        );
        if (result.next_cursor)
          printLine(`More: pulse users list --project ${projectId} --cursor ${result.next_cursor}`);
      }),
    );

  users
    .command('create')
    .description('create a user; --email also creates its primary auth EMAIL channel')
    .requiredOption('--project <id>', 'project id')
    .option('--email <address>', 'primary email (another user of the project must not sign in with it)')
    .option('--verified', 'mark the primary email verified (needs --email)')
    .option('--name <name>', 'display name')
    .option('--anonymous', 'an anonymous user')
    .option('--json', 'print JSON: the user, as POST /api/v1/projects/:id/users')
    .action((options: CreateOptions) =>
      runCommand(async (config) => {
        const projectId = parseProjectOption(options.project);
        if (options.verified && options.email === undefined) throw new UsageError('--verified needs --email');
        const body = parseFlags(
          CreateUser,
          {
            display_name: options.name,
            primary_email: options.email,
            primary_email_verified: options.verified,
            is_anonymous: options.anonymous,
          },
          {
            display_name: '--name',
            primary_email: '--email',
            primary_email_verified: '--verified',
            is_anonymous: '--anonymous',
          },
        );
        const fields = {
          ...(body.display_name !== undefined && { displayName: body.display_name }),
          ...(body.is_anonymous !== undefined && { isAnonymous: body.is_anonymous }),
        };
        const email =
          body.primary_email === undefined
            ? undefined
            : { value: body.primary_email, isVerified: body.primary_email_verified ?? false };
        const user = await withStores(config, 'users create', async ({ postgres: { db } }) => {
          await requireProject(db, projectId);
          return toUserJson(await createUser(db, projectId, fields, email));
        });
        if (options.json) return printJson(user);
        printLine(`Created user ${user.id}`);
        printRecord(userRecord(user));
      }),
    );

  users
    .command('delete')
    .description('delete a user with its contact channels and team memberships')
    .argument('<user-id>', 'the user to delete')
    .requiredOption('--project <id>', 'project id')
    .option('--json', 'print JSON: { id, deleted: true }')
    .action((userId: string, options: DeleteOptions) =>
      runCommand(async (config) => {
        const projectId = parseProjectOption(options.project);
        const { user_id: id } = parseFlags(
          UserParams.pick({ user_id: true }),
          { user_id: userId },
          { user_id: '<user-id>' },
        );
        const deleted = await withStores(config, 'users delete', async ({ postgres: { db } }) => {
          await requireProject(db, projectId);
          return removeUser(db, projectId, id);
        });
        if (!deleted) throw new Error(`User ${id} not found in project ${projectId}`);
        if (options.json) return printJson({ id, deleted: true });
        printLine(`Deleted user ${id}`);
      }),
    );
}

function userRecord(u: User): [string, string][] {
  return [
    ['id', u.id],
    ['name', u.display_name ?? ''],
    ['primary email', u.primary_email ?? ''],
    ['verified', u.primary_email ? yesNo(u.primary_email_verified) : ''],
    ['anonymous', yesNo(u.is_anonymous)],
    ['signed up', u.signed_up_at],
  ];
}
