// mamori/storage/sqlite/sqlite_store_removal.cpp
// SqliteStore: deleting accounts and organisations, and the retention deletions
// (storage/removal_store.hpp, migrations/sqlite/0023_limits_and_removal.sql).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

// Every table with an org_id column but audit_log (kept: it is the chain) and organizations
// itself, children before their parents. Rows below these (revisions, responses, events,
// participants, attendance...) go with them by ON DELETE CASCADE. The storage tests check that
// no table with an org_id column is missing here.
constexpr const char *kOrganizationTables[] = {
    "inspection_findings", "inspections", "owner_records",
    "engagement_requests", "engagement_visits", "engagements",  // coaching (0027)
    "risk_treatments", "control_answer_reviews", "control_answers", "planned_control_answers",
    "threat_frequencies", "incident_help_sheets", "incident_procedure_adaptations", "incidents",
    "continuity_systems", "exercises", "exercise_scenarios", "training_sessions", "cloud_services",
    "outsourcing_partners", "assets", "documents", "selfcheck_round_scores", "selfcheck_rounds", "five_articles", "it_environments",
    "invitations", "memberships", "departments",
};

// What an account leaves behind that is about the person rather than the organisation's work.
constexpr const char *kPersonalTables[] = {
    "sessions", "pending_sign_ins", "two_step_recovery_codes", "two_step", "memberships", "invitations",
    "document_reads",
};

} // namespace

std::vector<std::string> OrganizationDataTables() {
	return {std::begin(kOrganizationTables), std::end(kOrganizationTables)};
}

Result<std::vector<Organization>> SqliteStore::OrganizationsLedOnlyBy(Id user_id) {
	ConnectionUse use = Use();
	return QueryAll<Organization>(
	    db(),
	    kOrgColumns +
	        "WHERE deleted_at = '' AND id IN (SELECT m.org_id FROM memberships m WHERE m.user_id = ?1 "
	        "AND m.role IN ('admin', 'manager', 'consultant') AND NOT EXISTS (SELECT 1 FROM memberships o "
	        "JOIN users u ON u.id = o.user_id WHERE o.org_id = m.org_id AND o.user_id <> ?1 "
	        "AND o.role IN ('admin', 'manager') AND u.password_hash <> '')) ORDER BY id",
	    [&](Statement &s) { s.Bind(1, user_id); }, ReadOrganization);
}

Status SqliteStore::AnonymizeUser(Id user_id, const std::string &placeholder_email, const std::string &at) {
	return InTransaction([&]() -> Status {
		auto in_use = Exists(db(), "SELECT 1 FROM users WHERE id = ? AND deleted_at = ''",
		                     [&](Statement &s) { s.Bind(1, user_id); });
		if (!in_use) {
			return in_use.error();
		}
		if (!*in_use) {
			return Error::Make(ErrorCode::kNotFound, "errors.not_found");
		}
		for (const char *table : kPersonalTables) {
			MAMORI_TRY(Execute(db(), std::string("DELETE FROM ") + table + " WHERE user_id = ?",
			                   [&](Statement &s) { s.Bind(1, user_id); }));
		}
		return ExpectChanged(Execute(db(),
		                             "UPDATE users SET email = ?, display_name = '', password_hash = '', locale = '', "
		                             "is_admin = 0, failed_since_sign_in = 0, deleted_at = ? WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, placeholder_email).Bind(2, at).Bind(3, user_id); }),
		                     "the account does not exist");
	});
}

Status SqliteStore::EmptyOrganization(Id org_id, const std::string &at) {
	return InTransaction([&]() -> Status {
		auto in_use = Exists(db(), "SELECT 1 FROM organizations WHERE id = ? AND deleted_at = ''",
		                     [&](Statement &s) { s.Bind(1, org_id); });
		if (!in_use) {
			return in_use.error();
		}
		if (!*in_use) {
			return Error::Make(ErrorCode::kNotFound, "errors.not_found");
		}
		for (const char *table : kOrganizationTables) {
			MAMORI_TRY(Execute(db(), std::string("DELETE FROM ") + table + " WHERE org_id = ?",
			                   [&](Statement &s) { s.Bind(1, org_id); }));
		}
		return ExpectChanged(Execute(db(),
		                             "UPDATE organizations SET name = '', industry = '', capital_yen = 0, employees = 0, "
		                             "profile_flags = '', require_two_step = 0, deleted_at = ? WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, at).Bind(2, org_id); }),
		                     "the organisation does not exist");
	});
}

Result<int> SqliteStore::DeleteTrainingOfFormerMembers(const std::string &before_date) {
	Result<int> total = 0;
	Status status = InTransaction([&]() -> Status {
		int removed = 0;
		for (const char *table : {"training_audience", "training_attendance", "training_quiz_results"}) {
			const std::string sql =
			    std::string("DELETE FROM ") + table + " WHERE EXISTS (SELECT 1 FROM training_sessions s WHERE s.id = " +
			    table + ".session_id AND COALESCE(s.held_on, s.planned_on) < ? AND NOT EXISTS (SELECT 1 FROM "
			    "memberships m WHERE m.org_id = s.org_id AND m.user_id = " + table + ".user_id))";
			removed += MAMORI_TRY(Execute(db(), sql, [&](Statement &s) { s.Bind(1, before_date); }));
		}
		total = removed;
		return OkStatus();
	});
	if (!status) {
		return status.error();
	}
	return total;
}

Result<int> SqliteStore::UnlinkClosedIncidentPeople(const std::string &closed_before) {
	Result<int> total = 0;
	Status status = InTransaction([&]() -> Status {
		const int events = MAMORI_TRY(Execute(
		    db(),
		    "UPDATE incident_events SET user_id = NULL WHERE user_id IS NOT NULL AND incident_id IN "
		    "(SELECT id FROM incidents WHERE status = 'closed' AND closed_at IS NOT NULL AND closed_at <> '' "
		    "AND closed_at < ?)",
		    [&](Statement &s) { s.Bind(1, closed_before); }));
		const int reporters = MAMORI_TRY(Execute(
		    db(),
		    "UPDATE incidents SET reported_by = NULL WHERE reported_by IS NOT NULL AND status = 'closed' "
		    "AND closed_at IS NOT NULL AND closed_at <> '' AND closed_at < ?",
		    [&](Statement &s) { s.Bind(1, closed_before); }));
		total = events + reporters;
		return OkStatus();
	});
	if (!status) {
		return status.error();
	}
	return total;
}

Result<int> SqliteStore::DeleteSignInFailuresBefore(const std::string &before) {
	Result<int> removed = 0;
	Status status = InTransaction([&]() -> Status {
		removed = (Execute(db(), "DELETE FROM sign_in_failures WHERE failed_at < ?",
		                          [&](Statement &s) { s.Bind(1, before); }));
		return removed ? OkStatus() : Status(removed.error());
	});
	if (!status) {
		return status.error();
	}
	return removed;
}

Result<int> SqliteStore::DeleteSessionsExpiredBefore(const std::string &before) {
	Result<int> total = 0;
	Status status = InTransaction([&]() -> Status {
		const int sessions = MAMORI_TRY(Execute(db(), "DELETE FROM sessions WHERE expires_at < ?",
		                                        [&](Statement &s) { s.Bind(1, before); }));
		const int pending = MAMORI_TRY(Execute(db(), "DELETE FROM pending_sign_ins WHERE expires_at < ?",
		                                       [&](Statement &s) { s.Bind(1, before); }));
		total = sessions + pending;
		return OkStatus();
	});
	if (!status) {
		return status.error();
	}
	return total;
}

} // namespace mamori::storage
