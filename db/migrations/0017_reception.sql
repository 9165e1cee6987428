CREATE TABLE `case_groups` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`people` integer NOT NULL,
	`co_filers` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_representatives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`address` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_representatives_case_idx` ON `case_representatives` (`case_id`);--> statement-breakpoint
CREATE TABLE `dialogue_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dialogue_id` integer NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`attended` integer,
	`absence_reason` text,
	`absence_valid` integer,
	FOREIGN KEY (`dialogue_id`) REFERENCES `dialogues`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dialogue_participants_dialogue_idx` ON `dialogue_participants` (`dialogue_id`);--> statement-breakpoint
CREATE TABLE `dialogues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`commune_id` text NOT NULL,
	`starts_at` text NOT NULL,
	`place` text NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`content` text,
	`agreed` text,
	`disputed` text,
	`continues_without_filer` integer DEFAULT false NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`held_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dialogues_case_idx` ON `dialogues` (`case_id`);--> statement-breakpoint
CREATE TABLE `reception_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`session_id` integer NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`email` text,
	`matter` text NOT NULL,
	`people` integer DEFAULT 1 NOT NULL,
	`case_code` text,
	`status` text DEFAULT 'requested' NOT NULL,
	`status_reason` text,
	`reminder_sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`session_id`) REFERENCES `reception_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reception_bookings_code_uq` ON `reception_bookings` (`code`);--> statement-breakpoint
CREATE INDEX `reception_bookings_session_idx` ON `reception_bookings` (`session_id`,`status`);--> statement-breakpoint
CREATE TABLE `reception_duty_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`level` text NOT NULL,
	`receiver_role` text NOT NULL,
	`period` text NOT NULL,
	`min_days` integer NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reception_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commune_id` text NOT NULL,
	`receiver_role` text NOT NULL,
	`receiver_name` text NOT NULL,
	`place` text NOT NULL,
	`mode` text NOT NULL,
	`meeting_url` text,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`capacity` integer NOT NULL,
	`weekday` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`generated_to` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reception_rules_commune_idx` ON `reception_rules` (`commune_id`);--> statement-breakpoint
CREATE TABLE `reception_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commune_id` text NOT NULL,
	`receiver_role` text NOT NULL,
	`receiver_name` text NOT NULL,
	`place` text NOT NULL,
	`mode` text NOT NULL,
	`meeting_url` text,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`capacity` integer NOT NULL,
	`date` text NOT NULL,
	`rule_id` integer,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`cancel_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rule_id`) REFERENCES `reception_rules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reception_sessions_date_idx` ON `reception_sessions` (`date`,`commune_id`);--> statement-breakpoint
CREATE INDEX `reception_sessions_commune_idx` ON `reception_sessions` (`commune_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `reception_sessions_rule_date_uq` ON `reception_sessions` (`rule_id`,`date`);--> statement-breakpoint
CREATE TABLE `reception_visitors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`id_number` text,
	`is_representative` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `reception_visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reception_visitors_visit_idx` ON `reception_visitors` (`visit_id`);--> statement-breakpoint
CREATE TABLE `reception_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`commune_id` text NOT NULL,
	`booking_id` integer,
	`channel` text NOT NULL,
	`kind_code` text NOT NULL,
	`people` integer NOT NULL,
	`content` text NOT NULL,
	`handled_before` text DEFAULT '' NOT NULL,
	`outcome` text NOT NULL,
	`outcome_body` text,
	`outcome_document` text,
	`outcome_reason` text,
	`case_code` text,
	`follow_up` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `reception_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `reception_bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reception_visits_session_idx` ON `reception_visits` (`session_id`);--> statement-breakpoint
CREATE INDEX `reception_visits_commune_idx` ON `reception_visits` (`commune_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `cases` ADD `channel` text DEFAULT 'online' NOT NULL;