-- Fixed-window counters (issue 10): rate limits for API calls, exports and imports, and the
-- bursts that raise an operator alert (and the note that an alert of a kind was sent in a
-- window). They are rows in the database, not process memory, so several mamori instances on
-- one database count together. `counter_key` names what is counted and for whom
-- ("rate:api:user:7", "alert:refusals:client:198.51.100.7", "alert-sent:refusals");
-- `window_start` is the window's first second as ISO text. Rows of ended windows are pruned.
CREATE TABLE rate_counters (
	id           INTEGER PRIMARY KEY,
	counter_key  TEXT NOT NULL CHECK (counter_key <> ''),
	window_start TEXT NOT NULL,
	hits         INTEGER NOT NULL DEFAULT 0 CHECK (hits >= 0),
	UNIQUE (counter_key, window_start)
);
CREATE INDEX rate_counters_by_window ON rate_counters(window_start);

-- Removing data (issue 10, ASVS 8.3.2): a person may delete their own account and an
-- organisation's 組織管理者 the organisation. The audit log is a hash chain (0019) whose rows
-- name user and organisation ids, so those rows stay: a deleted account keeps its id with
-- everything personal blanked (e-mail replaced by a placeholder, name, password hash), and a
-- deleted organisation keeps its id as a tombstone with every data row of it removed.
-- `deleted_at` is '' while the row is in use.
ALTER TABLE users ADD COLUMN deleted_at TEXT NOT NULL DEFAULT '';
ALTER TABLE organizations ADD COLUMN deleted_at TEXT NOT NULL DEFAULT '';
