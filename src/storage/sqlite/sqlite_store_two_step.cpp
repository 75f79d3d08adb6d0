// mamori/storage/sqlite/sqlite_store_two_step.cpp
// SqliteStore: two-step login (migrations/sqlite/0020_two_step.sql).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

Result<TwoStep> ReadTwoStep(const Statement &s) {
	TwoStep row;
	row.user_id = s.ColumnInt64(0);
	row.secret = s.ColumnText(1);
	row.created_at = s.ColumnText(2);
	row.confirmed_at = s.ColumnText(3);
	row.last_used_step = s.ColumnOptionalInt64(4);
	row.failed_codes = s.ColumnInt(5);
	row.blocked_until = s.ColumnText(6);
	return row;
}

Result<PendingSignIn> ReadPendingSignIn(const Statement &s) {
	PendingSignIn row;
	row.token_hash = s.ColumnText(0);
	row.user_id = s.ColumnInt64(1);
	row.created_at = s.ColumnText(2);
	row.expires_at = s.ColumnText(3);
	row.attempts = s.ColumnInt(4);
	return row;
}

Status Done(Result<int> changes) { return changes ? OkStatus() : Status(changes.error()); }

} // namespace

Result<std::optional<TwoStep>> SqliteStore::FindTwoStep(Id user_id) {
	ConnectionUse use = Use();
	return QueryOne<TwoStep>(db(),
	                         "SELECT user_id, secret, created_at, confirmed_at, last_used_step, failed_codes, "
	                         "blocked_until FROM two_step WHERE user_id = ?",
	                         [&](Statement &s) { s.Bind(1, user_id); }, ReadTwoStep);
}

Status SqliteStore::BeginTwoStep(Id user_id, const std::string &secret, const std::string &created_at) {
	return InTransaction([&]() -> Status {
		// The WHERE on the upsert leaves an active secret alone; no change then means "active".
		Result<int> changed = Execute(db(),
		                              "INSERT INTO two_step(user_id, secret, created_at) VALUES (?1, ?2, ?3) "
		                              "ON CONFLICT(user_id) DO UPDATE SET secret = ?2, created_at = ?3, "
		                              "last_used_step = NULL, failed_codes = 0, blocked_until = '' "
		                              "WHERE two_step.confirmed_at = ''",
		                              [&](Statement &s) { s.Bind(1, user_id).Bind(2, secret).Bind(3, created_at); });
		if (!changed) {
			return changed.error();
		}
		if (*changed == 0) {
			return Error::Make(ErrorCode::kConflict, "two-step login is already active for this account");
		}
		return OkStatus();
	});
}

Status SqliteStore::ConfirmTwoStep(Id user_id, const std::string &confirmed_at, std::int64_t step) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(),
		                             "UPDATE two_step SET confirmed_at = ?, last_used_step = ?, failed_codes = 0, "
		                             "blocked_until = '' WHERE user_id = ? AND confirmed_at = ''",
		                             [&](Statement &s) { s.Bind(1, confirmed_at).Bind(2, step).Bind(3, user_id); }),
		                     "no enrolment waits for confirmation");
	});
}

Result<bool> SqliteStore::UseTwoStepStep(Id user_id, std::int64_t step) {
	Result<bool> used = false;
	Status status = InTransaction([&]() -> Status {
		Result<int> changed = Execute(db(),
		                              "UPDATE two_step SET last_used_step = ?1, failed_codes = 0, blocked_until = '' "
		                              "WHERE user_id = ?2 AND (last_used_step IS NULL OR last_used_step < ?1)",
		                              [&](Statement &s) { s.Bind(1, step).Bind(2, user_id); });
		if (!changed) {
			return changed.error();
		}
		used = *changed == 1;
		return OkStatus();
	});
	if (!status) {
		return status.error();
	}
	return used;
}

Status SqliteStore::RecordTwoStepFailures(Id user_id, int failed_codes, const std::string &blocked_until) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(), "UPDATE two_step SET failed_codes = ?, blocked_until = ? WHERE user_id = ?",
		                             [&](Statement &s) { s.Bind(1, failed_codes).Bind(2, blocked_until).Bind(3, user_id); }),
		                     "two-step login is not set up for this account");
	});
}

Status SqliteStore::DeleteTwoStep(Id user_id) {
	return InTransaction([&]() -> Status {
		if (Status done = Done(Execute(db(), "DELETE FROM two_step_recovery_codes WHERE user_id = ?",
		                               [&](Statement &s) { s.Bind(1, user_id); }));
		    !done) {
			return done;
		}
		return Done(Execute(db(), "DELETE FROM two_step WHERE user_id = ?", [&](Statement &s) { s.Bind(1, user_id); }));
	});
}

Status SqliteStore::ReplaceRecoveryCodes(Id user_id, const std::vector<std::string> &code_hashes) {
	return InTransaction([&]() -> Status {
		if (Status done = Done(Execute(db(), "DELETE FROM two_step_recovery_codes WHERE user_id = ?",
		                               [&](Statement &s) { s.Bind(1, user_id); }));
		    !done) {
			return done;
		}
		for (const std::string &hash : code_hashes) {
			Result<int> inserted = Execute(db(), "INSERT INTO two_step_recovery_codes(user_id, code_hash) VALUES (?, ?)",
			                               [&](Statement &s) { s.Bind(1, user_id).Bind(2, hash); });
			if (!inserted) {
				return OnConflict(inserted.error(), "the recovery codes must differ");
			}
		}
		return OkStatus();
	});
}

Result<bool> SqliteStore::UseRecoveryCode(Id user_id, const std::string &code_hash, const std::string &used_at) {
	Result<bool> used = false;
	Status status = InTransaction([&]() -> Status {
		Result<int> changed = Execute(db(),
		                              "UPDATE two_step_recovery_codes SET used_at = ? "
		                              "WHERE user_id = ? AND code_hash = ? AND used_at = ''",
		                              [&](Statement &s) { s.Bind(1, used_at).Bind(2, user_id).Bind(3, code_hash); });
		if (!changed) {
			return changed.error();
		}
		used = *changed == 1;
		return OkStatus();
	});
	if (!status) {
		return status.error();
	}
	return used;
}

Result<int> SqliteStore::CountUnusedRecoveryCodes(Id user_id) {
	ConnectionUse use = Use();
	Result<std::optional<int>> count = QueryOne<int>(
	    db(), "SELECT COUNT(*) FROM two_step_recovery_codes WHERE user_id = ? AND used_at = ''",
	    [&](Statement &s) { s.Bind(1, user_id); }, [](const Statement &s) -> Result<int> { return s.ColumnInt(0); });
	if (!count) {
		return count.error();
	}
	return count->value_or(0);
}

Status SqliteStore::CreatePendingSignIn(const PendingSignIn &pending) {
	return InTransaction([&]() -> Status {
		// Expired ones are of no use to anybody; clear them as new ones arrive.
		if (Status done = Done(Execute(db(), "DELETE FROM pending_sign_ins WHERE expires_at <= ?",
		                               [&](Statement &s) { s.Bind(1, pending.created_at); }));
		    !done) {
			return done;
		}
		Result<int> inserted = Execute(db(),
		                               "INSERT INTO pending_sign_ins(token_hash, user_id, created_at, expires_at) "
		                               "VALUES (?, ?, ?, ?)",
		                               [&](Statement &s) {
			                               s.Bind(1, pending.token_hash)
			                                   .Bind(2, pending.user_id)
			                                   .Bind(3, pending.created_at)
			                                   .Bind(4, pending.expires_at);
		                               });
		return inserted ? OkStatus() : Status(OnConflict(inserted.error(), "the sign-in token is already in use"));
	});
}

Result<std::optional<PendingSignIn>> SqliteStore::FindPendingSignIn(const std::string &token_hash,
                                                                    const std::string &now) {
	ConnectionUse use = Use();
	return QueryOne<PendingSignIn>(db(),
	                               "SELECT token_hash, user_id, created_at, expires_at, attempts FROM pending_sign_ins "
	                               "WHERE token_hash = ? AND expires_at > ?",
	                               [&](Statement &s) { s.Bind(1, token_hash).Bind(2, now); }, ReadPendingSignIn);
}

Result<int> SqliteStore::CountPendingSignInAttempt(const std::string &token_hash) {
	Result<int> attempts = 0;
	Status status = InTransaction([&]() -> Status {
		if (Status done = ExpectChanged(Execute(db(), "UPDATE pending_sign_ins SET attempts = attempts + 1 WHERE token_hash = ?",
		                                        [&](Statement &s) { s.Bind(1, token_hash); }),
		                                "the sign-in has ended");
		    !done) {
			return done;
		}
		Result<std::optional<int>> count = QueryOne<int>(
		    db(), "SELECT attempts FROM pending_sign_ins WHERE token_hash = ?", [&](Statement &s) { s.Bind(1, token_hash); },
		    [](const Statement &s) -> Result<int> { return s.ColumnInt(0); });
		if (!count) {
			return count.error();
		}
		attempts = count->value_or(0);
		return OkStatus();
	});
	if (!status) {
		return status.error();
	}
	return attempts;
}

Status SqliteStore::DeletePendingSignIn(const std::string &token_hash) {
	return InTransaction([&]() -> Status {
		return Done(Execute(db(), "DELETE FROM pending_sign_ins WHERE token_hash = ?",
		                    [&](Statement &s) { s.Bind(1, token_hash); }));
	});
}

Result<bool> SqliteStore::OrganizationRequiresTwoStep(Id org_id) {
	ConnectionUse use = Use();
	Result<std::optional<bool>> required =
	    QueryOne<bool>(db(), "SELECT require_two_step FROM organizations WHERE id = ?",
	                   [&](Statement &s) { s.Bind(1, org_id); },
	                   [](const Statement &s) -> Result<bool> { return s.ColumnBool(0); });
	if (!required) {
		return required.error();
	}
	if (!required->has_value()) {
		return Error::Make(ErrorCode::kNotFound, "the organisation does not exist");
	}
	return **required;
}

Status SqliteStore::SetOrganizationRequiresTwoStep(Id org_id, bool required) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(), "UPDATE organizations SET require_two_step = ? WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, required).Bind(2, org_id); }),
		                     "the organisation does not exist");
	});
}

} // namespace mamori::storage
