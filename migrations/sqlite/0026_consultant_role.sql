-- 0026: the 外部専門家 (consultant) role (issue 12). An expert who coaches the firm (003, セキュリ
-- ティマネジメント指導) works in the organisation like its editors, keeps the coaching record, and
-- sees the organisation in their consultant workspace next to their other clients. SQLite cannot
-- alter a CHECK constraint, so the table is rebuilt with the wider role list (as in 0003).
CREATE TABLE memberships_new (
	org_id        INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	role          TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'executive', 'respondent', 'viewer', 'consultant')),
	department_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
	PRIMARY KEY (org_id, user_id)
);
INSERT INTO memberships_new (org_id, user_id, role, department_id)
	SELECT org_id, user_id, role, department_id FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;
CREATE INDEX memberships_user ON memberships(user_id);
CREATE INDEX memberships_department ON memberships(department_id);
-- The workspace lists a consultant's clients by (user, role).
CREATE INDEX memberships_user_role ON memberships(user_id, role);
