// mamori/storage/sqlite/sqlite_store_owner.cpp
// SqliteStore: the owner's records (migration 0025) and the benchmark's
// population (issue 12).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

Result<std::vector<OwnerRecord>> SqliteStore::ListOwnerRecords(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<OwnerRecord>(
	    db(), "SELECT org_id, topic, note, recorded_on, recorded_by, updated_at FROM owner_records WHERE org_id = ? ORDER BY topic",
	    [&](Statement &s) { s.Bind(1, org_id); },
	    [](const Statement &s) -> Result<OwnerRecord> {
		    return OwnerRecord{s.ColumnInt64(0), s.ColumnText(1), s.ColumnText(2), s.ColumnText(3), s.ColumnInt64(4),
		                       s.ColumnText(5)};
	    });
}

Status SqliteStore::PutOwnerRecord(const OwnerRecord &record) {
	ConnectionUse use = Use();
	MAMORI_TRY(Execute(db(),
	               "INSERT INTO owner_records(org_id, topic, note, recorded_on, recorded_by, updated_at) "
	               "VALUES (?, ?, ?, ?, ?, " MAMORI_SQL_NOW ") ON CONFLICT (org_id, topic) DO UPDATE SET "
	               "note = excluded.note, recorded_on = excluded.recorded_on, recorded_by = excluded.recorded_by, "
	               "updated_at = excluded.updated_at",
	               [&](Statement &s) {
		               s.Bind(1, record.org_id)
		                   .Bind(2, record.topic)
		                   .Bind(3, record.note)
		                   .Bind(4, record.recorded_on)
		                   .Bind(5, record.recorded_by);
	               }));
	return OkStatus();
}

Result<std::vector<Organization>> SqliteStore::ListOrganizationsInUse() {
	ConnectionUse use = Use();
	return QueryAll<Organization>(db(), kOrgColumns + "WHERE deleted_at = '' ORDER BY id", [](Statement &) {},
	                              ReadOrganization);
}

} // namespace mamori::storage
