-- Change capture for the Postgres → ClickHouse sync (PRODUCT.md §5), in ONE place: these triggers.
-- No handler has to remember anything: every insert/update of users, contact_channels, teams and
-- team_members is stamped with a fresh id of the global sync_sequence, and every delete leaves a
-- tombstone. Rows that existed before this migration keep sync_sequence_id = 0: they were written by
-- the preview seeder, which mirrored them itself.

-- :TRICKY: the transaction id is taken BEFORE the sequence id. The worker's horizon (sync_horizon below
-- and src/sync/horizon.ts) relies on it: a transaction holding sequence id v had its xid before v was drawn.
CREATE FUNCTION sync_next_id() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_current_xact_id();
  RETURN nextval('sync_sequence');
END
$$;
--> statement-breakpoint

-- The preview seeder marks its transaction (markSeedingTransaction, src/db/seeding.ts): the rows it writes
-- are mirrored by the seeder itself with sequence 0, so the worker must not send them again.
CREATE FUNCTION sync_is_seeding() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('pulse.seeding', true), '') = 'on'
$$;
--> statement-breakpoint

-- BEFORE INSERT OR UPDATE. TG_ARGV = the key columns after (project_id, branch_id).
CREATE FUNCTION sync_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seeded boolean := false;
BEGIN
  IF sync_is_seeding() THEN
    IF TG_OP = 'INSERT' THEN
      -- A seeded row whose key was deleted (and synced as a tombstone) must outrank that tombstone.
      seeded := NOT EXISTS (
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
--> statement-breakpoint

-- AFTER DELETE: the old row, its key and a fresh sequence id.
CREATE FUNCTION sync_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb := to_jsonb(OLD);
BEGIN
  -- Rows deleted with their project (preview expiry cascades) need none: whoever deletes a project deletes
  -- its ClickHouse rows, and a tombstone could not reference the vanished project anyway.
  IF NOT EXISTS (SELECT 1 FROM projects WHERE id = OLD.project_id) THEN
    RETURN NULL;
  END IF;
  INSERT INTO sync_tombstones (sync_sequence_id, table_name, project_id, branch_id, row_key, old_row, deleted_at)
  VALUES (sync_next_id(), TG_TABLE_NAME, OLD.project_id, OLD.branch_id,
          (SELECT jsonb_object_agg(k, old_row -> k) FROM unnest(TG_ARGV) AS k), old_row, clock_timestamp());
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- The users mirror carries primary_email(_verified) from contact_channels: a change to a primary EMAIL
-- channel re-stamps its user (a no-op UPDATE fires sync_stamp), so the worker re-sends the user row.
CREATE FUNCTION sync_touch_channel_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The seeder mirrors users with their primary emails itself.
  IF sync_is_seeding() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.type, OLD.is_primary, OLD.value, OLD.is_verified, OLD.user_id)
      IS NOT DISTINCT FROM (NEW.type, NEW.is_primary, NEW.value, NEW.is_verified, NEW.user_id) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    IF OLD.type = 'EMAIL' AND OLD.is_primary THEN
      UPDATE users SET sync_sequence_id = sync_sequence_id
      WHERE project_id = OLD.project_id AND branch_id = OLD.branch_id AND id = OLD.user_id;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW.type = 'EMAIL' AND NEW.is_primary THEN
      UPDATE users SET sync_sequence_id = sync_sequence_id
      WHERE project_id = NEW.project_id AND branch_id = NEW.branch_id AND id = NEW.user_id;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- What the worker may sync up to, race-free (see src/sync/horizon.ts). Reads the sequence FIRST, then
-- takes a transaction id of its own: every transaction that drew an id <= sequence_id got its xid
-- before xact_id, so once the oldest running xid is above xact_id, all of them have finished.
CREATE FUNCTION sync_horizon(OUT sequence_id bigint, OUT xact_id xid8) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO sequence_id FROM sync_sequence;
  xact_id := pg_current_xact_id();
END
$$;
--> statement-breakpoint

CREATE TRIGGER sync_stamp BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION sync_stamp('id');
--> statement-breakpoint
CREATE TRIGGER sync_stamp BEFORE INSERT OR UPDATE ON contact_channels FOR EACH ROW EXECUTE FUNCTION sync_stamp('id');
--> statement-breakpoint
CREATE TRIGGER sync_stamp BEFORE INSERT OR UPDATE ON teams FOR EACH ROW EXECUTE FUNCTION sync_stamp('id');
--> statement-breakpoint
CREATE TRIGGER sync_stamp BEFORE INSERT OR UPDATE ON team_members FOR EACH ROW EXECUTE FUNCTION sync_stamp('team_id', 'user_id');
--> statement-breakpoint
CREATE TRIGGER sync_tombstone AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION sync_tombstone('id');
--> statement-breakpoint
CREATE TRIGGER sync_tombstone AFTER DELETE ON contact_channels FOR EACH ROW EXECUTE FUNCTION sync_tombstone('id');
--> statement-breakpoint
CREATE TRIGGER sync_tombstone AFTER DELETE ON teams FOR EACH ROW EXECUTE FUNCTION sync_tombstone('id');
--> statement-breakpoint
CREATE TRIGGER sync_tombstone AFTER DELETE ON team_members FOR EACH ROW EXECUTE FUNCTION sync_tombstone('team_id', 'user_id');
--> statement-breakpoint
CREATE TRIGGER sync_primary_email AFTER INSERT OR UPDATE OR DELETE ON contact_channels FOR EACH ROW EXECUTE FUNCTION sync_touch_channel_user();
