ALTER TABLE `communes` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `communes` ADD `contact_email` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `public_search_text` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `concerns_official` integer DEFAULT false NOT NULL;