-- The version of everything public pages show (docs/decisions/015). Every committed change to a table whose rows
-- reach a public page bumps it in the same transaction, by trigger, so no write path can forget it and every process
-- sharing the file sees it. The page cache keeps a rendering only while the version it was rendered at is current.
CREATE TABLE `public_version` (`id` integer PRIMARY KEY CHECK (`id` = 1), `version` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `public_version` (`id`, `version`) VALUES (1, 1);
--> statement-breakpoint
CREATE TRIGGER `public_version_cases_insert` AFTER INSERT ON `cases` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_cases_update` AFTER UPDATE ON `cases` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_cases_delete` AFTER DELETE ON `cases` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_case_events_insert` AFTER INSERT ON `case_events` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_case_events_update` AFTER UPDATE ON `case_events` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_case_events_delete` AFTER DELETE ON `case_events` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_attachments_insert` AFTER INSERT ON `attachments` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_attachments_update` AFTER UPDATE ON `attachments` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_attachments_delete` AFTER DELETE ON `attachments` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_case_ratings_insert` AFTER INSERT ON `case_ratings` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_case_ratings_update` AFTER UPDATE ON `case_ratings` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_case_ratings_delete` AFTER DELETE ON `case_ratings` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_answer_ratings_insert` AFTER INSERT ON `answer_ratings` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_answer_ratings_update` AFTER UPDATE ON `answer_ratings` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_answer_ratings_delete` AFTER DELETE ON `answer_ratings` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosure_types_insert` AFTER INSERT ON `disclosure_types` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosure_types_update` AFTER UPDATE ON `disclosure_types` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosure_types_delete` AFTER DELETE ON `disclosure_types` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosures_insert` AFTER INSERT ON `disclosures` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosures_update` AFTER UPDATE ON `disclosures` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosures_delete` AFTER DELETE ON `disclosures` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosure_documents_insert` AFTER INSERT ON `disclosure_documents` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosure_documents_update` AFTER UPDATE ON `disclosure_documents` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosure_documents_delete` AFTER DELETE ON `disclosure_documents` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosure_comments_insert` AFTER INSERT ON `disclosure_comments` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosure_comments_update` AFTER UPDATE ON `disclosure_comments` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosure_comments_delete` AFTER DELETE ON `disclosure_comments` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_plan_rows_insert` AFTER INSERT ON `plan_rows` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_plan_rows_update` AFTER UPDATE ON `plan_rows` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_plan_rows_delete` AFTER DELETE ON `plan_rows` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_communes_insert` AFTER INSERT ON `communes` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_communes_update` AFTER UPDATE ON `communes` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_communes_delete` AFTER DELETE ON `communes` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_hamlets_insert` AFTER INSERT ON `hamlets` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_hamlets_update` AFTER UPDATE ON `hamlets` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_hamlets_delete` AFTER DELETE ON `hamlets` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_categories_insert` AFTER INSERT ON `categories` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_categories_update` AFTER UPDATE ON `categories` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_categories_delete` AFTER DELETE ON `categories` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_case_kinds_insert` AFTER INSERT ON `case_kinds` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_case_kinds_update` AFTER UPDATE ON `case_kinds` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_case_kinds_delete` AFTER DELETE ON `case_kinds` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_deadline_rules_insert` AFTER INSERT ON `deadline_rules` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_deadline_rules_update` AFTER UPDATE ON `deadline_rules` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_deadline_rules_delete` AFTER DELETE ON `deadline_rules` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_calendar_days_insert` AFTER INSERT ON `calendar_days` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_calendar_days_update` AFTER UPDATE ON `calendar_days` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_calendar_days_delete` AFTER DELETE ON `calendar_days` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
