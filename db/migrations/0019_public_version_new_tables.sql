-- Tables added with reception and supervision whose rows reach cached public pages (the home page's next sessions,
-- the critiques on a disclosure page; supervisions for when /giam-sat is cached) bump the public version too (015).
CREATE TRIGGER `public_version_reception_sessions_insert` AFTER INSERT ON `reception_sessions` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_reception_sessions_update` AFTER UPDATE ON `reception_sessions` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_reception_sessions_delete` AFTER DELETE ON `reception_sessions` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosure_critiques_insert` AFTER INSERT ON `disclosure_critiques` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosure_critiques_update` AFTER UPDATE ON `disclosure_critiques` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_disclosure_critiques_delete` AFTER DELETE ON `disclosure_critiques` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_supervisions_insert` AFTER INSERT ON `supervisions` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_supervisions_update` AFTER UPDATE ON `supervisions` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_supervisions_delete` AFTER DELETE ON `supervisions` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_supervision_recommendations_insert` AFTER INSERT ON `supervision_recommendations` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_supervision_recommendations_update` AFTER UPDATE ON `supervision_recommendations` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `public_version_supervision_recommendations_delete` AFTER DELETE ON `supervision_recommendations` BEGIN UPDATE `public_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
