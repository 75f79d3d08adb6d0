// mamori/storage/audit_store.hpp
//
// The audit log: who changed what, when.
// One area of the Store interface (storage/store.hpp), which inherits it;
// the organisation-scoping rule stated there holds here too.
#pragma once

#include "core/common/result.hpp"
#include "core/security/audit_chain.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

class AuditStore {
public:
	virtual ~AuditStore() = default;

	//! Appends the entry as the new end of the hash chain (core/security/audit_chain.hpp): its
	//! prev_hash is the current last entry's hash, read in the same transaction as the insert.
	virtual Status AppendAudit(const AuditEntry &entry) = 0;
	virtual Result<std::vector<AuditEntry>> ListAudit(Id org_id, int limit, int offset) = 0;
	//! The id of the organisation's newest audit entry, 0 when it has none (storage/org_revision.hpp).
	virtual Result<int64_t> NewestAuditId(Id org_id) = 0;
	//! One account's own events, newest first, at most `limit`: the entries outside any
	//! organisation whose target is "user:ID" and whose action is one of `actions`.
	virtual Result<std::vector<AuditEntry>> ListAccountAudit(Id user_id, const std::vector<std::string> &actions,
	                                                         int limit) = 0;
	//! The whole log of the installation, every organisation, in id order, for verifying the chain.
	virtual Result<std::vector<AuditChainEntry>> ListAuditChain() = 0;
	//! The last entry's hash (the chain's head); AuditChainZeroHash() for an empty log.
	virtual Result<std::string> AuditHead() = 0;
};

} // namespace mamori::storage
