// mamori/app/accounts.hpp
//
// Accounts, sign-in (throttled: app/sign_in_throttle.hpp), and sessions
// (listing, rotation and password change: app/sessions.hpp).
#pragma once

#include "app/app_context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

inline constexpr long long kSessionSeconds = 8 * 3600;     // one working day, however active
inline constexpr long long kSessionIdleSeconds = 30 * 60;  // ends sooner after this long without a request

struct NewAccount {
	std::string email;
	std::string password;
	std::string display_name;
	bool is_admin = false;
};

//! Validates e-mail and password policy, hashes with argon2id, stores, audits.
Result<Id> CreateAccount(AppContext &ctx, const NewAccount &account, std::optional<Id> created_by);

Status ValidateEmail(const std::string &email, const std::string &field = "email");
std::string NormalizeEmail(const std::string &email);

//! kUnauthenticated for a wrong e-mail or password (indistinguishable), or
//! kRateLimited while the e-mail or the client address must wait after repeated failures
//! (even with the right password; the wait is capped, there is no lockout). Failures are
//! recorded and audited as app/sign_in_throttle.hpp says, with the e-mail given and `client`,
//! the address the attempt came from ("" when unknown, e.g. the CLI).
Result<storage::User> Authenticate(AppContext &ctx, const std::string &email, const std::string &password,
                                   const std::string &client = "");

struct IssuedSession {
	std::string token;  // goes into the cookie; only its hash is stored
	std::string csrf_token;
	std::string expires_at;
};

//! Audited as session.start with `client`, the address the sign-in came from ("" when unknown).
//! The session remembers the client and the (shortened) `user_agent` for the owner's list, and
//! takes over the account's count of wrong passwords since the last sign-in to tell the user.
Result<IssuedSession> StartSession(AppContext &ctx, Id user_id, const std::string &client = "",
                                   const std::string &user_agent = "");

struct SessionUser {
	storage::User user;
	std::string csrf_token;
	std::string token_hash;
	int failed_sign_ins = 0;  // wrong passwords before this sign-in, not yet told to the user
	std::string password_at;  // when the password was last entered for this session (app/reauth.hpp)
};

//! The signed-in user for a cookie token, or nullopt when absent, expired or idle for
//! kSessionIdleSeconds. Notes the request's time at most once a minute.
Result<std::optional<SessionUser>> ResolveSession(AppContext &ctx, const std::string &token);
//! A cookie token longer than this is no session of ours (ResolveSession does not look it up).
inline constexpr size_t kSessionTokenMaxBytes = 128;
//! The SessionUser of a session row the store found live, or nullopt when it has been idle for
//! kSessionIdleSeconds (it is ended then); notes the request's time at most once a minute.
Result<std::optional<SessionUser>> LiveSession(AppContext &ctx, storage::SessionWithUser found);
Status EndSession(AppContext &ctx, const std::string &token);
//! Signs out the session already resolved for this request.
Status EndSession(AppContext &ctx, const SessionUser &session);

//! Whether the installation still waits for its first account.
Result<bool> SetupPending(AppContext &ctx);

//! The accounts of the installation, for the administration page.
Result<std::vector<storage::User>> ListAccounts(AppContext &ctx, const Actor &actor);

//! Clears the e-mail's sign-in throttle (installation administrators only).
Status UnlockAccount(AppContext &ctx, const Actor &actor, Id user_id);

//! Sets a new password after checking the policy; signs out other sessions.
Status ChangePassword(AppContext &ctx, Id user_id, const std::string &new_password);

} // namespace mamori::app
