// mamori/app/removal.hpp
//
// Deleting data on request (issue 10, ASVS 8.3.2): a person deletes their own account, an
// organisation's 組織管理者 deletes the organisation. Both ask for the password again and a typed
// confirmation, change everything in one transaction with its audit entry, and never touch the
// audit log's rows: the account and organisation keep their ids as blanked placeholders, so the
// hash chain still verifies (`mamori audit verify`). storage/removal_store.hpp does the rows.
#pragma once

#include "app/accounts.hpp"
#include "app/organizations.hpp"

#include <string>

namespace mamori::app {

struct AccountDeletion {
	std::string password;
	std::string confirm_email;  // the person types their own e-mail address
	std::string client;         // for the password throttle
};

//! Deletes the signed-in account. Refused (kConflict, field "confirm_email", parameter
//! "organizations") while the person is the last 組織管理者 or 情報セキュリティ責任者 of an
//! organisation, or the 外部専門家 of a client with no 組織管理者 or 責任者 of its own: someone of
//! the firm, signed up, must be left to manage it, or the organisation be deleted first.
Status DeleteMyAccount(AppContext &ctx, const SessionUser &session, const AccountDeletion &deletion);

struct OrganizationDeletion {
	std::string password;
	std::string confirm_name;  // the organisation's name, typed
	std::string client;
};

//! Deletes the organisation's data, for its 組織管理者 only (kForbidden otherwise).
Status DeleteOrganization(AppContext &ctx, const SessionUser &session, const OrgAccess &access,
                          const OrganizationDeletion &deletion);

//! The e-mail a deleted account keeps, so the id stays and the address is free again.
std::string DeletedAccountEmail(Id user_id);

} // namespace mamori::app
