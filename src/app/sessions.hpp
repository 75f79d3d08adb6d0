// mamori/app/sessions.hpp
//
// The signed-in user's own sessions (issue 10): a new session identifier
// whenever privilege changes, the list of active sessions with sign-out per
// session and everywhere else, and the password change that ends every other
// session. Sign-in and the session lifetimes are in app/accounts.hpp.
#pragma once

#include "app/accounts.hpp"

#include <string>
#include <vector>

namespace mamori::app {

//! Replaces the session's token and CSRF token with new ones (the old cookie stops
//! working), keeping its user, origin and absolute expiry. Call it whenever the
//! session's privilege changes: password change, becoming an administrator,
//! enabling or disabling two-step login. `session` is updated in place; the caller
//! must send the returned token as the new cookie (web/account_pages.hpp does).
Result<IssuedSession> RotateSession(AppContext &ctx, SessionUser &session);

struct ActiveSession {
	std::string handle;  // names the session in forms and the API; not the token, nor usable as one
	std::string created_at;
	std::string last_seen_at;
	std::string client;
	std::string user_agent;
	bool current = false;  // the session of this request
};

//! The user's sessions still running, newest first.
Result<std::vector<ActiveSession>> ListMySessions(AppContext &ctx, const SessionUser &session);
//! Ends one of the user's own sessions (kNotFound for any other handle). Audited as session.end.
Status EndMySession(AppContext &ctx, const SessionUser &session, const std::string &handle);
//! Ends every session of the user but this one; returns how many. Audited as session.end_all.
Result<int> EndMyOtherSessions(AppContext &ctx, const SessionUser &session);

//! The count of failed sign-ins has been shown to the user; it is not shown again.
Status AcknowledgeFailedSignIns(AppContext &ctx, SessionUser &session);

struct PasswordChange {
	std::string current_password;
	std::string new_password;
	std::string new_password_confirm;
	std::string client;  // the request's address, for the throttle on wrong current passwords
};

//! Checks the current password (throttled like sign-in) and the new one's policy, sets it,
//! ends every other session and rotates this one. Errors name the field they concern
//! (current_password, new_password, new_password_confirm). Audited as account.password_change.
Result<IssuedSession> ChangeMyPassword(AppContext &ctx, SessionUser &session, const PasswordChange &change);

} // namespace mamori::app
