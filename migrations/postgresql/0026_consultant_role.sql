-- 0026: the 外部専門家 (consultant) role (issue 12); see ../sqlite/0026_consultant_role.sql.
ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check
	CHECK (role IN ('admin', 'manager', 'executive', 'respondent', 'viewer', 'consultant'));
CREATE INDEX memberships_user_role ON memberships(user_id, role);
