-- Tombstone pruning (src/sync/tombstone-pruner.ts): the sync pass deletes tombstones its mappings have
-- mirrored. sync_stamp used sync_tombstones to decide whether a row the reseed re-inserts may keep id 0:
-- a seeded key that was deleted is in the mirror as a tombstone with a real id, which a row with id 0 can
-- never outrank. Once pruned, that tombstone is gone, so the pruner records the (project, table) pairs it
-- pruned in, and a reseed insert in such a pair takes a real id: the worker re-sends that row (cheap, and
-- only for rows the reseed actually inserts; rows it updates keep the UPDATE rule below).
CREATE TABLE "sync_pruned_tombstones" (
	"project_id" uuid NOT NULL,
	"table_name" text NOT NULL,
	CONSTRAINT "sync_pruned_tombstones_project_id_table_name_pk" PRIMARY KEY("project_id","table_name")
);
--> statement-breakpoint
ALTER TABLE "sync_pruned_tombstones" ADD CONSTRAINT "sync_pruned_tombstones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint

-- As in 0003_sync_capture, except the seeding INSERT check. It is ONE expression, so one snapshot: a
-- concurrent prune (one statement: delete the tombstone, record the pair) is seen before or after, never
-- half-way, and either way the row takes a real id.
CREATE OR REPLACE FUNCTION sync_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seeded boolean := false;
BEGIN
  IF sync_is_seeding() THEN
    IF TG_OP = 'INSERT' THEN
      -- A seeded row whose key was deleted (and synced as a tombstone) must outrank that tombstone.
      seeded := NOT EXISTS (
        SELECT 1 FROM sync_pruned_tombstones p
        WHERE p.project_id = NEW.project_id AND p.table_name = TG_TABLE_NAME)
        AND NOT EXISTS (
        SELECT 1 FROM sync_tombstones t
        WHERE t.project_id = NEW.project_id AND t.table_name = TG_TABLE_NAME AND t.branch_id = NEW.branch_id
          AND t.row_key = (SELECT jsonb_object_agg(k, to_jsonb(NEW) -> k) FROM unnest(TG_ARGV) AS k));
    ELSE
      -- A reseed overwriting a row a real change already synced needs a real id, or the mirror keeps the old version.
      seeded := OLD.sync_sequence_id = 0;
    END IF;
  END IF;
  NEW.sync_sequence_id := CASE WHEN seeded THEN 0 ELSE sync_next_id() END;
  NEW.sync_changed_at := clock_timestamp();
  RETURN NEW;
END
$$;
