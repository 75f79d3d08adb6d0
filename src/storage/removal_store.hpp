// mamori/storage/removal_store.hpp
//
// Removing data (issue 10, ASVS 8.3.2, 8.3.8): deleting an account or an organisation on
// request, and the retention schedule's deletions (content/retention/schedule.yaml). The audit
// log is a hash chain (core/security/audit_chain.hpp) whose rows name user and organisation ids:
// nothing here touches audit_log, and the users and organizations rows stay as blanked
// placeholders so every id an audit row names still exists. One area of the Store interface.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <string>
#include <vector>

namespace mamori::storage {

class RemovalStore {
public:
	virtual ~RemovalStore() = default;

	//! The organisations this user leads (組織管理者, 情報セキュリティ責任者, or the 外部専門家 who
	//! coaches it) where no other 組織管理者 or 責任者 has signed up (set a password): were they
	//! to go, nobody of the firm's own could manage the organisation (an invitation not yet
	//! accepted may expire unused).
	virtual Result<std::vector<Organization>> OrganizationsLedOnlyBy(Id user_id) = 0;
	//! Blanks the account (e-mail replaced by `placeholder_email`, name, password hash, language)
	//! and marks it deleted at `at`; removes its sessions, pending sign-ins, two-step secret and
	//! recovery codes, memberships, invitations and document read marks. kNotFound when there is
	//! no such account in use.
	virtual Status AnonymizeUser(Id user_id, const std::string &placeholder_email, const std::string &at) = 0;
	//! Removes every data row of the organisation (members, departments, invitations, registers,
	//! documents, incidents, training, exercises...) and leaves its organizations row as a
	//! tombstone: blanked and marked deleted at `at`. kNotFound when it is not in use.
	virtual Status EmptyOrganization(Id org_id, const std::string &at) = 0;

	// --- retention (app/retention.cpp); each returns the number of rows changed ---------
	//! Training audience, attendance and quiz rows of people who are no longer members of the
	//! training's organisation, for trainings dated before `before_date` (YYYY-MM-DD).
	virtual Result<int> DeleteTrainingOfFormerMembers(const std::string &before_date) = 0;
	//! Unlinks reporter and note writers from incidents closed before `closed_before` (ISO).
	virtual Result<int> UnlinkClosedIncidentPeople(const std::string &closed_before) = 0;
	//! Sign-in failure rows recorded before `before` (ISO).
	virtual Result<int> DeleteSignInFailuresBefore(const std::string &before) = 0;
	//! Sessions and pending sign-ins that expired before `before` (ISO).
	virtual Result<int> DeleteSessionsExpiredBefore(const std::string &before) = 0;
};

} // namespace mamori::storage
