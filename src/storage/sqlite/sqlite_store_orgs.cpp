// mamori/storage/sqlite/sqlite_store_orgs.cpp
// SqliteStore: organisations, memberships and departments.
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

// The department of a membership must belong to the same organisation; the
// foreign key alone would accept another organisation's department.
Status CheckDepartment(Connection *db, Id org_id, const std::optional<Id> &department_id) {
	if (!department_id) {
		return OkStatus();
	}
	Result<bool> found = Exists(db, "SELECT 1 FROM departments WHERE org_id = ? AND id = ?",
	                            [&](Statement &s) { s.Bind(1, org_id).Bind(2, *department_id); });
	if (!found) {
		return found.error();
	}
	if (!*found) {
		return Error::Make(ErrorCode::kNotFound, "the department does not exist in this organisation");
	}
	return OkStatus();
}

} // namespace

// --- organisations and membership ---------------------------------------------------

Result<Id> SqliteStore::CreateOrganization(const Organization &org) {
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		id = Inserted(db(), Execute(db(),
		                           "INSERT INTO organizations(name, industry, capital_yen, employees, edition, created_at, document_locale, profile_flags) "
		                           "VALUES (?, ?, ?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW "), ?, ?)",
		                           [&](Statement &s) {
			                           s.Bind(1, org.name)
			                               .Bind(2, org.industry)
			                               .Bind(3, org.capital_yen)
			                               .Bind(4, org.employees)
			                               .Bind(5, org.edition)
			                               .Bind(6, org.created_at)
			                               .Bind(7, org.document_locale)
			                               .Bind(8, JoinFlags(org.profile_flags));
		                           }));
		return id ? OkStatus() : Status(id.error());
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Result<std::optional<Organization>> SqliteStore::FindOrganization(Id org_id) {
	ConnectionUse use = Use();
	// A deleted organisation is a tombstone for the ids the audit log names (0023): not found.
	return QueryOne<Organization>(db(), kOrgColumns + "WHERE id = ? AND deleted_at = ''", [&](Statement &s) { s.Bind(1, org_id); },
	                              ReadOrganization);
}

Status SqliteStore::UpdateOrganization(const Organization &org) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(),
		                             "UPDATE organizations SET name = ?, industry = ?, capital_yen = ?, employees = ?, "
		                             "edition = ?, document_locale = ?, profile_flags = ? WHERE id = ?",
		                             [&](Statement &s) {
			                             s.Bind(1, org.name)
			                                 .Bind(2, org.industry)
			                                 .Bind(3, org.capital_yen)
			                                 .Bind(4, org.employees)
			                                 .Bind(5, org.edition)
			                                 .Bind(6, org.document_locale)
			                                 .Bind(7, JoinFlags(org.profile_flags))
			                                 .Bind(8, org.id);
		                             }),
		                     "the organisation does not exist");
	});
}

Result<int> SqliteStore::CountOrganizations() {
	ConnectionUse use = Use();
	return QueryInt(db(), "SELECT COUNT(*) FROM organizations");
}

Status SqliteStore::AddMembership(const Membership &membership) {
	return InTransaction([&]() -> Status {
		if (Status s = CheckDepartment(db(), membership.org_id, membership.department_id); !s) {
			return s;
		}
		Result<int> done = Execute(db(),
		                           "INSERT INTO memberships(org_id, user_id, role, department_id) VALUES (?, ?, ?, ?)",
		                           [&](Statement &s) {
			                           s.Bind(1, membership.org_id)
			                               .Bind(2, membership.user_id)
			                               .Bind(3, RoleName(membership.role))
			                               .Bind(4, membership.department_id);
		                           });
		return done ? OkStatus()
		            : Status(OnConflict(done.error(), "the user already has a role in this organisation"));
	});
}

Status SqliteStore::UpdateMembership(const Membership &membership) {
	return InTransaction([&]() -> Status {
		if (Status s = CheckDepartment(db(), membership.org_id, membership.department_id); !s) {
			return s;
		}
		return ExpectChanged(Execute(db(),
		                             "UPDATE memberships SET role = ?, department_id = ? WHERE org_id = ? AND user_id = ?",
		                             [&](Statement &s) {
			                             s.Bind(1, RoleName(membership.role))
			                                 .Bind(2, membership.department_id)
			                                 .Bind(3, membership.org_id)
			                                 .Bind(4, membership.user_id);
		                             }),
		                     "the user is not a member of this organisation");
	});
}

Status SqliteStore::RemoveMembership(Id org_id, Id user_id) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(), "DELETE FROM memberships WHERE org_id = ? AND user_id = ?",
		                             [&](Statement &s) { s.Bind(1, org_id).Bind(2, user_id); }),
		                     "the user is not a member of this organisation");
	});
}

Result<std::optional<Membership>> SqliteStore::FindMembership(Id org_id, Id user_id) {
	ConnectionUse use = Use();
	return QueryOne<Membership>(db(), kMembershipColumns + "WHERE m.org_id = ? AND m.user_id = ?",
	                            [&](Statement &s) { s.Bind(1, org_id).Bind(2, user_id); }, ReadMembership);
}

Result<std::optional<OrgAccessRow>> SqliteStore::FindOrgAccess(Id org_id, Id user_id, const std::string &setting_key) {
	ConnectionUse use = Use();
	static const std::string kSql =
	    "SELECT " + kOrgAccessColumns +
	    "FROM memberships m JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.org_id "
	    "WHERE m.org_id = ? AND m.user_id = ? AND o.deleted_at = ''";
	auto found = QueryOne<std::optional<OrgAccessRow>>(
	    db(), kSql, [&](Statement &s) { s.Bind(1, setting_key).Bind(2, org_id).Bind(3, user_id); },
	    [](const Statement &s) { return ReadOrgAccessAt(s, 0); });
	if (!found) {
		return found.error();
	}
	return found->has_value() ? std::move(**found) : std::optional<OrgAccessRow>();
}

Result<std::vector<Membership>> SqliteStore::ListMembershipsOfUser(Id user_id) {
	ConnectionUse use = Use();
	return QueryAll<Membership>(db(), kMembershipColumns + "WHERE m.user_id = ? ORDER BY o.name, o.id",
	                            [&](Statement &s) { s.Bind(1, user_id); }, ReadMembership);
}

Result<std::vector<Membership>> SqliteStore::ListMembers(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<Membership>(db(), kMembershipColumns + "WHERE m.org_id = ? ORDER BY u.display_name, u.email",
	                            [&](Statement &s) { s.Bind(1, org_id); }, ReadMembership);
}

Result<std::vector<ClientWithoutLead>> SqliteStore::ClientsWithoutLead(Id user_id) {
	ConnectionUse use = Use();
	// A lead "signed up" has a password; a placeholder account of a pending invitation has none.
	return QueryAll<ClientWithoutLead>(
	    db(),
	    "SELECT m.org_id, CASE WHEN EXISTS (SELECT 1 FROM memberships i WHERE i.org_id = m.org_id "
	    "AND i.role IN ('admin', 'manager')) THEN 1 ELSE 0 END "
	    "FROM memberships m JOIN organizations o ON o.id = m.org_id "
	    "WHERE m.user_id = ? AND m.role = 'consultant' AND o.deleted_at = '' AND NOT EXISTS ("
	    "SELECT 1 FROM memberships l JOIN users u ON u.id = l.user_id WHERE l.org_id = m.org_id "
	    "AND l.role IN ('admin', 'manager') AND u.password_hash <> '') ORDER BY m.org_id",
	    [&](Statement &s) { s.Bind(1, user_id); },
	    [](const Statement &s) -> Result<ClientWithoutLead> {
		    return ClientWithoutLead{s.ColumnInt64(0), s.ColumnInt64(1) != 0};
	    });
}

Result<Id> SqliteStore::CreateDepartment(const Department &department) {
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		id = Inserted(db(), Execute(db(), "INSERT INTO departments(org_id, name) VALUES (?, ?)",
		                           [&](Statement &s) { s.Bind(1, department.org_id).Bind(2, department.name); }));
		return id ? OkStatus()
		          : Status(OnConflict(id.error(), "a department named " + department.name + " already exists"));
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Status SqliteStore::RenameDepartment(Id org_id, Id department_id, const std::string &name) {
	return InTransaction([&]() -> Status {
		Result<int> changed = Execute(db(), "UPDATE departments SET name = ? WHERE org_id = ? AND id = ?",
		                              [&](Statement &s) { s.Bind(1, name).Bind(2, org_id).Bind(3, department_id); });
		if (!changed) {
			return OnConflict(changed.error(), "a department named " + name + " already exists");
		}
		return ExpectChanged(changed, "the department does not exist");
	});
}

Status SqliteStore::DeleteDepartment(Id org_id, Id department_id) {
	return InTransaction([&]() -> Status {
		// Members of the department stay, without a department (ON DELETE SET NULL).
		return ExpectChanged(Execute(db(), "DELETE FROM departments WHERE org_id = ? AND id = ?",
		                             [&](Statement &s) { s.Bind(1, org_id).Bind(2, department_id); }),
		                     "the department does not exist");
	});
}

Result<std::vector<Department>> SqliteStore::ListDepartments(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<Department>(db(), "SELECT id, org_id, name FROM departments WHERE org_id = ? ORDER BY name, id",
	                            [&](Statement &s) { s.Bind(1, org_id); }, ReadDepartment);
}

} // namespace mamori::storage
