// What a failed write leaves in a log line: the chain of what failed, never the values it carried. The
// Postgres side is checked through HTTP in src/http/error-log.test.ts; here ClickHouse's own error text.
import { describe, expect, it } from 'vitest';
import { AnalyticsError } from './analytics/store.js';
import { serializeError, withoutValues, type LoggedError } from './log-errors.js';
import { useMigratedChdb } from './test/migrated-chdb.js';

const analytics = useMigratedChdb('pulse-log-errors-');
const EMAIL = 'private.person@example.com';

describe('serializeError', () => {
  it("keeps ClickHouse's error code and reason but not the row it could not parse", async () => {
    const failed = await analytics()
      .insert('analytics_internal.users', [{ project_id: 'p', id: crypto.randomUUID(), is_anonymous: EMAIL }])
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failed).toBeInstanceOf(AnalyticsError);
    expect((failed as Error).message).toContain(EMAIL);
    const logged = serializeError(failed) as LoggedError;
    expect(JSON.stringify(logged)).not.toContain(EMAIL);
    expect(logged.message).toMatch(/^ClickHouse insert into analytics_internal.users failed: .*Code: 27\./);
  });

  it("empties the quoted values of a wrapped ClickHouse error's cause too", () => {
    const cause = new Error(`Cannot parse string '${EMAIL}' as UInt8`);
    const logged = serializeError(new AnalyticsError('command', cause)) as LoggedError;
    expect(JSON.stringify(logged)).not.toContain(EMAIL);
    expect(logged.stack).toContain("Cannot parse string '…' as UInt8");
  });

  it('drops the parameters Drizzle appends, and leaves other messages as they are', () => {
    expect(withoutValues(`Failed query: insert into "users" values ($1)\nparams: ${EMAIL}`)).toBe(
      'Failed query: insert into "users" values ($1)',
    );
    expect(withoutValues("project 'x' not found")).toBe("project 'x' not found");
  });
});
