ALTER TABLE `cases` ADD `first_instance_commune_id` text;--> statement-breakpoint
-- Cases contested before this column existed: the commune they came from is on the "contested" event.
UPDATE `cases` SET `first_instance_commune_id` = (
  SELECT json_extract(e.`meta`, '$.from') FROM `case_events` e WHERE e.`case_id` = `cases`.`id` AND e.`type` = 'contested' ORDER BY e.`id` DESC LIMIT 1
) WHERE `first_instance_commune_id` IS NULL;
