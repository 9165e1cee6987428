ALTER TABLE `cases` ADD `answer_draft_event_id` integer;--> statement-breakpoint
ALTER TABLE `response_templates` ADD `kind_code` text REFERENCES case_kinds(code);