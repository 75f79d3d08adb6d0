// mamori/storage/sqlite/sqlite_store_audit.cpp
// SqliteStore: the audit log.
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

// --- audit --------------------------------------------------------------------------------

Status SqliteStore::AppendAudit(const AuditEntry &entry) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db_,
		                           "INSERT INTO audit_log(org_id, user_id, at, action, target, detail) "
		                           "VALUES (?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW "), ?, ?, ?)",
		                           [&](Statement &s) {
			                           s.Bind(1, entry.org_id)
			                               .Bind(2, entry.user_id)
			                               .Bind(3, entry.at)
			                               .Bind(4, entry.action)
			                               .Bind(5, entry.target)
			                               .Bind(6, entry.detail);
		                           });
		return done ? OkStatus() : Status(done.error());
	});
}

Result<std::vector<AuditEntry>> SqliteStore::ListAudit(Id org_id, int limit, int offset) {
	std::lock_guard lock(mutex_);
	// A negative limit means "all" (SQLite's own convention).
	return QueryAll<AuditEntry>(db_,
	                            "SELECT a.id, a.org_id, a.user_id, COALESCE(u.email, ''), a.at, a.action, a.target, "
	                            "a.detail FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
	                            "WHERE a.org_id = ? ORDER BY a.id DESC LIMIT ? OFFSET ?",
	                            [&](Statement &s) { s.Bind(1, org_id).Bind(2, limit).Bind(3, offset < 0 ? 0 : offset); },
	                            ReadAudit);
}

} // namespace mamori::storage
