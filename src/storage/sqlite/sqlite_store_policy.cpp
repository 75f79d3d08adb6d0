// mamori/storage/sqlite/sqlite_store_policy.cpp
// SqliteStore: the versions of the 基本方針 (information security policy).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

// --- 基本方針 ---------------------------------------------------------------------------

Result<Id> SqliteStore::CreatePolicyVersion(const PolicyVersion &policy) {
	Result<std::string> json = PolicyInputToJson(policy.input);
	if (!json) {
		return json.error();
	}
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		// The version is computed inside the INSERT, under the write lock, so
		// two editors saving at once get consecutive versions.
		id = Inserted(db_, Execute(db_,
		                           "INSERT INTO policies(org_id, version, input_json, status, published_at, updated_at) "
		                           "VALUES (?1, (SELECT COALESCE(MAX(version), 0) + 1 FROM policies WHERE org_id = ?1), "
		                           "?2, ?3, ?4, COALESCE(NULLIF(?5, ''), " MAMORI_SQL_NOW "))",
		                           [&](Statement &s) {
			                           s.Bind(1, policy.org_id)
			                               .Bind(2, *json)
			                               .Bind(3, PolicyStatusName(policy.status))
			                               .Bind(4, policy.published_at)
			                               .Bind(5, policy.updated_at);
		                           }));
		return id ? OkStatus() : Status(id.error());
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Status SqliteStore::UpdatePolicyVersion(const PolicyVersion &policy) {
	Result<std::string> json = PolicyInputToJson(policy.input);
	if (!json) {
		return json.error();
	}
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_,
		                             "UPDATE policies SET input_json = ?, status = ?, published_at = ?, "
		                             "updated_at = COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ") WHERE org_id = ? AND id = ?",
		                             [&](Statement &s) {
			                             s.Bind(1, *json)
			                                 .Bind(2, PolicyStatusName(policy.status))
			                                 .Bind(3, policy.published_at)
			                                 .Bind(4, policy.updated_at)
			                                 .Bind(5, policy.org_id)
			                                 .Bind(6, policy.id);
		                             }),
		                     "the policy version does not exist");
	});
}

Result<std::optional<PolicyVersion>> SqliteStore::LatestPolicy(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryOne<PolicyVersion>(db_, kPolicyColumns + "WHERE org_id = ? ORDER BY version DESC LIMIT 1",
	                               [&](Statement &s) { s.Bind(1, org_id); }, ReadPolicy);
}

Result<std::optional<PolicyVersion>> SqliteStore::LatestPublishedPolicy(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryOne<PolicyVersion>(
	    db_, kPolicyColumns + "WHERE org_id = ? AND status = 'published' ORDER BY version DESC LIMIT 1",
	    [&](Statement &s) { s.Bind(1, org_id); }, ReadPolicy);
}

Result<std::vector<PolicyVersion>> SqliteStore::ListPolicyVersions(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryAll<PolicyVersion>(db_, kPolicyColumns + "WHERE org_id = ? ORDER BY version DESC",
	                               [&](Statement &s) { s.Bind(1, org_id); }, ReadPolicy);
}

} // namespace mamori::storage
