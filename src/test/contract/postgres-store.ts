// The contract every Postgres driver must meet: same schema, same migrations, same behaviour.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectRow, findKeyOwner, getProject, listProjects } from '../../db/projects.js';
import { apiKeys, contactChannels, projects, users } from '../../db/schema/index.js';
import { MIGRATIONS_FOLDER, selectRows, toCount, type PostgresStore } from '../../db/store.js';
import { createProject } from '../../projects/create-project.js';
import { hashApiKey } from '../../projects/api-key.js';
import type { OpenedPostgres } from '../targets.js';

const TABLES = [
  'api_keys',
  'auth_methods',
  'contact_channels',
  'email_outbox',
  'invoices',
  'one_time_purchases',
  'projects',
  'session_replays',
  'subscriptions',
  'sync_pruned_tombstones',
  'sync_tombstones',
  'team_members',
  'teams',
  'users',
];

export function postgresStoreContract(name: string, open: () => Promise<OpenedPostgres>, skip?: string): void {
  describe.skipIf(skip)(`Postgres store contract: ${name}`, () => {
    let opened: OpenedPostgres;
    let store: PostgresStore;
    beforeAll(async () => {
      opened = await open();
      store = opened.store;
      await store.migrate();
    });
    afterAll(() => opened?.dispose());

    it('creates every table of the product spec, and a second migrate is a no-op', async () => {
      await store.migrate();
      const rows = await selectRows<{ table_name: string }>(
        store.db,
        sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );
      expect(rows.map((r) => r.table_name)).toEqual(TABLES);
      const applied = await selectRows<{ n: unknown }>(
        store.db,
        sql`SELECT count(*) AS n FROM drizzle.__drizzle_migrations`,
      );
      const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
        entries: unknown[];
      };
      expect(toCount(applied[0]?.n)).toBe(journal.entries.length);
    });

    it('normalises count(*) to a number', async () => {
      const [row] = await store.db.select({ n: count() }).from(projects);
      expect(typeof toCount(row?.n)).toBe('number');
      const raw = await selectRows<{ n: unknown }>(store.db, sql`SELECT count(*) AS n FROM projects`);
      expect(toCount(raw[0]?.n)).toBe(row?.n);
    });

    it('creates a project with keys that resolve to exactly that project', async () => {
      const created = await createProject(store.db, {
        displayName: 'Contract',
        now: new Date('2026-01-02T03:04:05.678Z'),
      });
      expect(await getProject(store.db, created.project.id)).toMatchObject({
        displayName: 'Contract',
        isPreview: false,
        createdAt: new Date('2026-01-02T03:04:05.678Z'),
        expiresAt: null,
      });
      expect(await findKeyOwner(store.db, hashApiKey(created.adminKey))).toEqual({
        projectId: created.project.id,
        kind: 'admin',
        seedGeneration: 1,
      });
      expect(await findKeyOwner(store.db, hashApiKey(created.ingestKey))).toEqual({
        projectId: created.project.id,
        kind: 'ingest',
        seedGeneration: 1,
      });
      expect(await findKeyOwner(store.db, hashApiKey('pulse_admin_unknown'))).toBeUndefined();
      // Only hashes are stored.
      const stored = await store.db
        .select({ hash: apiKeys.hash })
        .from(apiKeys)
        .where(eq(apiKeys.projectId, created.project.id));
      expect(stored.map((k) => k.hash)).not.toContain(created.adminKey);
      expect((await listProjects(store.db)).map((p) => p.id)).toContain(created.project.id);
    });

    it('does not resolve a revoked key', async () => {
      const created = await createProject(store.db, { displayName: 'Revoked' });
      await store.db
        .update(apiKeys)
        .set({ revokedAt: new Date() })
        .where(eq(apiKeys.hash, hashApiKey(created.adminKey)));
      expect(await findKeyOwner(store.db, hashApiKey(created.adminKey))).toBeUndefined();
    });

    it('writes a project and its keys atomically: a failing key leaves no project behind', async () => {
      const existing = await createProject(store.db, { displayName: 'Existing' });
      const id = crypto.randomUUID();
      const duplicateHash = hashApiKey(existing.adminKey);
      await expect(
        createProjectRow(
          store.db,
          { id, displayName: 'Half', isPreview: false, createdAt: new Date(), expiresAt: null },
          [{ id: crypto.randomUUID(), kind: 'admin', hash: duplicateHash }],
        ),
      ).rejects.toThrow();
      expect(await getProject(store.db, id)).toBeUndefined();
    });

    it('enforces one primary channel per user and type, and unique auth emails per project', async () => {
      const a = (await createProject(store.db, { displayName: 'A' })).project.id;
      const b = (await createProject(store.db, { displayName: 'B' })).project.id;
      const userA = crypto.randomUUID();
      const userB = crypto.randomUUID();
      await store.db.insert(users).values([
        { projectId: a, id: userA },
        { projectId: b, id: userB },
      ]);
      const channel = (projectId: string, userId: string, value: string, extra = {}) => ({
        projectId,
        id: crypto.randomUUID(),
        userId,
        type: 'EMAIL' as const,
        value,
        isPrimary: true,
        usedForAuth: true,
        ...extra,
      });
      await store.db.insert(contactChannels).values(channel(a, userA, 'ann@example.com'));
      await expect(
        store.db.insert(contactChannels).values(channel(a, userA, 'second@example.com', { usedForAuth: false })),
      ).rejects.toThrow();
      await expect(
        store.db.insert(contactChannels).values(channel(a, userA, 'ann@example.com', { isPrimary: false })),
      ).rejects.toThrow();
      // The same address in another project is another user.
      await store.db.insert(contactChannels).values(channel(b, userB, 'ann@example.com'));
    });

    it('deletes a project with everything it owns', async () => {
      const created = await createProject(store.db, { displayName: 'Doomed' });
      const userId = crypto.randomUUID();
      await store.db.insert(users).values({ projectId: created.project.id, id: userId });
      await store.db.delete(projects).where(eq(projects.id, created.project.id));
      expect(await store.db.select().from(users).where(eq(users.projectId, created.project.id))).toEqual([]);
      expect(await findKeyOwner(store.db, hashApiKey(created.adminKey))).toBeUndefined();
    });

    it('answers ping and closes cleanly', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
