-- Throttling instead of lockout, and sessions that can be listed and expire when idle (issue 10).
--
-- Failed sign-ins are rows in the database, not memory, so several stateless server instances
-- on one database see the same counts. `throttle_key` is "email:<address typed>" or
-- "client:<address>" (app/sign_in_throttle.cpp); rows older than the throttle window are pruned.
-- users.failed_logins and users.locked_until (0001) are no longer used; they stay, since
-- migrations never change what earlier ones made.
CREATE TABLE sign_in_failures (
	id           INTEGER PRIMARY KEY,
	throttle_key TEXT NOT NULL CHECK (throttle_key <> ''),
	failed_at    TEXT NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures(throttle_key, failed_at);
CREATE INDEX sign_in_failures_by_time ON sign_in_failures(failed_at);

-- Wrong passwords typed for an account since its owner last signed in; told to them at the next
-- sign-in, then moved onto that session (sessions.failed_sign_ins) until a page has shown it.
ALTER TABLE users ADD COLUMN failed_since_sign_in INTEGER NOT NULL DEFAULT 0 CHECK (failed_since_sign_in >= 0);

-- last_seen_at drives the idle timeout (written at most once a minute); client and user_agent
-- let the owner recognise the session in their list.
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN client TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
