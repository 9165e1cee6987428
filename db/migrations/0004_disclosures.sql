CREATE TABLE `disclosure_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`disclosure_id` integer NOT NULL,
	`body` text NOT NULL,
	`author_name` text NOT NULL,
	`author_phone` text NOT NULL,
	`show_name` integer NOT NULL,
	`hidden_at` text,
	`hidden_reason` text,
	`reply` text,
	`reply_by` integer,
	`replied_at` text,
	`idempotency_key` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`disclosure_id`) REFERENCES `disclosures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `disclosure_comments_idx` ON `disclosure_comments` (`disclosure_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `disclosure_comments_idem_uq` ON `disclosure_comments` (`idempotency_key`);--> statement-breakpoint
CREATE TABLE `disclosure_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`disclosure_id` integer NOT NULL,
	`display_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`disclosure_id`) REFERENCES `disclosures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `disclosure_documents_idx` ON `disclosure_documents` (`disclosure_id`);--> statement-breakpoint
CREATE TABLE `disclosure_types` (
	`code` text PRIMARY KEY NOT NULL,
	`min_posting_days` integer NOT NULL,
	`consultation` integer NOT NULL,
	`source` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `disclosures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`type_code` text NOT NULL,
	`commune_id` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`key_figures` text NOT NULL,
	`status` text NOT NULL,
	`status_reason` text,
	`posting_from` text,
	`posting_to` text,
	`consultation_from` text,
	`consultation_to` text,
	`consultation_summary` text,
	`version` integer DEFAULT 1 NOT NULL,
	`previous_id` integer,
	`created_by` integer NOT NULL,
	`published_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`type_code`) REFERENCES `disclosure_types`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disclosures_slug_uq` ON `disclosures` (`slug`);--> statement-breakpoint
CREATE INDEX `disclosures_public_idx` ON `disclosures` (`status`,`commune_id`,`published_at`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`commune_id` text,
	`confirm_token_hash` text NOT NULL,
	`unsubscribe_token_hash` text NOT NULL,
	`confirmed_at` text,
	`unsubscribed_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `subscriptions_commune_idx` ON `subscriptions` (`commune_id`,`confirmed_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_confirm_uq` ON `subscriptions` (`confirm_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_unsub_uq` ON `subscriptions` (`unsubscribe_token_hash`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `headers` text;