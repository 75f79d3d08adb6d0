-- 0027: coaching engagements (issue 12; 003 セキュリティマネジメント指導 実施要領). An engagement
-- follows one programme (content/programmes/*.yaml or the consultant's own), kept here as the
-- YAML it was started with, so later edits of the file do not change a running engagement.
-- Each visit (第1回…) has its dates and agenda notes; each pre-work request (事前準備) of a visit
-- is a row that stays open until the firm's 責任者 or the consultant marks it done. Requests and
-- visits reference (org_id, engagement_id) so a row can never cross organisations.
CREATE TABLE engagements (
	id              INTEGER PRIMARY KEY,
	org_id          INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	programme_id    TEXT NOT NULL CHECK (programme_id <> ''),
	programme_title TEXT NOT NULL DEFAULT '',
	programme_yaml  TEXT NOT NULL,
	started_by      INTEGER REFERENCES users(id) ON DELETE SET NULL,
	started_on      TEXT NOT NULL,
	created_at      TEXT NOT NULL,
	UNIQUE (org_id, id)
);
CREATE INDEX engagements_org ON engagements(org_id, id);
CREATE INDEX engagements_started_by ON engagements(started_by);
CREATE TABLE engagement_visits (
	id            INTEGER PRIMARY KEY,
	org_id        INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	engagement_id INTEGER NOT NULL,
	number        INTEGER NOT NULL CHECK (number BETWEEN 1 AND 12),
	planned_on    TEXT NOT NULL DEFAULT '',
	held_on       TEXT NOT NULL DEFAULT '',
	notes         TEXT NOT NULL DEFAULT '',
	updated_at    TEXT NOT NULL DEFAULT '',
	UNIQUE (engagement_id, number),
	FOREIGN KEY (org_id, engagement_id) REFERENCES engagements(org_id, id) ON DELETE CASCADE
);
CREATE INDEX engagement_visits_org ON engagement_visits(org_id, engagement_id);
CREATE TABLE engagement_requests (
	id            INTEGER PRIMARY KEY,
	org_id        INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	engagement_id INTEGER NOT NULL,
	visit_number  INTEGER NOT NULL CHECK (visit_number BETWEEN 1 AND 12),
	request_key   TEXT NOT NULL CHECK (request_key <> ''),
	done_at       TEXT NOT NULL DEFAULT '',
	done_by       INTEGER REFERENCES users(id) ON DELETE SET NULL,
	UNIQUE (engagement_id, visit_number, request_key),
	FOREIGN KEY (org_id, engagement_id) REFERENCES engagements(org_id, id) ON DELETE CASCADE
);
CREATE INDEX engagement_requests_org ON engagement_requests(org_id, engagement_id);
CREATE INDEX engagement_requests_done_by ON engagement_requests(done_by);
