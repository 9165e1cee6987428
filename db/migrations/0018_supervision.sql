CREATE TABLE `disclosure_critiques` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`supervision_id` integer NOT NULL,
	`disclosure_id` integer NOT NULL,
	`body` text NOT NULL,
	`filed_by` integer NOT NULL,
	`filed_at` text NOT NULL,
	`answer` text,
	`answered_by` integer,
	`answered_at` text,
	FOREIGN KEY (`supervision_id`) REFERENCES `supervisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`disclosure_id`) REFERENCES `disclosures`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `critiques_disclosure_idx` ON `disclosure_critiques` (`disclosure_id`);--> statement-breakpoint
CREATE TABLE `supervision_recommendations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`supervision_id` integer NOT NULL,
	`unit_id` text NOT NULL,
	`body` text NOT NULL,
	`issued_on` text NOT NULL,
	`due_on` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`response` text,
	`response_reasons` text,
	`response_plan` text,
	`answered_by` integer,
	`answered_at` text,
	`answered_on` text,
	`settled_by` integer,
	`settled_at` text,
	`settle_note` text,
	`escalated_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`supervision_id`) REFERENCES `supervisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`settled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recommendations_supervision_idx` ON `supervision_recommendations` (`supervision_id`);--> statement-breakpoint
CREATE INDEX `recommendations_unit_idx` ON `supervision_recommendations` (`unit_id`,`state`,`due_on`);--> statement-breakpoint
CREATE TABLE `supervisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`supervisor_unit_id` text NOT NULL,
	`opened_by` integer NOT NULL,
	`title` text NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_text` text,
	`case_codes` text,
	`disclosure_id` integer,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`members` text NOT NULL,
	`findings` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`supervisor_unit_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`disclosure_id`) REFERENCES `disclosures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supervisions_unit_idx` ON `supervisions` (`supervisor_unit_id`,`created_at`);