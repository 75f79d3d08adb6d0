-- 0003: the 経営者 (executive) role. An executive reads everything in the
-- organisation, like a 閲覧者, and is the one who approves accepting (保有)
-- a 大 risk (付録7 手順3). SQLite cannot alter a CHECK constraint, so the
-- table is rebuilt with the wider role list.
CREATE TABLE memberships_new (
	org_id        INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	role          TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'executive', 'respondent', 'viewer')),
	department_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
	PRIMARY KEY (org_id, user_id)
);
INSERT INTO memberships_new (org_id, user_id, role, department_id)
	SELECT org_id, user_id, role, department_id FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;
CREATE INDEX memberships_user ON memberships(user_id);
CREATE INDEX memberships_department ON memberships(department_id);
