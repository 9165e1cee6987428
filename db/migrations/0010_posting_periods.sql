ALTER TABLE `disclosure_types` ADD `min_consultation_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `disclosure_types` ADD `consultation_source` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `disclosures` ADD `posting_signed_on` text;--> statement-breakpoint
ALTER TABLE `disclosures` ADD `version_reason` text;--> statement-breakpoint
ALTER TABLE `disclosures` ADD `consultation_closed_at` text;--> statement-breakpoint
ALTER TABLE `disclosures` ADD `consultation_close_reason` text;--> statement-breakpoint
UPDATE `disclosure_types` SET `consultation_source` = 'Luật Đất đai 2024, Điều 87(3)(a): dự thảo phương án niêm yết và lấy ý kiến trong 30 ngày' WHERE `code` = 'compensation_plan' AND `consultation_source` = '';--> statement-breakpoint
UPDATE `disclosure_types` SET `consultation_source` = 'Luật Đất đai 2024, Điều 70: lấy ý kiến về quy hoạch, kế hoạch sử dụng đất trong 30 ngày (cần kiểm chứng)' WHERE `code` = 'land_use_plan' AND `consultation_source` = '';--> statement-breakpoint
UPDATE `disclosure_types` SET `consultation_source` = 'Không có thời hạn riêng: lấy ý kiến trong thời gian niêm yết, ít nhất 30 ngày (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 13(2)) (cần kiểm chứng)' WHERE `code` IN ('investment_project', 'construction_work', 'contributions') AND `consultation_source` = '';--> statement-breakpoint
UPDATE `disclosures` SET `consultation_closed_at` = `consultation_to` WHERE `status` = 'consultation_closed' AND `consultation_closed_at` IS NULL;
