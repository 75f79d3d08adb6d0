// mamori/app/accounts.hpp
//
// Accounts, sign-in with lockout, and sessions.
#pragma once

#include "app/app_context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

inline constexpr int kMaxFailedLogins = 5;            // then the account is locked…
inline constexpr long long kLockoutSeconds = 15 * 60;  // …for this long
inline constexpr long long kSessionSeconds = 8 * 3600;  // one working day

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
//! kRateLimited while the account is locked after repeated failures. Every failure is audited
//! (account.login_failed / account.locked) with the e-mail given and `client`, the address the
//! attempt came from ("" when unknown, e.g. the CLI).
Result<storage::User> Authenticate(AppContext &ctx, const std::string &email, const std::string &password,
                                   const std::string &client = "");

struct IssuedSession {
	std::string token;  // goes into the cookie; only its hash is stored
	std::string csrf_token;
	std::string expires_at;
};

//! Audited as session.start with `client`, the address the sign-in came from ("" when unknown).
Result<IssuedSession> StartSession(AppContext &ctx, Id user_id, const std::string &client = "");

struct SessionUser {
	storage::User user;
	std::string csrf_token;
	std::string token_hash;
};

//! The signed-in user for a cookie token, or nullopt when absent/expired.
Result<std::optional<SessionUser>> ResolveSession(AppContext &ctx, const std::string &token);
Status EndSession(AppContext &ctx, const std::string &token);
//! Signs out the session already resolved for this request.
Status EndSession(AppContext &ctx, const SessionUser &session);

//! Whether the installation still waits for its first account.
Result<bool> SetupPending(AppContext &ctx);

//! The accounts of the installation, for the administration page.
Result<std::vector<storage::User>> ListAccounts(AppContext &ctx, const Actor &actor);

//! Clears a lockout (installation administrators only).
Status UnlockAccount(AppContext &ctx, const Actor &actor, Id user_id);

//! Sets a new password after checking the policy; signs out other sessions.
Status ChangePassword(AppContext &ctx, Id user_id, const std::string &new_password);

} // namespace mamori::app
