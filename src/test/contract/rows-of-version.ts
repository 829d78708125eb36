// The rows Pulse writes, as the schema after the first `count` migrations allows them: every table, the
// columns each migration added, and what its triggers do (sync stamps, tombstones, fresh seeding).
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashApiKey, generateApiKey } from '../../projects/api-key.js';
import type { Db } from '../../db/store.js';

export interface WrittenRows {
  projectId: string;
  adminKeyHash: string;
  userId: string;
  teamId: string;
}

const id = () => crypto.randomUUID();

/** One project with a row in every table the version has; returns the ids the checks need. */
export async function writeRowsOfVersion(db: Db, count: number): Promise<WrittenRows> {
  const p = id();
  const adminKeyHash = hashApiKey(generateApiKey('admin'));
  if (count >= 2) {
    await db.execute(sql`INSERT INTO projects (id, display_name, is_preview, created_at, expires_at, preview_params)
      VALUES (${p}, 'Café ✓', true, '2026-01-02T03:04:05.678Z', '2999-01-01T00:00:00Z',
              ${JSON.stringify({ size: 'tiny', seed: 'upgrade', users: 7 })}::jsonb)`);
  } else {
    await db.execute(sql`INSERT INTO projects (id, display_name, is_preview, created_at, expires_at)
      VALUES (${p}, 'Café ✓', true, '2026-01-02T03:04:05.678Z', '2999-01-01T00:00:00Z')`);
  }
  await db.execute(sql`INSERT INTO api_keys (id, project_id, kind, hash) VALUES
    (${id()}, ${p}, 'admin', ${adminKeyHash}),
    (${id()}, ${p}, 'ingest', ${hashApiKey(generateApiKey('ingest'))})`);

  const [user, gone, team, sub] = [id(), id(), id(), id()];
  await db.execute(sql`INSERT INTO users (project_id, id, display_name, profile_image_url, is_anonymous, signed_up_at,
      last_active_at, client_metadata, server_metadata, restricted_by_admin, restricted_by_admin_reason)
    VALUES (${p}, ${user}, 'Ada', 'https://example.com/a.png', false, '2025-12-31T23:59:59.999Z', now(),
            ${JSON.stringify({ theme: 'dark', nested: { list: [1, 'two', null] } })}::jsonb, '{}'::jsonb, true, 'spam'),
           (${p}, ${gone}, NULL, NULL, true, now(), NULL, NULL, NULL, false, NULL)`);
  await db.execute(sql`INSERT INTO contact_channels (project_id, id, user_id, type, value, is_primary, is_verified, used_for_auth)
    VALUES (${p}, ${id()}, ${user}, 'EMAIL', 'ada@example.com', true, true, true),
           (${p}, ${id()}, ${user}, 'PHONE', '+15550100', false, false, false)`);
  await db.execute(sql`INSERT INTO auth_methods (project_id, id, user_id, kind, oauth_provider)
    VALUES (${p}, ${id()}, ${user}, 'oauth', 'github'), (${p}, ${id()}, ${user}, 'password', NULL)`);
  await db.execute(
    sql`INSERT INTO teams (project_id, id, display_name, client_metadata) VALUES (${p}, ${team}, 'Core', '[1,2]'::jsonb)`,
  );
  await db.execute(sql`INSERT INTO team_members (project_id, team_id, user_id, display_name)
    VALUES (${p}, ${team}, ${user}, 'Owner'), (${p}, ${team}, ${gone}, NULL)`);
  await db.execute(sql`INSERT INTO email_outbox (project_id, id, user_id, to_address, subject, status, sent_at, bounced_at)
    VALUES (${p}, ${id()}, ${user}, 'ada@example.com', 'Welcome', 'error', now(), now())`);
  await db.execute(sql`INSERT INTO session_replays (project_id, id, user_id, refresh_token_id, started_at, last_event_at)
    VALUES (${p}, ${id()}, ${user}, ${id()}, '2026-01-01T00:00:00Z', '2026-01-01T00:10:00Z')`);
  await db.execute(sql`INSERT INTO subscriptions (project_id, id, customer_type, customer_id, product_id, status, quantity,
      current_period_start, current_period_end)
    VALUES (${p}, ${sub}, 'team', ${team}, 'pro', 'trialing', 3, '2026-01-01T00:00:00Z', '2026-01-31T00:00:00Z')`);
  await db.execute(sql`INSERT INTO invoices (project_id, id, subscription_id, status, amount_cents)
    VALUES (${p}, ${id()}, ${sub}, 'paid', 4200)`);
  await db.execute(sql`INSERT INTO one_time_purchases (project_id, id, customer_type, customer_id, product_id, quantity)
    VALUES (${p}, ${id()}, 'user', ${user}, 'credits', 2)`);

  // From 0003 on, deletes leave tombstones (before it, the row is simply gone).
  await db.execute(sql`DELETE FROM team_members WHERE user_id = ${gone}`);
  await db.execute(sql`DELETE FROM users WHERE id = ${gone}`);
  if (count >= 5) {
    // 0004: a fresh preview's rows are written without the sync triggers and keep sequence 0.
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('pulse.seeding', 'fresh', true)`);
      await tx.execute(sql`INSERT INTO users (project_id, id, display_name) VALUES (${p}, ${id()}, 'Seeded')`);
    });
  }
  if (count >= 6) {
    await db.execute(sql`INSERT INTO sync_pruned_tombstones (project_id, table_name) VALUES (${p}, 'users')`);
  }
  return { projectId: p, adminKeyHash, userId: user, teamId: team };
}
