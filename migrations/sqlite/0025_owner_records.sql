-- The owner's view (重要7項目, issue 12): short records the firm keeps of what has no other place
-- in mamori: `budget` (取組2: the budget for security decided) and `information_sources`
-- (取組7: the public sources of security news the firm follows). One row per organisation and
-- topic; saving again replaces it. `recorded_on` is YYYY-MM-DD.
CREATE TABLE owner_records (
	id          INTEGER PRIMARY KEY,
	org_id      INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	topic       TEXT NOT NULL CHECK (topic IN ('budget', 'information_sources')),
	note        TEXT NOT NULL CHECK (note <> ''),
	recorded_on TEXT NOT NULL,
	recorded_by INTEGER NOT NULL REFERENCES users(id),
	updated_at  TEXT NOT NULL,
	UNIQUE (org_id, topic)
);
