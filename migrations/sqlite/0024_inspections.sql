-- 点検と改善 (第2部 4(5), issue 12). An inspection is planned against a standard
-- (`standard`: five_articles = 情報セキュリティ5か条, selfcheck = 自社診断, own_rules = the firm's
-- own regulations) with the guideline's methods (`methods`: comma-separated question = 質問,
-- review = 閲覧, observation = 観察, technical = 技術診断, checklist = チェックリスト). Its results
-- are recorded (`done_on`, `summary`) and reported to the 経営者 (`reported_on`, `owner_comment`).
-- Dates are YYYY-MM-DD or '' when not yet.
CREATE TABLE inspections (
	id            INTEGER PRIMARY KEY,
	org_id        INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	title         TEXT NOT NULL CHECK (title <> ''),
	standard      TEXT NOT NULL CHECK (standard IN ('five_articles', 'selfcheck', 'own_rules')),
	scope         TEXT NOT NULL DEFAULT '',
	methods       TEXT NOT NULL CHECK (methods <> ''),
	planned_on    TEXT NOT NULL,
	inspector     TEXT NOT NULL DEFAULT '',
	done_on       TEXT NOT NULL DEFAULT '',
	summary       TEXT NOT NULL DEFAULT '',
	reported_on   TEXT NOT NULL DEFAULT '',
	owner_comment TEXT NOT NULL DEFAULT '',
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL
);
CREATE INDEX inspections_org ON inspections(org_id, planned_on);

-- Each finding has a severity and leads to a corrective action with an owner (a member) and a
-- due date; `closed_on` is '' while the action is open.
CREATE TABLE inspection_findings (
	id            INTEGER PRIMARY KEY,
	org_id        INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
	description   TEXT NOT NULL CHECK (description <> ''),
	severity      TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
	action        TEXT NOT NULL CHECK (action <> ''),
	action_owner  INTEGER NOT NULL REFERENCES users(id),
	due_on        TEXT NOT NULL,
	closed_on     TEXT NOT NULL DEFAULT '',
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL
);
CREATE INDEX inspection_findings_org ON inspection_findings(org_id, inspection_id);
