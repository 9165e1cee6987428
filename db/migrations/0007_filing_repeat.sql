ALTER TABLE `cases` ADD `repeat_key` text;--> statement-breakpoint
CREATE INDEX `cases_repeat_idx` ON `cases` (`repeat_key`,`received_at`);