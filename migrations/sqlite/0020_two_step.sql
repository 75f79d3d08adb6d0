-- Two-step login (TOTP, RFC 6238), issue 10.
--
-- The TOTP secret is stored as it is (base32), not hashed: to check a code the server must
-- compute HMAC-SHA1(secret, step) itself, exactly as the user's authenticator app does, so it
-- needs the secret back. A hash would make every code uncheckable. The secret alone does not
-- sign anyone in (the password is needed as well), it never leaves the server after enrolment,
-- and backups hold it like every other row (docs/security.md, "Two-step login").
CREATE TABLE two_step (
	user_id        INTEGER PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	secret         TEXT NOT NULL CHECK (secret <> ''),
	created_at     TEXT NOT NULL,
	-- '' while the enrolment waits for its first code; the login asks for codes only once set.
	confirmed_at   TEXT NOT NULL DEFAULT '',
	-- The newest 30-second step a code was accepted for; a code of that step or an older one is
	-- refused, so a code seen over someone's shoulder cannot be used again. NULL before the first.
	last_used_step INTEGER,
	-- Wrong codes in a row, and until when checking is paused after too many.
	failed_codes   INTEGER NOT NULL DEFAULT 0 CHECK (failed_codes >= 0),
	blocked_until  TEXT NOT NULL DEFAULT ''
);

-- Ten single-use codes for a lost phone; only their SHA-256 is kept (they are random, long
-- enough that a plain hash cannot be reversed by guessing).
CREATE TABLE two_step_recovery_codes (
	user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	code_hash TEXT NOT NULL CHECK (length(code_hash) = 64),
	used_at   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (user_id, code_hash)
);

-- The password was right, the code is still to come: no session yet. The cookie carries the
-- token; only its hash is stored. Five minutes and a few attempts, then the password again.
CREATE TABLE pending_sign_ins (
	token_hash TEXT PRIMARY KEY NOT NULL,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0)
);
CREATE INDEX pending_sign_ins_user ON pending_sign_ins(user_id);

-- An organisation's 責任者 can require two-step login of every member. The installation-wide
-- requirement is the settings row 'two_step.required_for_everyone' ('1' when on).
ALTER TABLE organizations ADD COLUMN require_two_step INTEGER NOT NULL DEFAULT 0
	CHECK (require_two_step IN (0, 1));
