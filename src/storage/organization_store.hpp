// mamori/storage/organization_store.hpp
//
// Organisations, their members and departments.
// One area of the Store interface (storage/store.hpp), which inherits it;
// the organisation-scoping rule stated there holds here too.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

//! A client of a consultant whose firm has no 組織管理者 or 責任者 who has signed up (set a
//! password): nobody of the firm's own could take the organisation over yet (issue 12).
struct ClientWithoutLead {
	Id org_id = 0;
	bool invited = false;  // a 組織管理者 or 責任者 is invited and has not signed up yet
};

class OrganizationStore {
public:
	virtual ~OrganizationStore() = default;

	virtual Result<Id> CreateOrganization(const Organization &org) = 0;
	virtual Result<std::optional<Organization>> FindOrganization(Id org_id) = 0;
	virtual Status UpdateOrganization(const Organization &org) = 0;
	virtual Result<int> CountOrganizations() = 0;

	//! Fails with kConflict when the user already has a role in the organisation.
	virtual Status AddMembership(const Membership &membership) = 0;
	virtual Status UpdateMembership(const Membership &membership) = 0;
	virtual Status RemoveMembership(Id org_id, Id user_id) = 0;
	virtual Result<std::optional<Membership>> FindMembership(Id org_id, Id user_id) = 0;
	//! FindMembership, FindOrganization (not deleted), OrganizationRequiresTwoStep and
	//! GetSetting(setting_key) in one query; nothing when the user is not a member.
	virtual Result<std::optional<OrgAccessRow>> FindOrgAccess(Id org_id, Id user_id, const std::string &setting_key) = 0;
	virtual Result<std::vector<Membership>> ListMembershipsOfUser(Id user_id) = 0;
	virtual Result<std::vector<Membership>> ListMembers(Id org_id) = 0;
	//! The organisations where `user_id` is 外部専門家 and no 組織管理者 or 責任者 has signed up,
	//! by id. Reads only the user's own clients, in the query itself. One query.
	virtual Result<std::vector<ClientWithoutLead>> ClientsWithoutLead(Id user_id) = 0;

	virtual Result<Id> CreateDepartment(const Department &department) = 0;
	virtual Status RenameDepartment(Id org_id, Id department_id, const std::string &name) = 0;
	virtual Status DeleteDepartment(Id org_id, Id department_id) = 0;
	virtual Result<std::vector<Department>> ListDepartments(Id org_id) = 0;
};

} // namespace mamori::storage
