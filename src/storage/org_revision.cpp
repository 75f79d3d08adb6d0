// mamori/storage/org_revision.cpp
#include "storage/org_revision.hpp"

namespace mamori::storage {

Result<int64_t> OrgRevision(AuditStore &store, Id org_id) {
	// Newest first, one row: a reverse step on the audit_log_org (org_id, id) index.
	auto newest = store.ListAudit(org_id, 1, 0);
	if (!newest) {
		return newest.error();
	}
	return newest->empty() ? int64_t{0} : newest->front().id;
}

} // namespace mamori::storage
