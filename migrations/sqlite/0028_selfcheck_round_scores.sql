-- 0028: each 自社診断 round's combined result, kept beside its answers (issue 12, measured goals:
-- the consultant's portfolio of 300 clients and the anonymous benchmark over 100,000 firms read
-- one row per round instead of every respondent's answers, and rescore nothing per request).
-- Derived data: the app writes the row in the transaction that changes the round's answers (with
-- that change's audit entry), from the combined answers scored by the organisation's edition.
-- `answers` is the combined sheet as an answer code (core/selfcheck/answer_code.hpp: one letter
-- per item). Rounds answered before this migration get their rows when the server starts
-- (app/round_scores.hpp).
CREATE TABLE selfcheck_round_scores (
	round_id     INTEGER PRIMARY KEY REFERENCES selfcheck_rounds(id) ON DELETE CASCADE,
	org_id       INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	round_number INTEGER NOT NULL CHECK (round_number >= 1),
	edition      TEXT NOT NULL DEFAULT '',
	respondents  INTEGER NOT NULL CHECK (respondents >= 0),
	total        INTEGER NOT NULL,
	max_total    INTEGER NOT NULL,
	complete     INTEGER NOT NULL CHECK (complete IN (0, 1)),
	answers      TEXT NOT NULL DEFAULT ''
);
-- The portfolio reads an organisation's rounds in order; the benchmark its latest complete one.
CREATE INDEX selfcheck_round_scores_org ON selfcheck_round_scores(org_id, complete, round_number);
