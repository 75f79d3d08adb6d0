// mamori/storage/account_store.hpp
//
// Accounts, sessions and invitations: who may sign in, and how.
// One area of the Store interface (storage/store.hpp), which inherits it;
// the organisation-scoping rule stated there holds here too.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

class AccountStore {
public:
	virtual ~AccountStore() = default;

	//! Accounts in the installation (0 before the first set-up).
	virtual Result<int> CountUsers() = 0;
	//! Fails with kConflict when the e-mail is taken.
	virtual Result<Id> CreateUser(const User &user) = 0;
	virtual Result<std::optional<User>> FindUserByEmail(const std::string &email) = 0;
	virtual Result<std::optional<User>> FindUserById(Id user_id) = 0;
	virtual Status UpdatePasswordHash(Id user_id, const std::string &hash) = 0;
	virtual Status UpdateDisplayName(Id user_id, const std::string &display_name) = 0;
	//! The user's chosen UI language ("ja", "en", or "" for not chosen).
	virtual Status UpdateUserLocale(Id user_id, const std::string &locale) = 0;
	//! Records a failed sign-in; sets locked_until when given.
	//! Unused since issue 10 replaced the lockout with throttling (kept for old data and tests).
	virtual Status RecordFailedLogin(Id user_id, int failed_logins, const std::string &locked_until) = 0;
	virtual Status ResetFailedLogins(Id user_id) = 0;
	//! Every account, ordered by e-mail, for the installation administrator.
	virtual Result<std::vector<User>> ListUsers(int limit, int offset) = 0;

	// --- sessions -------------------------------------------------------
	virtual Status CreateSession(const Session &session) = 0;
	virtual Result<std::optional<Session>> FindSession(const std::string &token_hash, const std::string &now) = 0;
	//! FindSession and FindUserById in one query: a live session and its user, or nothing.
	virtual Result<std::optional<SessionWithUser>> FindSessionUser(const std::string &token_hash, const std::string &now) = 0;
	//! FindSessionUser and FindOrgAccess(org_id, the session's user, setting_key) in one query.
	virtual Result<std::optional<SessionWithAccess>> FindSessionUserWithAccess(const std::string &token_hash,
	                                                                           const std::string &now, Id org_id,
	                                                                           const std::string &setting_key) = 0;
	virtual Status DeleteSession(const std::string &token_hash) = 0;
	virtual Status DeleteSessionsOfUser(Id user_id) = 0;
	//! The user's sessions not yet expired at `now` (absolute expiry only), newest first.
	virtual Result<std::vector<Session>> ListSessionsOfUser(Id user_id, const std::string &now) = 0;
	//! Ends one of the user's sessions; false when the user has no such session.
	virtual Result<bool> DeleteSessionOfUser(Id user_id, const std::string &token_hash) = 0;
	//! Ends every session of the user but `keep_token_hash`; returns how many ended.
	virtual Result<int> DeleteOtherSessionsOfUser(Id user_id, const std::string &keep_token_hash) = 0;
	virtual Status TouchSession(const std::string &token_hash, const std::string &now) = 0;
	//! The password was entered for this session at `at` (re-authentication, app/reauth.hpp).
	virtual Status MarkPasswordEntered(const std::string &token_hash, const std::string &at) = 0;
	//! The failed sign-ins of the session have been told to its user.
	virtual Status ClearSessionFailedSignIns(const std::string &token_hash) = 0;

	// --- sign-in throttling (core/security/sign_in_throttle.hpp) -----------
	virtual Status RecordSignInFailure(const std::string &throttle_key, const std::string &at) = 0;
	//! Failures of the given keys after `since`; keys without any are left out.
	virtual Result<std::vector<SignInFailures>> CountSignInFailures(const std::vector<std::string> &throttle_keys,
	                                                                const std::string &since) = 0;
	//! Failures of every key starting with `key_prefix` after `since`.
	virtual Result<std::vector<SignInFailures>> ListSignInFailures(const std::string &key_prefix,
	                                                               const std::string &since) = 0;
	virtual Status ClearSignInFailures(const std::string &throttle_key) = 0;
	//! Deletes failures at or before `before` (they no longer count).
	virtual Status PruneSignInFailures(const std::string &before) = 0;
	//! One more wrong password for the account since its owner last signed in.
	virtual Status AddFailedSinceSignIn(Id user_id) = 0;
	//! The wrong passwords since the last sign-in, setting the count back to 0.
	virtual Result<int> TakeFailedSinceSignIn(Id user_id) = 0;

	// --- invitations ----------------------------------------------------
	virtual Status CreateInvitation(const Invitation &invitation) = 0;
	virtual Result<std::optional<Invitation>> FindInvitation(const std::string &token_hash, const std::string &now) = 0;
	virtual Status MarkInvitationAccepted(const std::string &token_hash, const std::string &now) = 0;
	//! Deletes the account's invitations not yet accepted (a new link replaces them). Returns how many.
	virtual Result<int> DeletePendingInvitationsOfUser(Id user_id) = 0;
};

} // namespace mamori::storage
