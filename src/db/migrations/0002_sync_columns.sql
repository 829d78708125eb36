CREATE SEQUENCE "public"."sync_sequence" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "sync_tombstones" (
	"sync_sequence_id" bigint PRIMARY KEY NOT NULL,
	"table_name" text NOT NULL,
	"project_id" uuid NOT NULL,
	"branch_id" text NOT NULL,
	"row_key" jsonb NOT NULL,
	"old_row" jsonb NOT NULL,
	"deleted_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_channels" ADD COLUMN "sync_sequence_id" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_channels" ADD COLUMN "sync_changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sync_sequence_id" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sync_changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "sync_sequence_id" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "sync_changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "sync_sequence_id" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "sync_changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_tombstones" ADD CONSTRAINT "sync_tombstones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_tombstones_table_seq_idx" ON "sync_tombstones" USING btree ("table_name","sync_sequence_id");--> statement-breakpoint
CREATE INDEX "sync_tombstones_project_idx" ON "sync_tombstones" USING btree ("project_id","table_name","sync_sequence_id");--> statement-breakpoint
CREATE INDEX "contact_channels_sync_seq_idx" ON "contact_channels" USING btree ("sync_sequence_id");--> statement-breakpoint
CREATE INDEX "users_sync_seq_idx" ON "users" USING btree ("sync_sequence_id");--> statement-breakpoint
CREATE INDEX "team_members_sync_seq_idx" ON "team_members" USING btree ("sync_sequence_id");--> statement-breakpoint
CREATE INDEX "teams_sync_seq_idx" ON "teams" USING btree ("sync_sequence_id");