-- 0007: the firm's documents (issue 8). One row per document made from a
-- template under content/editions/<id>/documents/ (template_id), per subject
-- where a kind has one document per partner or service ('' otherwise). The
-- firm's values are kept as JSON (fields, tables, sections left out); every
-- change appends a row to document_revisions, so the history of who changed
-- what and when is data, not a log line.
CREATE TABLE documents (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	template_id TEXT NOT NULL,
	subject TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL DEFAULT 'draft'
		CHECK (state IN ('draft', 'pending_approval', 'approved', 'published')),
	revision INTEGER NOT NULL CHECK (revision >= 1),
	values_json TEXT NOT NULL,
	scope TEXT NOT NULL DEFAULT '',
	approver TEXT NOT NULL DEFAULT '',
	revised_on TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL,
	updated_by INTEGER REFERENCES users(id),
	UNIQUE (org_id, template_id, subject)
);
CREATE TABLE document_revisions (
	id INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	revision INTEGER NOT NULL,
	state TEXT NOT NULL,
	values_json TEXT NOT NULL,
	changed_by INTEGER REFERENCES users(id),
	changed_at TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	UNIQUE (document_id, revision)
);
