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
	virtual Status RecordFailedLogin(Id user_id, int failed_logins, const std::string &locked_until) = 0;
	virtual Status ResetFailedLogins(Id user_id) = 0;
	//! Every account, ordered by e-mail, for the installation administrator.
	virtual Result<std::vector<User>> ListUsers(int limit, int offset) = 0;

	// --- sessions -------------------------------------------------------
	virtual Status CreateSession(const Session &session) = 0;
	virtual Result<std::optional<Session>> FindSession(const std::string &token_hash, const std::string &now) = 0;
	virtual Status DeleteSession(const std::string &token_hash) = 0;
	virtual Status DeleteSessionsOfUser(Id user_id) = 0;

	// --- invitations ----------------------------------------------------
	virtual Status CreateInvitation(const Invitation &invitation) = 0;
	virtual Result<std::optional<Invitation>> FindInvitation(const std::string &token_hash, const std::string &now) = 0;
	virtual Status MarkInvitationAccepted(const std::string &token_hash, const std::string &now) = 0;
};

} // namespace mamori::storage
