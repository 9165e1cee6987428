CREATE TABLE `figure_counts` (
	`dim` text NOT NULL,
	`grain` text NOT NULL,
	`day` text NOT NULL,
	`key` text NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`accepted` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`answered_on_time` integer DEFAULT 0 NOT NULL,
	`days_to_answer` real DEFAULT 0 NOT NULL,
	`ratings` integer DEFAULT 0 NOT NULL,
	`score_sum` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`dim`, `grain`, `day`, `key`)
);
--> statement-breakpoint
CREATE TABLE `status_counts` (
	`status` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `cases` ADD `finished` integer GENERATED ALWAYS AS (status IN ('answered', 'closed', 'refused', 'withdrawn')) VIRTUAL;--> statement-breakpoint
CREATE INDEX `cases_inbox_idx` ON `cases` (`finished`,`due_on`);--> statement-breakpoint
CREATE INDEX `cases_unit_inbox_idx` ON `cases` (`commune_id`,`finished`,`due_on`);--> statement-breakpoint
CREATE INDEX `cases_running_idx` ON `cases` (`commune_id`,`due_on`,`received_at`,`category_code`,`kind_code`,`status`,`paused_since`) WHERE status IN ('received', 'accepted', 'in_progress', 'info_requested', 'contested') AND paused_since IS NULL;