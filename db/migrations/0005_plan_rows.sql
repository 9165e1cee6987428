CREATE TABLE `plan_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`disclosure_id` integer NOT NULL,
	`row_no` integer NOT NULL,
	`household_name` text NOT NULL,
	`plot_number` text NOT NULL,
	`map_sheet` text NOT NULL,
	`land_type` text NOT NULL,
	`area_recovered` real NOT NULL,
	`unit_price` integer NOT NULL,
	`land_compensation` integer NOT NULL,
	`asset_compensation` integer NOT NULL,
	`support` integer NOT NULL,
	`total` integer NOT NULL,
	`resettlement` text NOT NULL,
	`household_code_hash` text NOT NULL,
	`household_code_sealed` text NOT NULL,
	`household_address` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`disclosure_id`) REFERENCES `disclosures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_rows_row_uq` ON `plan_rows` (`disclosure_id`,`row_no`);--> statement-breakpoint
CREATE INDEX `plan_rows_code_idx` ON `plan_rows` (`household_code_hash`);--> statement-breakpoint
ALTER TABLE `cases` ADD `disclosure_id` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `plan_row_no` integer;--> statement-breakpoint
CREATE INDEX `cases_disclosure_idx` ON `cases` (`disclosure_id`);--> statement-breakpoint
ALTER TABLE `disclosure_types` ADD `publish_names` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `disclosures_previous_idx` ON `disclosures` (`previous_id`);--> statement-breakpoint
CREATE INDEX `disclosures_unit_idx` ON `disclosures` (`commune_id`,`id`);