CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_keys_hash_unique" UNIQUE("hash"),
	CONSTRAINT "api_keys_kind_check" CHECK ("api_keys"."kind" IN ('admin', 'ingest'))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"is_preview" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "auth_methods" (
	"project_id" uuid NOT NULL,
	"branch_id" text DEFAULT 'main' NOT NULL,
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"oauth_provider" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_methods_kind_check" CHECK ("auth_methods"."kind" IN ('password', 'otp', 'passkey', 'oauth')),
	CONSTRAINT "auth_methods_oauth_provider_check" CHECK (("auth_methods"."kind" = 'oauth') = ("auth_methods"."oauth_provider" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "contact_channels" (
	"project_id" uuid NOT NULL,
	"branch_id" text DEFAULT 'main' NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"is_verified" boolean DEFAULT false NOT NULL,
	"used_for_auth" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_channels_project_id_branch_id_id_pk" PRIMARY KEY("project_id","branch_id","id"),
	CONSTRAINT "contact_channels_type_check" CHECK ("contact_channels"."type" IN ('EMAIL', 'PHONE'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"project_id" uuid NOT NULL,
	"branch_id" text DEFAULT 'main' NOT NULL,
	"id" uuid NOT NULL,
	"display_name" text,
	"profile_image_url" text,
	"is_anonymous" boolean DEFAULT false NOT NULL,
	"signed_up_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_active_at" timestamp (3) with time zone,
	"client_metadata" jsonb,
	"client_read_only_metadata" jsonb,
	"server_metadata" jsonb,
	"restricted_by_admin" boolean DEFAULT false NOT NULL,
	"restricted_by_admin_reason" text,
	"restricted_by_admin_private_details" text,
	CONSTRAINT "users_project_id_branch_id_id_pk" PRIMARY KEY("project_id","branch_id","id")
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"project_id" uuid NOT NULL,
	"branch_id" text DEFAULT 'main' NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"display_name" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_project_id_branch_id_team_id_user_id_pk" PRIMARY KEY("project_id","branch_id","team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"project_id" uuid NOT NULL,
	"branch_id" text DEFAULT 'main' NOT NULL,
	"id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"profile_image_url" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"client_metadata" jsonb,
	"client_read_only_metadata" jsonb,
	"server_metadata" jsonb,
	CONSTRAINT "teams_project_id_branch_id_id_pk" PRIMARY KEY("project_id","branch_id","id")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"project_id" uuid NOT NULL,
	"branch_id" text DEFAULT 'main' NOT NULL,
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp (3) with time zone,
	"delivered_at" timestamp (3) with time zone,
	"bounced_at" timestamp (3) with time zone,
	"clicked_at" timestamp (3) with time zone,
	CONSTRAINT "email_outbox_status_check" CHECK ("email_outbox"."status" IN ('ok', 'error', 'in_progress'))
);
--> statement-breakpoint
CREATE TABLE "session_replays" (
	"project_id" uuid NOT NULL,
	"branch_id" text DEFAULT 'main' NOT NULL,
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"refresh_token_id" uuid NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"last_event_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "session_replays_order_check" CHECK ("session_replays"."last_event_at" >= "session_replays"."started_at")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"project_id" uuid NOT NULL,
	"branch_id" text DEFAULT 'main' NOT NULL,
	"id" uuid PRIMARY KEY NOT NULL,
	"subscription_id" uuid NOT NULL,
	"status" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_status_check" CHECK ("invoices"."status" IN ('paid', 'succeeded', 'open', 'void')),
	CONSTRAINT "invoices_amount_check" CHECK ("invoices"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "one_time_purchases" (
	"project_id" uuid NOT NULL,
	"branch_id" text DEFAULT 'main' NOT NULL,
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_type" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"product_id" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_time_purchases_customer_type_check" CHECK ("one_time_purchases"."customer_type" IN ('user', 'team')),
	CONSTRAINT "one_time_purchases_quantity_check" CHECK ("one_time_purchases"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"project_id" uuid NOT NULL,
	"branch_id" text DEFAULT 'main' NOT NULL,
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_type" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"product_id" text NOT NULL,
	"status" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"current_period_start" timestamp (3) with time zone NOT NULL,
	"current_period_end" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_customer_type_check" CHECK ("subscriptions"."customer_type" IN ('user', 'team')),
	CONSTRAINT "subscriptions_status_check" CHECK ("subscriptions"."status" IN ('active', 'trialing', 'paused', 'canceled')),
	CONSTRAINT "subscriptions_quantity_check" CHECK ("subscriptions"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_methods" ADD CONSTRAINT "auth_methods_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_methods" ADD CONSTRAINT "auth_methods_project_id_branch_id_user_id_users_project_id_branch_id_id_fk" FOREIGN KEY ("project_id","branch_id","user_id") REFERENCES "public"."users"("project_id","branch_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_channels" ADD CONSTRAINT "contact_channels_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_channels" ADD CONSTRAINT "contact_channels_project_id_branch_id_user_id_users_project_id_branch_id_id_fk" FOREIGN KEY ("project_id","branch_id","user_id") REFERENCES "public"."users"("project_id","branch_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_project_id_branch_id_team_id_teams_project_id_branch_id_id_fk" FOREIGN KEY ("project_id","branch_id","team_id") REFERENCES "public"."teams"("project_id","branch_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_project_id_branch_id_user_id_users_project_id_branch_id_id_fk" FOREIGN KEY ("project_id","branch_id","user_id") REFERENCES "public"."users"("project_id","branch_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_replays" ADD CONSTRAINT "session_replays_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_purchases" ADD CONSTRAINT "one_time_purchases_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_project_idx" ON "api_keys" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "projects_expires_at_idx" ON "projects" USING btree ("expires_at") WHERE "projects"."expires_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "auth_methods_project_idx" ON "auth_methods" USING btree ("project_id","branch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_channels_one_primary_idx" ON "contact_channels" USING btree ("project_id","branch_id","user_id","type") WHERE "contact_channels"."is_primary";--> statement-breakpoint
CREATE UNIQUE INDEX "contact_channels_auth_value_idx" ON "contact_channels" USING btree ("project_id","branch_id","type","value") WHERE "contact_channels"."used_for_auth";--> statement-breakpoint
CREATE INDEX "email_outbox_project_created_idx" ON "email_outbox" USING btree ("project_id","branch_id","created_at");--> statement-breakpoint
CREATE INDEX "session_replays_project_started_idx" ON "session_replays" USING btree ("project_id","branch_id","started_at");--> statement-breakpoint
CREATE INDEX "invoices_project_created_idx" ON "invoices" USING btree ("project_id","branch_id","created_at");--> statement-breakpoint
CREATE INDEX "one_time_purchases_project_created_idx" ON "one_time_purchases" USING btree ("project_id","branch_id","created_at");--> statement-breakpoint
CREATE INDEX "subscriptions_project_idx" ON "subscriptions" USING btree ("project_id","branch_id");