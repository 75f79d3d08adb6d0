// mamori/storage/audit_store.hpp
//
// The audit log: who changed what, when.
// One area of the Store interface (storage/store.hpp), which inherits it;
// the organisation-scoping rule stated there holds here too.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

class AuditStore {
public:
	virtual ~AuditStore() = default;

	virtual Status AppendAudit(const AuditEntry &entry) = 0;
	virtual Result<std::vector<AuditEntry>> ListAudit(Id org_id, int limit, int offset) = 0;
};

} // namespace mamori::storage
