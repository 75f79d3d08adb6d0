-- 0028: each 自社診断 round's combined result (issue 12); see ../sqlite/0028_selfcheck_round_scores.sql.
CREATE TABLE selfcheck_round_scores (
	round_id     BIGINT PRIMARY KEY REFERENCES selfcheck_rounds(id) ON DELETE CASCADE,
	org_id       BIGINT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	round_number INTEGER NOT NULL CHECK (round_number >= 1),
	edition      TEXT NOT NULL DEFAULT '',
	respondents  INTEGER NOT NULL CHECK (respondents >= 0),
	total        INTEGER NOT NULL,
	max_total    INTEGER NOT NULL,
	complete     INTEGER NOT NULL CHECK (complete IN (0, 1)),
	answers      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX selfcheck_round_scores_org ON selfcheck_round_scores(org_id, complete, round_number);
