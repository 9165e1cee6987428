-- Derived stores kept in step with every write by triggers, in the same transaction as the write. Their full
-- recount (db/derived-stores.ts) runs at start-up on a database migrated with cases already in it, and after bulk
-- loads. Figures (figure_counts), per day a case was received (Vietnam) and per unit credited (decision 009),
-- category, kind and in total: a case counts once per unit it reached and that accepted it, and once per category,
-- kind and in total; every answer and rating counts. Each act goes to its day's row and its month's row.
CREATE TRIGGER `case_events_figures` AFTER INSERT ON `case_events`
WHEN NEW.type IN ('filed', 'transferred', 'contested', 'accepted', 'answered')
BEGIN
  INSERT INTO `figure_counts` (`dim`, `grain`, `day`, `key`, `received`, `accepted`, `answered`, `answered_on_time`, `days_to_answer`)
  SELECT d.dim, g.grain, substr(date(d.received_at, '+7 hours'), 1, g.length), d.key,
    CASE WHEN NEW.type IN ('filed', 'transferred', 'contested') AND NOT EXISTS (
      SELECT 1 FROM case_events r WHERE r.case_id = NEW.case_id AND r.id < NEW.id AND r.type IN ('filed', 'transferred', 'contested')
        AND (d.dim <> 'unit' OR r.unit_id IS NEW.unit_id)) THEN 1 ELSE 0 END,
    CASE WHEN NEW.type = 'accepted' AND NOT EXISTS (
      SELECT 1 FROM case_events r WHERE r.case_id = NEW.case_id AND r.id < NEW.id AND r.type = 'accepted'
        AND (d.dim <> 'unit' OR r.unit_id IS NEW.unit_id)) THEN 1 ELSE 0 END,
    NEW.type = 'answered',
    NEW.type = 'answered' AND NEW.due_on IS NOT NULL AND date(NEW.created_at, '+7 hours') <= NEW.due_on,
    CASE WHEN NEW.type = 'answered' THEN julianday(NEW.created_at) - julianday(coalesce(
      (SELECT max(r.created_at) FROM case_events r WHERE r.case_id = NEW.case_id AND r.id < NEW.id AND r.type IN ('filed', 'transferred', 'contested')),
      d.received_at)) ELSE 0 END
  FROM (
    SELECT 'unit' AS dim, coalesce(NEW.unit_id, '') AS key, c.received_at FROM cases c WHERE c.id = NEW.case_id
    UNION ALL SELECT 'category', c.category_code, c.received_at FROM cases c WHERE c.id = NEW.case_id
    UNION ALL SELECT 'kind', c.kind_code, c.received_at FROM cases c WHERE c.id = NEW.case_id
    UNION ALL SELECT 'total', 'total', c.received_at FROM cases c WHERE c.id = NEW.case_id
  ) d
  CROSS JOIN (SELECT 'day' AS grain, 10 AS length UNION ALL SELECT 'month', 7) g
  WHERE true
  ON CONFLICT (`dim`, `grain`, `day`, `key`) DO UPDATE SET
    `received` = `received` + excluded.`received`,
    `accepted` = `accepted` + excluded.`accepted`,
    `answered` = `answered` + excluded.`answered`,
    `answered_on_time` = `answered_on_time` + excluded.`answered_on_time`,
    `days_to_answer` = `days_to_answer` + excluded.`days_to_answer`;
END;
--> statement-breakpoint
-- A rating counts for the unit whose answer it rates.
CREATE TRIGGER `answer_ratings_figures` AFTER INSERT ON `answer_ratings`
BEGIN
  INSERT INTO `figure_counts` (`dim`, `grain`, `day`, `key`, `ratings`, `score_sum`)
  SELECT d.dim, g.grain, substr(date(d.received_at, '+7 hours'), 1, g.length), d.key, 1, NEW.score
  FROM (
    SELECT 'unit' AS dim, coalesce((SELECT e.unit_id FROM case_events e WHERE e.id = NEW.answer_event_id), '') AS key, c.received_at FROM cases c WHERE c.id = NEW.case_id
    UNION ALL SELECT 'category', c.category_code, c.received_at FROM cases c WHERE c.id = NEW.case_id
    UNION ALL SELECT 'kind', c.kind_code, c.received_at FROM cases c WHERE c.id = NEW.case_id
    UNION ALL SELECT 'total', 'total', c.received_at FROM cases c WHERE c.id = NEW.case_id
  ) d
  CROSS JOIN (SELECT 'day' AS grain, 10 AS length UNION ALL SELECT 'month', 7) g
  WHERE true
  ON CONFLICT (`dim`, `grain`, `day`, `key`) DO UPDATE SET `ratings` = `ratings` + 1, `score_sum` = `score_sum` + excluded.`score_sum`;
END;
--> statement-breakpoint
-- Cases per status (the home page's figures).
CREATE TRIGGER `cases_status_count_insert` AFTER INSERT ON `cases`
BEGIN
  INSERT INTO `status_counts` (`status`, `n`) VALUES (NEW.status, 1) ON CONFLICT (`status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_status_count_update` AFTER UPDATE OF `status` ON `cases` WHEN OLD.status IS NOT NEW.status
BEGIN
  UPDATE `status_counts` SET `n` = `n` - 1 WHERE `status` = OLD.status;
  INSERT INTO `status_counts` (`status`, `n`) VALUES (NEW.status, 1) ON CONFLICT (`status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_status_count_delete` AFTER DELETE ON `cases`
BEGIN
  UPDATE `status_counts` SET `n` = `n` - 1 WHERE `status` = OLD.status;
END;
--> statement-breakpoint
-- Search: a trigram index over the two folded keys (with the filer's identity, and redacted), so that any part of
-- a word of 3 letters or more is found without reading every case; the text stays in `cases` (external content).
CREATE VIRTUAL TABLE `cases_search` USING fts5(`search_text`, `public_search_text`, content='cases', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `cases_search_insert` AFTER INSERT ON `cases`
BEGIN
  INSERT INTO `cases_search` (`rowid`, `search_text`, `public_search_text`) VALUES (NEW.id, NEW.search_text, NEW.public_search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `cases_search_update` AFTER UPDATE OF `search_text`, `public_search_text` ON `cases`
BEGIN
  INSERT INTO `cases_search` (`cases_search`, `rowid`, `search_text`, `public_search_text`) VALUES ('delete', OLD.id, OLD.search_text, OLD.public_search_text);
  INSERT INTO `cases_search` (`rowid`, `search_text`, `public_search_text`) VALUES (NEW.id, NEW.search_text, NEW.public_search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `cases_search_delete` AFTER DELETE ON `cases`
BEGIN
  INSERT INTO `cases_search` (`cases_search`, `rowid`, `search_text`, `public_search_text`) VALUES ('delete', OLD.id, OLD.search_text, OLD.public_search_text);
END;
--> statement-breakpoint
INSERT INTO `cases_search` (`cases_search`) VALUES ('rebuild');
