// Sync bookkeeping (docs/product.md §5). The columns and the tombstone table are written only by the
// triggers of migration 0003_sync_capture; application code never sets them. The one exception is the
// sync's tombstone pruning (src/db/prune-tombstones.ts), which deletes mirrored tombstones.
import { bigint, index, jsonb, pgSequence, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';
import { projects } from './projects.js';

/** The one global sequence every captured change draws from. CACHE 1 keeps ids in draw order across sessions. */
export const syncSequence = pgSequence('sync_sequence', { startWith: 1, cache: 1 });

/**
 * Columns of every mirrored table. The defaults exist only so inserts type-check without them: the
 * BEFORE trigger overwrites both on every insert and update (0 = seeded, see markSeedingTransaction).
 */
export const syncColumns = () => ({
  syncSequenceId: bigint('sync_sequence_id', { mode: 'number' }).notNull().default(0),
  syncChangedAt: instant('sync_changed_at').notNull().defaultNow(),
});

export const SYNCED_TABLES = ['users', 'contact_channels', 'teams', 'team_members'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** One row per deleted mirrored row: what the worker turns into a sync_is_deleted = 1 mirror row. */
export const syncTombstones = pgTable(
  'sync_tombstones',
  {
    syncSequenceId: bigint('sync_sequence_id', { mode: 'number' }).primaryKey(),
    tableName: text('table_name', { enum: SYNCED_TABLES }).notNull(),
    // Cascades with the project: pruning a project removes its mirrors in ClickHouse directly.
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    branchId: text('branch_id').notNull(),
    rowKey: jsonb('row_key').notNull(),
    oldRow: jsonb('old_row').notNull(),
    deletedAt: instant('deleted_at').notNull().defaultNow(),
  },
  (t) => [
    index('sync_tombstones_table_seq_idx').on(t.tableName, t.syncSequenceId),
    index('sync_tombstones_project_idx').on(t.projectId, t.tableName, t.syncSequenceId),
  ],
);

/**
 * Where synced tombstones were pruned (src/sync/tombstone-pruner.ts): one row per project and table. A
 * reseed can no longer tell from sync_tombstones whether the mirror holds a key as deleted there, so
 * sync_stamp gives the rows it re-inserts in such a pair a real id (migration 0005_tombstone_pruning).
 */
export const syncPrunedTombstones = pgTable(
  'sync_pruned_tombstones',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    tableName: text('table_name', { enum: SYNCED_TABLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.tableName] })],
);
