ALTER TABLE `cases` ADD `answered_due_on` text;--> statement-breakpoint
CREATE INDEX `cases_register_idx` ON `cases` (`publish_consent`,`status`,`answered_at`);