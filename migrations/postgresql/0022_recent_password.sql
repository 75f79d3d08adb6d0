-- Re-authentication and the account's own security events (issue 10, second round).
--
-- sessions.password_at: when the password was last entered for this session (at sign-in, at a
-- password change, or on the confirm-password page). Sensitive actions (sign out everywhere,
-- member changes, the two-step requirement, the installation admin pages) need it to be recent
-- (app/reauth.hpp). Sessions from before this migration have '' and so must confirm once.
ALTER TABLE sessions ADD COLUMN password_at TEXT NOT NULL DEFAULT '';

-- The account page lists the account's recent security events from the audit log: entries
-- outside any organisation whose target is "user:ID". Without an index that would read the
-- whole log on every visit to /account.
CREATE INDEX audit_log_by_target ON audit_log(target, id);
