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
		id = Inserted(db(), Execute(db(),
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
	ConnectionUse use = Use();
	// The column is COLLATE NOCASE, so the lookup ignores ASCII case too.
	return QueryOne<User>(db(), kUserColumns + "WHERE email = ?", [&](Statement &s) { s.Bind(1, email); }, ReadUser);
}

Result<std::optional<User>> SqliteStore::FindUserById(Id user_id) {
	ConnectionUse use = Use();
	return QueryOne<User>(db(), kUserColumns + "WHERE id = ?", [&](Statement &s) { s.Bind(1, user_id); }, ReadUser);
}

Status SqliteStore::UpdatePasswordHash(Id user_id, const std::string &hash) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(), "UPDATE users SET password_hash = ? WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, hash).Bind(2, user_id); }),
		                     "the user does not exist");
	});
}

Status SqliteStore::UpdateDisplayName(Id user_id, const std::string &display_name) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(), "UPDATE users SET display_name = ? WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, display_name).Bind(2, user_id); }),
		                     "the user does not exist");
	});
}

Status SqliteStore::UpdateUserLocale(Id user_id, const std::string &locale) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(), "UPDATE users SET locale = ? WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, locale).Bind(2, user_id); }),
		                     "the user does not exist");
	});
}

Status SqliteStore::RecordFailedLogin(Id user_id, int failed_logins, const std::string &locked_until) {
	return InTransaction([&]() -> Status {
		// An empty locked_until keeps any lock already in place.
		return ExpectChanged(Execute(db(),
		                             "UPDATE users SET failed_logins = ?1, "
		                             "locked_until = CASE WHEN ?2 = '' THEN locked_until ELSE ?2 END WHERE id = ?3",
		                             [&](Statement &s) { s.Bind(1, failed_logins).Bind(2, locked_until).Bind(3, user_id); }),
		                     "the user does not exist");
	});
}

Status SqliteStore::ResetFailedLogins(Id user_id) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(), "UPDATE users SET failed_logins = 0, locked_until = '' WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, user_id); }),
		                     "the user does not exist");
	});
}

Result<std::vector<User>> SqliteStore::ListUsers(int limit, int offset) {
	ConnectionUse use = Use();
	// A deleted account is only a placeholder for the ids the audit log names (0023).
	return QueryAll<User>(db(), kUserColumns + "WHERE deleted_at = '' ORDER BY email LIMIT ? OFFSET ?",
	                      [&](Statement &s) { s.Bind(1, limit).Bind(2, offset); }, ReadUser);
}

// --- sessions -------------------------------------------------------------------

Status SqliteStore::CreateSession(const Session &session) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(),
		                           "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at, "
		                           "last_seen_at, client, user_agent, failed_sign_ins, password_at) "
		                           "VALUES (?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW "), ?, ?, ?, ?, ?, ?)",
		                           [&](Statement &s) {
			                           s.Bind(1, session.token_hash)
			                               .Bind(2, session.user_id)
			                               .Bind(3, session.csrf_token)
			                               .Bind(4, session.created_at)
			                               .Bind(5, session.expires_at)
			                               .Bind(6, session.last_seen_at)
			                               .Bind(7, session.client)
			                               .Bind(8, session.user_agent)
			                               .Bind(9, session.failed_sign_ins)
			                               .Bind(10, session.password_at);
		                           });
		return done ? OkStatus() : Status(OnConflict(done.error(), "the session token is already in use"));
	});
}

Result<std::optional<Session>> SqliteStore::FindSession(const std::string &token_hash, const std::string &now) {
	ConnectionUse use = Use();
	return QueryOne<Session>(db(), kSessionColumns + "WHERE token_hash = ? AND expires_at > ?",
	                         [&](Statement &s) { s.Bind(1, token_hash).Bind(2, now); }, ReadSession);
}

Result<std::optional<SessionWithUser>> SqliteStore::FindSessionUser(const std::string &token_hash, const std::string &now) {
	ConnectionUse use = Use();
	return QueryOne<SessionWithUser>(db(), kSessionUserColumns + "WHERE s.token_hash = ? AND s.expires_at > ?",
	                             [&](Statement &s) { s.Bind(1, token_hash).Bind(2, now); }, ReadSessionUser);
}

Result<std::optional<SessionWithAccess>> SqliteStore::FindSessionUserWithAccess(const std::string &token_hash,
                                                                              const std::string &now, Id org_id,
                                                                              const std::string &setting_key) {
	ConnectionUse use = Use();
	// kSessionUserColumns' nineteen, then kOrgAccessColumns over the session user's membership of
	// org_id (LEFT JOINs: no role there still finds the session).
	static const std::string kSql =
	    "SELECT " + kSessionUserColumnList + ", " + kOrgAccessColumns +
	    "FROM sessions s JOIN users u ON u.id = s.user_id "
	    "LEFT JOIN memberships m ON m.user_id = s.user_id AND m.org_id = ? "
	    "LEFT JOIN organizations o ON o.id = m.org_id AND o.deleted_at = '' "
	    "WHERE s.token_hash = ? AND s.expires_at > ?";
	return QueryOne<SessionWithAccess>(
	    db(), kSql,
	    [&](Statement &s) { s.Bind(1, setting_key).Bind(2, org_id).Bind(3, token_hash).Bind(4, now); },
	    [](const Statement &s) -> Result<SessionWithAccess> {
		    SessionWithAccess row;
		    row.session_user = MAMORI_TRY(ReadSessionUser(s));
		    row.access = MAMORI_TRY(ReadOrgAccessAt(s, 19));
		    return row;
	    });
}

Status SqliteStore::DeleteSession(const std::string &token_hash) {
	return InTransaction([&]() -> Status {
		// Signing out twice is not an error.
		Result<int> done = Execute(db(), "DELETE FROM sessions WHERE token_hash = ?",
		                           [&](Statement &s) { s.Bind(1, token_hash); });
		return done ? OkStatus() : Status(done.error());
	});
}

Status SqliteStore::DeleteSessionsOfUser(Id user_id) {
	return InTransaction([&]() -> Status {
		Result<int> done =
		    Execute(db(), "DELETE FROM sessions WHERE user_id = ?", [&](Statement &s) { s.Bind(1, user_id); });
		return done ? OkStatus() : Status(done.error());
	});
}

Result<std::vector<Session>> SqliteStore::ListSessionsOfUser(Id user_id, const std::string &now) {
	ConnectionUse use = Use();
	return QueryAll<Session>(db(), kSessionColumns + "WHERE user_id = ? AND expires_at > ? ORDER BY created_at DESC, token_hash",
	                         [&](Statement &s) { s.Bind(1, user_id).Bind(2, now); }, ReadSession);
}

Result<bool> SqliteStore::DeleteSessionOfUser(Id user_id, const std::string &token_hash) {
	Result<bool> deleted = false;
	Status status = InTransaction([&]() -> Status {
		Result<int> done = Execute(db(), "DELETE FROM sessions WHERE user_id = ? AND token_hash = ?",
		                           [&](Statement &s) { s.Bind(1, user_id).Bind(2, token_hash); });
		if (!done) {
			return done.error();
		}
		deleted = *done > 0;
		return OkStatus();
	});
	if (!status) {
		return status.error();
	}
	return deleted;
}

Result<int> SqliteStore::DeleteOtherSessionsOfUser(Id user_id, const std::string &keep_token_hash) {
	Result<int> ended = 0;
	Status status = InTransaction([&]() -> Status {
		ended = Execute(db(), "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?",
		                [&](Statement &s) { s.Bind(1, user_id).Bind(2, keep_token_hash); });
		return ended ? OkStatus() : Status(ended.error());
	});
	if (!status) {
		return status.error();
	}
	return ended;
}

Status SqliteStore::TouchSession(const std::string &token_hash, const std::string &now) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(), "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?",
		                           [&](Statement &s) { s.Bind(1, now).Bind(2, token_hash); });
		return done ? OkStatus() : Status(done.error());
	});
}

Status SqliteStore::MarkPasswordEntered(const std::string &token_hash, const std::string &at) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(), "UPDATE sessions SET password_at = ? WHERE token_hash = ?",
		                           [&](Statement &s) { s.Bind(1, at).Bind(2, token_hash); });
		return done ? OkStatus() : Status(done.error());
	});
}

Status SqliteStore::ClearSessionFailedSignIns(const std::string &token_hash) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(), "UPDATE sessions SET failed_sign_ins = 0 WHERE token_hash = ?",
		                           [&](Statement &s) { s.Bind(1, token_hash); });
		return done ? OkStatus() : Status(done.error());
	});
}

// --- sign-in throttling -----------------------------------------------------------

namespace {

Result<SignInFailures> ReadSignInFailures(const Statement &s) {
	return SignInFailures{s.ColumnText(0), static_cast<int>(s.ColumnInt64(1)), s.ColumnText(2)};
}

} // namespace

Status SqliteStore::RecordSignInFailure(const std::string &throttle_key, const std::string &at) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(), "INSERT INTO sign_in_failures(throttle_key, failed_at) VALUES (?, ?)",
		                           [&](Statement &s) { s.Bind(1, throttle_key).Bind(2, at); });
		return done ? OkStatus() : Status(done.error());
	});
}

Result<std::vector<SignInFailures>> SqliteStore::CountSignInFailures(const std::vector<std::string> &throttle_keys,
                                                                     const std::string &since) {
	ConnectionUse use = Use();
	std::vector<SignInFailures> found;
	// One indexed lookup per key (two at sign-in), rather than building an IN list.
	for (const auto &key : throttle_keys) {
		auto counted = QueryOne<SignInFailures>(
		    db(),
		    "SELECT throttle_key, COUNT(*), MAX(failed_at) FROM sign_in_failures "
		    "WHERE throttle_key = ? AND failed_at > ? GROUP BY throttle_key",
		    [&](Statement &s) { s.Bind(1, key).Bind(2, since); }, ReadSignInFailures);
		if (!counted) {
			return counted.error();
		}
		if (counted->has_value()) {
			found.push_back(**counted);
		}
	}
	return found;
}

Result<std::vector<SignInFailures>> SqliteStore::ListSignInFailures(const std::string &key_prefix,
                                                                    const std::string &since) {
	ConnectionUse use = Use();
	return QueryAll<SignInFailures>(db(),
	                                "SELECT throttle_key, COUNT(*), MAX(failed_at) FROM sign_in_failures "
	                                "WHERE substr(throttle_key, 1, length(?1)) = ?1 AND failed_at > ?2 "
	                                "GROUP BY throttle_key ORDER BY throttle_key",
	                                [&](Statement &s) { s.Bind(1, key_prefix).Bind(2, since); }, ReadSignInFailures);
}

Status SqliteStore::ClearSignInFailures(const std::string &throttle_key) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(), "DELETE FROM sign_in_failures WHERE throttle_key = ?",
		                           [&](Statement &s) { s.Bind(1, throttle_key); });
		return done ? OkStatus() : Status(done.error());
	});
}

Status SqliteStore::PruneSignInFailures(const std::string &before) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(), "DELETE FROM sign_in_failures WHERE failed_at <= ?",
		                           [&](Statement &s) { s.Bind(1, before); });
		return done ? OkStatus() : Status(done.error());
	});
}

Status SqliteStore::AddFailedSinceSignIn(Id user_id) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(), "UPDATE users SET failed_since_sign_in = failed_since_sign_in + 1 WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, user_id); }),
		                     "the user does not exist");
	});
}

Result<int> SqliteStore::TakeFailedSinceSignIn(Id user_id) {
	Result<int> taken = 0;
	Status status = InTransaction([&]() -> Status {
		auto count = QueryOne<int>(db(), "SELECT failed_since_sign_in FROM users WHERE id = ?",
		                           [&](Statement &s) { s.Bind(1, user_id); },
		                           [](const Statement &s) -> Result<int> { return static_cast<int>(s.ColumnInt64(0)); });
		if (!count) {
			return count.error();
		}
		if (!count->has_value()) {
			return Error::Make(ErrorCode::kNotFound, "the user does not exist");
		}
		taken = **count;
		if (**count == 0) {
			return OkStatus();
		}
		Result<int> done = Execute(db(), "UPDATE users SET failed_since_sign_in = 0 WHERE id = ?",
		                           [&](Statement &s) { s.Bind(1, user_id); });
		return done ? OkStatus() : Status(done.error());
	});
	if (!status) {
		return status.error();
	}
	return taken;
}

// --- invitations ------------------------------------------------------------------

Status SqliteStore::CreateInvitation(const Invitation &invitation) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(),
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
	ConnectionUse use = Use();
	return QueryOne<Invitation>(db(),
	                            "SELECT token_hash, org_id, user_id, expires_at, accepted_at FROM invitations "
	                            "WHERE token_hash = ? AND expires_at > ? AND accepted_at = ''",
	                            [&](Statement &s) { s.Bind(1, token_hash).Bind(2, now); }, ReadInvitation);
}

Result<int> SqliteStore::DeletePendingInvitationsOfUser(Id user_id) {
	int deleted = 0;
	Status status = InTransaction([&]() -> Status {
		deleted = MAMORI_TRY(Execute(db(), "DELETE FROM invitations WHERE user_id = ? AND accepted_at = ''",
		                             [&](Statement &s) { s.Bind(1, user_id); }));
		return OkStatus();
	});
	if (!status) {
		return status.error();
	}
	return deleted;
}

Status SqliteStore::MarkInvitationAccepted(const std::string &token_hash, const std::string &now) {
	return InTransaction([&]() -> Status {
		// The conditions repeat FindInvitation's, so two concurrent accepts of
		// one link cannot both succeed.
		Result<int> changed = Execute(db(),
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
		    db(), "SELECT token_hash, org_id, user_id, expires_at, accepted_at FROM invitations WHERE token_hash = ?",
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
