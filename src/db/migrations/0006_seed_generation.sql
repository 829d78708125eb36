-- The `seeded` value of a project's current demo events in ClickHouse (1 for every project so far). A
-- reseed writes its events under the next value and commits this column to switch (src/preview/reseed-project.ts).
ALTER TABLE "projects" ADD COLUMN "seed_generation" smallint DEFAULT 1 NOT NULL;
