-- 0005: each of the 5か条 has a state, 未着手 / 実施中 / 実施済み, because
-- SECURITY ACTION ★1 declares that the firm is working on the five articles
-- (実施中 counts), not that it has finished them.
--
-- Rows saved as carried out (done = 1, which always came with a 実施日) become
-- 実施済み. Rows not marked done stay 未着手, which is what the page showed for
-- them, even where a date was left in the form.
-- `done` stays and is written equal to state = 'done'.
ALTER TABLE five_articles ADD COLUMN state TEXT NOT NULL DEFAULT 'not_started'
	CHECK (state IN ('not_started', 'in_progress', 'done'));
UPDATE five_articles SET state = 'done' WHERE done = 1;
