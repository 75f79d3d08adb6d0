// mamori/storage/org_revision.cpp
#include "storage/org_revision.hpp"

namespace mamori::storage {

Result<int64_t> OrgRevision(AuditStore &store, Id org_id) {
	return store.NewestAuditId(org_id);
}

} // namespace mamori::storage
