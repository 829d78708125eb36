// A write that fails inside Postgres is logged for the operator (its request id, what failed), but never
// with the values it carried: no email, name or metadata in the log line (Drizzle puts them in `params`).
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { createProject } from '../projects/create-project.js';
import { openTestApp, type TestApp } from '../test/test-app.js';

const lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  t = await openTestApp({ logger: createLogger('info', { pretty: false, destination }) });
  // A real failure on the statement that carries the email: the insert of the primary channel.
  await t.postgres.db.execute(sql`
    CREATE FUNCTION refuse_channel() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'channel writes refused by the test'; END $$
  `);
  await t.postgres.db.execute(sql`
    CREATE TRIGGER refuse_channel BEFORE INSERT ON contact_channels FOR EACH ROW EXECUTE FUNCTION refuse_channel();
  `);
});
afterAll(() => t?.close());

it('logs a failed write with its request id and cause, without the email, name or metadata it carried', async () => {
  const { project, adminKey } = await createProject(t.postgres.db, { displayName: 'Logs' });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/projects/${project.id}/users`,
    headers: { authorization: `Bearer ${adminKey}` },
    payload: {
      display_name: 'Secret Name',
      primary_email: 'private.person@example.com',
      server_metadata: { ssn: '078-05-1120' },
    },
  });
  expect(res.statusCode).toBe(500);
  const requestId = res.json().error.details.request_id as string;
  const logged = lines.filter((line) => line.includes(`"reqId":"${requestId}"`) && line.includes('"err"'));
  expect(logged).toHaveLength(1);
  for (const line of lines) {
    expect(line).not.toContain('private.person@example.com');
    expect(line).not.toContain('Secret Name');
    expect(line).not.toContain('078-05-1120');
  }
  const { err } = JSON.parse(logged[0]!) as { err: { message: string; stack: string; code?: string } };
  expect(err.message).toContain('channel writes refused by the test');
  expect(err.message).toContain('insert into "contact_channels"');
  expect(err.code).toBe('P0001');
});
