CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`event_id` integer,
	`display_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`latitude` real,
	`longitude` real,
	`uploaded_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `case_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_case_idx` ON `attachments` (`case_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`ip` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_user_idx` ON `audit_log` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `case_contacts` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`full_name` text NOT NULL,
	`phone` text NOT NULL,
	`phone_digits` text NOT NULL,
	`email` text,
	`address` text NOT NULL,
	`id_number` text,
	`details` text NOT NULL,
	`confidential` integer NOT NULL,
	`data_consent_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`type` text NOT NULL,
	`visibility` text NOT NULL,
	`actor` text NOT NULL,
	`actor_user_id` integer,
	`body` text,
	`meta` text,
	`idempotency_key` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `case_events_idem_uq` ON `case_events` (`idempotency_key`);--> statement-breakpoint
CREATE TABLE `case_kinds` (
	`code` text PRIMARY KEY NOT NULL,
	`confidential_identity` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `case_ratings` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`score` integer NOT NULL,
	`comment` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kind_code` text NOT NULL,
	`category_code` text NOT NULL,
	`commune_id` text NOT NULL,
	`location_commune_id` text,
	`location_scope` text NOT NULL,
	`hamlet_id` integer,
	`place` text NOT NULL,
	`latitude` real,
	`longitude` real,
	`project_level` text,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`requested_outcome` text NOT NULL,
	`status` text NOT NULL,
	`status_before_info_request` text,
	`routing_reason` text NOT NULL,
	`publish_consent` integer NOT NULL,
	`search_text` text NOT NULL,
	`language` text DEFAULT 'vi' NOT NULL,
	`received_at` text NOT NULL,
	`accept_due_on` text NOT NULL,
	`due_on` text NOT NULL,
	`stage` text NOT NULL,
	`stage_started_on` text NOT NULL,
	`complex` integer DEFAULT false NOT NULL,
	`extension_days` integer DEFAULT 0 NOT NULL,
	`paused_since` text,
	`pauses` text DEFAULT '[]' NOT NULL,
	`assignee_user_id` integer,
	`answered_at` text,
	`closed_at` text,
	`idempotency_key` text NOT NULL,
	`receipt_token_hash` text NOT NULL,
	`access_key_hash` text NOT NULL,
	`access_key_encrypted` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`kind_code`) REFERENCES `case_kinds`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_code`) REFERENCES `categories`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hamlet_id`) REFERENCES `hamlets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_code_uq` ON `cases` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_idempotency_uq` ON `cases` (`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_receipt_token_uq` ON `cases` (`receipt_token_hash`);--> statement-breakpoint
CREATE INDEX `cases_commune_status_idx` ON `cases` (`commune_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `cases_due_idx` ON `cases` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `cases_assignee_idx` ON `cases` (`assignee_user_id`);--> statement-breakpoint
CREATE INDEX `cases_received_idx` ON `cases` (`received_at`);--> statement-breakpoint
CREATE TABLE `categories` (
	`code` text PRIMARY KEY NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `communes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_id` text,
	`valid_from` text,
	`valid_to` text,
	`successor_id` text,
	`remote_area` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `communes_level_idx` ON `communes` (`level`,`sort_order`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `deadline_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind_code` text NOT NULL,
	`stage` text NOT NULL,
	`category_code` text,
	`length` integer NOT NULL,
	`unit` text NOT NULL,
	`start_event` text NOT NULL,
	`pauses_on_info_request` integer DEFAULT true NOT NULL,
	`extension_allowed` integer DEFAULT false NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deadline_rules_kind_stage_idx` ON `deadline_rules` (`kind_code`,`stage`);--> statement-breakpoint
CREATE TABLE `hamlets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commune_id` text NOT NULL,
	`name` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hamlets_commune_name_uq` ON `hamlets` (`commune_id`,`name`);--> statement-breakpoint
CREATE TABLE `kind_field_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind_code` text NOT NULL,
	`field` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`source` text,
	FOREIGN KEY (`kind_code`) REFERENCES `case_kinds`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `kind_field_rules_kind_idx` ON `kind_field_rules` (`kind_code`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`html_body` text,
	`case_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `password_resets` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `password_resets_user_idx` ON `password_resets` (`user_id`);--> statement-breakpoint
CREATE TABLE `response_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_code` text,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`category_code`) REFERENCES `categories`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `response_templates_category_idx` ON `response_templates` (`category_code`);--> statement-breakpoint
CREATE TABLE `routing_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`priority` integer NOT NULL,
	`category_code` text,
	`project_level` text,
	`location_scope` text,
	`route_to` text NOT NULL,
	`reason` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`pending_second_factor` integer DEFAULT false NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`commune_id` text NOT NULL,
	`password_hash` text NOT NULL,
	`totp_secret` text,
	`totp_enabled_at` text,
	`last_totp_step` integer,
	`failed_sign_ins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`disabled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_commune_idx` ON `users` (`commune_id`,`role`);