-- 0009: employees confirm they have read a published document (issue 8: the
-- ハンドブック). One row per person and revision, so a new published revision
-- asks everyone again.
CREATE TABLE document_reads (
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	revision INTEGER NOT NULL,
	read_at TEXT NOT NULL,
	PRIMARY KEY (document_id, user_id, revision)
);
