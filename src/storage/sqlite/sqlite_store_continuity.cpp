// mamori/storage/sqlite/sqlite_store_continuity.cpp
// SqliteStore: the IT systems of 事業継続 in restoration order (issue 9,
// migration 0013).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

const std::string kSystemColumns =
    "SELECT id, org_id, name, business, priority, target_time, resources, fallback, owner, created_at, updated_at "
    "FROM continuity_systems ";

Result<ContinuitySystem> ReadSystem(const Statement &s) {
	ContinuitySystem system;
	system.id = s.ColumnInt64(0);
	system.org_id = s.ColumnInt64(1);
	system.name = s.ColumnText(2);
	system.business = s.ColumnText(3);
	system.priority = s.ColumnInt(4);
	system.target_time = s.ColumnText(5);
	system.resources = s.ColumnText(6);
	system.fallback = s.ColumnText(7);
	system.owner = s.ColumnText(8);
	system.created_at = s.ColumnText(9);
	system.updated_at = s.ColumnText(10);
	return system;
}

//! The table's CHECKs, as errors naming the field rather than a storage
//! failure, for callers that reach the store without app/continuity.
Status CheckRow(const ContinuitySystem &system) {
	if (system.name.empty()) {
		return Error::Invalid("name", "app_continuity.name_required");
	}
	if (system.priority < 1) {
		return Error::Invalid("priority", "app_continuity.priority_invalid");
	}
	return OkStatus();
}

} // namespace

Result<std::vector<ContinuitySystem>> SqliteStore::ListContinuitySystems(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<ContinuitySystem>(db(), kSystemColumns + "WHERE org_id = ? ORDER BY priority, name, id",
	                                  [&](Statement &s) { s.Bind(1, org_id); }, ReadSystem);
}

Result<std::optional<ContinuitySystem>> SqliteStore::FindContinuitySystem(Id org_id, Id system_id) {
	ConnectionUse use = Use();
	return QueryOne<ContinuitySystem>(db(), kSystemColumns + "WHERE org_id = ? AND id = ?",
	                                  [&](Statement &s) { s.Bind(1, org_id).Bind(2, system_id); }, ReadSystem);
}

Result<Id> SqliteStore::CreateContinuitySystem(const ContinuitySystem &system) {
	MAMORI_TRY(CheckRow(system));
	ConnectionUse use = Use();
	return Inserted(db(), Execute(db(),
	                             "INSERT INTO continuity_systems(org_id, name, business, priority, target_time, resources, "
	                             "fallback, owner, created_at, updated_at) "
	                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, " MAMORI_SQL_NOW ", " MAMORI_SQL_NOW ")",
	                             [&](Statement &s) {
		                             s.Bind(1, system.org_id)
		                                 .Bind(2, system.name)
		                                 .Bind(3, system.business)
		                                 .Bind(4, system.priority)
		                                 .Bind(5, system.target_time)
		                                 .Bind(6, system.resources)
		                                 .Bind(7, system.fallback)
		                                 .Bind(8, system.owner);
	                             }));
}

Status SqliteStore::UpdateContinuitySystem(const ContinuitySystem &system) {
	MAMORI_TRY(CheckRow(system));
	ConnectionUse use = Use();
	return ExpectChanged(Execute(db(),
	                             "UPDATE continuity_systems SET name = ?, business = ?, priority = ?, target_time = ?, "
	                             "resources = ?, fallback = ?, owner = ?, updated_at = " MAMORI_SQL_NOW " "
	                             "WHERE org_id = ? AND id = ?",
	                             [&](Statement &s) {
		                             s.Bind(1, system.name)
		                                 .Bind(2, system.business)
		                                 .Bind(3, system.priority)
		                                 .Bind(4, system.target_time)
		                                 .Bind(5, system.resources)
		                                 .Bind(6, system.fallback)
		                                 .Bind(7, system.owner)
		                                 .Bind(8, system.org_id)
		                                 .Bind(9, system.id);
	                             }),
	                     "the continuity system does not exist");
}

Status SqliteStore::DeleteContinuitySystem(Id org_id, Id system_id) {
	ConnectionUse use = Use();
	return ExpectChanged(Execute(db(), "DELETE FROM continuity_systems WHERE org_id = ? AND id = ?",
	                             [&](Statement &s) { s.Bind(1, org_id).Bind(2, system_id); }),
	                     "the continuity system does not exist");
}

} // namespace mamori::storage
