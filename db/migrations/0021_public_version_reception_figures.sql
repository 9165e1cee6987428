-- The reception figures on /thong-ke (cached public page) come from the visits logged, the groups filing together
-- and the dialogues held: their rows bump the public version too (015), as reception_sessions and cases already do.
CREATE TRIGGER `public_version_reception_visits_insert` AFTER INSERT ON `reception_visits` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_reception_visits_update` AFTER UPDATE ON `reception_visits` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_reception_visits_delete` AFTER DELETE ON `reception_visits` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_case_groups_insert` AFTER INSERT ON `case_groups` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_case_groups_update` AFTER UPDATE ON `case_groups` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_case_groups_delete` AFTER DELETE ON `case_groups` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_dialogues_insert` AFTER INSERT ON `dialogues` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_dialogues_update` AFTER UPDATE ON `dialogues` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_dialogues_delete` AFTER DELETE ON `dialogues` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
