-- mamori/migrations/sqlite/0001_initial.sql
--
-- The initial schema. Applied by src/storage/sqlite/migrations.cpp inside one
-- transaction, so this file must not contain BEGIN/COMMIT. Once released, a
-- migration file never changes: later changes go into 0002_..., 0003_...
--
-- Timestamps are UTC ISO-8601 text ("2025-04-01T09:30:00Z") and dates are
-- "YYYY-MM-DD", so plain text comparison orders them correctly. Empty text
-- (not NULL) means "not set" for the optional timestamps, matching the records.

CREATE TABLE settings (
	key   TEXT PRIMARY KEY NOT NULL,
	value TEXT NOT NULL
);

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	-- NOCASE so that a differently capitalised address can neither register
	-- twice nor miss its account at sign-in.
	email         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email <> ''),
	display_name  TEXT NOT NULL DEFAULT '',
	password_hash TEXT NOT NULL DEFAULT '',
	is_admin      INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
	failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
	locked_until  TEXT NOT NULL DEFAULT '',
	created_at    TEXT NOT NULL
);

CREATE TABLE organizations (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	industry    TEXT NOT NULL DEFAULT '',
	capital_yen INTEGER NOT NULL DEFAULT 0,
	employees   INTEGER NOT NULL DEFAULT 0,
	edition     TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL
);

CREATE TABLE departments (
	id     INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	name   TEXT NOT NULL CHECK (name <> ''),
	UNIQUE (org_id, name)
);

CREATE TABLE memberships (
	org_id        INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	role          TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'respondent', 'viewer')),
	-- A deleted department leaves the member in place without one.
	department_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
	PRIMARY KEY (org_id, user_id)
);
-- ListMembershipsOfUser and the ON DELETE CASCADE from users.
CREATE INDEX memberships_user ON memberships(user_id);
CREATE INDEX memberships_department ON memberships(department_id);

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY NOT NULL,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf_token TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE invitations (
	token_hash  TEXT PRIMARY KEY NOT NULL,
	org_id      INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	expires_at  TEXT NOT NULL,
	accepted_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX invitations_org ON invitations(org_id);
CREATE INDEX invitations_user ON invitations(user_id);

-- Step 1: 情報セキュリティ5か条.
CREATE TABLE five_articles (
	org_id      INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	number      INTEGER NOT NULL CHECK (number BETWEEN 1 AND 5),
	done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
	done_on     TEXT NOT NULL DEFAULT '',
	responsible TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT '',
	UNIQUE (org_id, number)
);

-- Step 2: 5分でできる！情報セキュリティ自社診断.
CREATE TABLE selfcheck_rounds (
	id         INTEGER PRIMARY KEY,
	org_id     INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	number     INTEGER NOT NULL CHECK (number >= 1),
	title      TEXT NOT NULL DEFAULT '',
	started_at TEXT NOT NULL,
	closed_at  TEXT NOT NULL DEFAULT '',
	edition    TEXT NOT NULL DEFAULT '',
	UNIQUE (org_id, number)
);

CREATE TABLE selfcheck_responses (
	id           INTEGER PRIMARY KEY,
	round_id     INTEGER NOT NULL REFERENCES selfcheck_rounds(id) ON DELETE CASCADE,
	respondent   TEXT NOT NULL CHECK (respondent <> ''),
	user_id      INTEGER REFERENCES users(id) ON DELETE SET NULL,
	submitted_at TEXT NOT NULL DEFAULT '',
	updated_at   TEXT NOT NULL DEFAULT '',
	UNIQUE (round_id, respondent)
);
CREATE INDEX selfcheck_responses_user ON selfcheck_responses(user_id);

-- One row per answered item; an unanswered item has no row.
CREATE TABLE selfcheck_answers (
	response_id INTEGER NOT NULL REFERENCES selfcheck_responses(id) ON DELETE CASCADE,
	item        INTEGER NOT NULL CHECK (item >= 1),
	answer      TEXT NOT NULL CHECK (answer IN ('implemented', 'partial', 'not_implemented', 'unknown')),
	PRIMARY KEY (response_id, item)
) WITHOUT ROWID;

-- 情報セキュリティ基本方針: every saved version is kept.
CREATE TABLE policies (
	id           INTEGER PRIMARY KEY,
	org_id       INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	version      INTEGER NOT NULL CHECK (version >= 1),
	-- The PolicyInput as the organisation entered it, as a JSON object.
	input_json   TEXT NOT NULL CHECK (json_valid(input_json)),
	status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
	published_at TEXT NOT NULL DEFAULT '',
	updated_at   TEXT NOT NULL DEFAULT '',
	UNIQUE (org_id, version)
);

-- AUTOINCREMENT so that an id is never reused: audit ids only ever grow, and
-- "newest first" is simply ORDER BY id DESC.
CREATE TABLE audit_log (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	-- NULL for installation-wide events (setup, sign-in before choosing an organisation).
	org_id  INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
	-- The entry outlives the account that made it.
	user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	at      TEXT NOT NULL,
	action  TEXT NOT NULL,
	target  TEXT NOT NULL DEFAULT '',
	detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_org ON audit_log(org_id, id);
CREATE INDEX audit_log_user ON audit_log(user_id);
