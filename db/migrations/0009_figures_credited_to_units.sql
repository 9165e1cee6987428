CREATE TABLE `answer_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`answer_event_id` integer NOT NULL,
	`score` integer NOT NULL,
	`comment` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answer_event_id`) REFERENCES `case_events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answer_ratings_answer_uq` ON `answer_ratings` (`answer_event_id`);--> statement-breakpoint
CREATE INDEX `answer_ratings_case_idx` ON `answer_ratings` (`case_id`);--> statement-breakpoint
ALTER TABLE `case_events` ADD `unit_id` text REFERENCES communes(id);--> statement-breakpoint
ALTER TABLE `case_events` ADD `stage` text;--> statement-breakpoint
ALTER TABLE `case_events` ADD `due_on` text;--> statement-breakpoint
CREATE INDEX `case_events_unit_type_idx` ON `case_events` (`unit_id`,`type`);--> statement-breakpoint
-- Backfill from what is known. A filing, transfer or contest is credited to the unit it reached (in its meta); any
-- other event to the unit holding the case then: the one reached by the latest move before it.
UPDATE `case_events` SET `unit_id` = COALESCE(
  CASE WHEN `type` = 'filed' THEN json_extract(`meta`, '$.communeId') WHEN `type` IN ('transferred', 'contested') THEN json_extract(`meta`, '$.to') END,
  (SELECT CASE WHEN m.`type` = 'filed' THEN json_extract(m.`meta`, '$.communeId') ELSE json_extract(m.`meta`, '$.to') END
     FROM `case_events` m
    WHERE m.`case_id` = `case_events`.`case_id` AND m.`id` < `case_events`.`id` AND m.`type` IN ('filed', 'transferred', 'contested')
    ORDER BY m.`id` DESC LIMIT 1),
  (SELECT c.`commune_id` FROM `cases` c WHERE c.`id` = `case_events`.`case_id`)
);--> statement-breakpoint
-- An answer after a contest closed the second instance; the others the first. Only a case's latest answer's due date is
-- known (cases.answered_due_on); earlier answers keep none and are not counted as on time.
UPDATE `case_events` SET `stage` = CASE
    WHEN EXISTS (SELECT 1 FROM `case_events` m WHERE m.`case_id` = `case_events`.`case_id` AND m.`id` < `case_events`.`id` AND m.`type` = 'contested')
      THEN 'resolve_second' ELSE 'resolve' END,
  `due_on` = CASE
    WHEN `id` = (SELECT max(a.`id`) FROM `case_events` a WHERE a.`case_id` = `case_events`.`case_id` AND a.`type` = 'answered')
      THEN (SELECT c.`answered_due_on` FROM `cases` c WHERE c.`id` = `case_events`.`case_id`) END
WHERE `type` = 'answered';--> statement-breakpoint
-- Each old rating belongs to the answer it followed (the latest answer before it, else the case's first).
INSERT INTO `answer_ratings` (`case_id`, `answer_event_id`, `score`, `comment`, `created_at`)
SELECT r.`case_id`, COALESCE(
    (SELECT a.`id` FROM `case_events` a WHERE a.`case_id` = r.`case_id` AND a.`type` = 'answered' AND a.`created_at` <= r.`created_at` ORDER BY a.`id` DESC LIMIT 1),
    (SELECT min(a.`id`) FROM `case_events` a WHERE a.`case_id` = r.`case_id` AND a.`type` = 'answered')),
  r.`score`, r.`comment`, r.`created_at`
FROM `case_ratings` r
WHERE EXISTS (SELECT 1 FROM `case_events` a WHERE a.`case_id` = r.`case_id` AND a.`type` = 'answered');
