// mamori/storage/sqlite/sqlite_store_accounts.cpp
// SqliteStore: users, sessions and invitations.
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

// --- accounts -------------------------------------------------------------------

Result<Id> SqliteStore::CreateUser(const User &user) {
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		id = Inserted(db_, Execute(db_,
		                           "INSERT INTO users(email, display_name, password_hash, is_admin, failed_logins, "
		                           "locked_until, created_at) VALUES (?, ?, ?, ?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW "))",
		                           [&](Statement &s) {
			                           s.Bind(1, AsciiLower(user.email))
			                               .Bind(2, user.display_name)
			                               .Bind(3, user.password_hash)
			                               .Bind(4, user.is_admin)
			                               .Bind(5, user.failed_logins)
			                               .Bind(6, user.locked_until)
			                               .Bind(7, user.created_at);
		                           }));
		return id ? OkStatus() : Status(OnConflict(id.error(), "the e-mail address " + user.email + " is already registered"));
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Result<std::optional<User>> SqliteStore::FindUserByEmail(const std::string &email) {
	std::lock_guard lock(mutex_);
	// The column is COLLATE NOCASE, so the lookup ignores ASCII case too.
	return QueryOne<User>(db_, kUserColumns + "WHERE email = ?", [&](Statement &s) { s.Bind(1, email); }, ReadUser);
}

Result<std::optional<User>> SqliteStore::FindUserById(Id user_id) {
	std::lock_guard lock(mutex_);
	return QueryOne<User>(db_, kUserColumns + "WHERE id = ?", [&](Statement &s) { s.Bind(1, user_id); }, ReadUser);
}

Status SqliteStore::UpdatePasswordHash(Id user_id, const std::string &hash) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_, "UPDATE users SET password_hash = ? WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, hash).Bind(2, user_id); }),
		                     "the user does not exist");
	});
}

Status SqliteStore::UpdateDisplayName(Id user_id, const std::string &display_name) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_, "UPDATE users SET display_name = ? WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, display_name).Bind(2, user_id); }),
		                     "the user does not exist");
	});
}

Status SqliteStore::UpdateUserLocale(Id user_id, const std::string &locale) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_, "UPDATE users SET locale = ? WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, locale).Bind(2, user_id); }),
		                     "the user does not exist");
	});
}

Status SqliteStore::RecordFailedLogin(Id user_id, int failed_logins, const std::string &locked_until) {
	return InTransaction([&]() -> Status {
		// An empty locked_until keeps any lock already in place.
		return ExpectChanged(Execute(db_,
		                             "UPDATE users SET failed_logins = ?1, "
		                             "locked_until = CASE WHEN ?2 = '' THEN locked_until ELSE ?2 END WHERE id = ?3",
		                             [&](Statement &s) { s.Bind(1, failed_logins).Bind(2, locked_until).Bind(3, user_id); }),
		                     "the user does not exist");
	});
}

Status SqliteStore::ResetFailedLogins(Id user_id) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_, "UPDATE users SET failed_logins = 0, locked_until = '' WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, user_id); }),
		                     "the user does not exist");
	});
}

Result<std::vector<User>> SqliteStore::ListUsers(int limit, int offset) {
	std::lock_guard lock(mutex_);
	return QueryAll<User>(db_, kUserColumns + "ORDER BY email LIMIT ? OFFSET ?",
	                      [&](Statement &s) { s.Bind(1, limit).Bind(2, offset); }, ReadUser);
}

// --- sessions -------------------------------------------------------------------

Status SqliteStore::CreateSession(const Session &session) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db_,
		                           "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at) "
		                           "VALUES (?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW "), ?)",
		                           [&](Statement &s) {
			                           s.Bind(1, session.token_hash)
			                               .Bind(2, session.user_id)
			                               .Bind(3, session.csrf_token)
			                               .Bind(4, session.created_at)
			                               .Bind(5, session.expires_at);
		                           });
		return done ? OkStatus() : Status(OnConflict(done.error(), "the session token is already in use"));
	});
}

Result<std::optional<Session>> SqliteStore::FindSession(const std::string &token_hash, const std::string &now) {
	std::lock_guard lock(mutex_);
	return QueryOne<Session>(db_, kSessionColumns + "WHERE token_hash = ? AND expires_at > ?",
	                         [&](Statement &s) { s.Bind(1, token_hash).Bind(2, now); }, ReadSession);
}

Status SqliteStore::DeleteSession(const std::string &token_hash) {
	return InTransaction([&]() -> Status {
		// Signing out twice is not an error.
		Result<int> done = Execute(db_, "DELETE FROM sessions WHERE token_hash = ?",
		                           [&](Statement &s) { s.Bind(1, token_hash); });
		return done ? OkStatus() : Status(done.error());
	});
}

Status SqliteStore::DeleteSessionsOfUser(Id user_id) {
	return InTransaction([&]() -> Status {
		Result<int> done =
		    Execute(db_, "DELETE FROM sessions WHERE user_id = ?", [&](Statement &s) { s.Bind(1, user_id); });
		return done ? OkStatus() : Status(done.error());
	});
}

// --- invitations ------------------------------------------------------------------

Status SqliteStore::CreateInvitation(const Invitation &invitation) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db_,
		                           "INSERT INTO invitations(token_hash, org_id, user_id, expires_at, accepted_at) "
		                           "VALUES (?, ?, ?, ?, ?)",
		                           [&](Statement &s) {
			                           s.Bind(1, invitation.token_hash)
			                               .Bind(2, invitation.org_id)
			                               .Bind(3, invitation.user_id)
			                               .Bind(4, invitation.expires_at)
			                               .Bind(5, invitation.accepted_at);
		                           });
		return done ? OkStatus() : Status(OnConflict(done.error(), "the invitation token is already in use"));
	});
}

Result<std::optional<Invitation>> SqliteStore::FindInvitation(const std::string &token_hash, const std::string &now) {
	std::lock_guard lock(mutex_);
	return QueryOne<Invitation>(db_,
	                            "SELECT token_hash, org_id, user_id, expires_at, accepted_at FROM invitations "
	                            "WHERE token_hash = ? AND expires_at > ? AND accepted_at = ''",
	                            [&](Statement &s) { s.Bind(1, token_hash).Bind(2, now); }, ReadInvitation);
}

Status SqliteStore::MarkInvitationAccepted(const std::string &token_hash, const std::string &now) {
	return InTransaction([&]() -> Status {
		// The conditions repeat FindInvitation's, so two concurrent accepts of
		// one link cannot both succeed.
		Result<int> changed = Execute(db_,
		                              "UPDATE invitations SET accepted_at = ?1 "
		                              "WHERE token_hash = ?2 AND accepted_at = '' AND expires_at > ?1",
		                              [&](Statement &s) { s.Bind(1, now).Bind(2, token_hash); });
		if (!changed) {
			return changed.error();
		}
		if (*changed == 1) {
			return OkStatus();
		}
		Result<std::optional<Invitation>> existing = QueryOne<Invitation>(
		    db_, "SELECT token_hash, org_id, user_id, expires_at, accepted_at FROM invitations WHERE token_hash = ?",
		    [&](Statement &s) { s.Bind(1, token_hash); }, ReadInvitation);
		if (!existing) {
			return existing.error();
		}
		if (!existing->has_value()) {
			return Error::Make(ErrorCode::kNotFound, "the invitation does not exist");
		}
		if (!(*existing)->accepted_at.empty()) {
			return Error::Make(ErrorCode::kConflict, "the invitation has already been used");
		}
		return Error::Make(ErrorCode::kNotFound, "the invitation has expired");
	});
}

} // namespace mamori::storage
