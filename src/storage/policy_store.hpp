// mamori/storage/policy_store.hpp
//
// 基本方針: the numbered versions of an organisation's basic policy.
// One area of the Store interface (storage/store.hpp), which inherits it;
// the organisation-scoping rule stated there holds here too.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

class PolicyStore {
public:
	virtual ~PolicyStore() = default;

	//! Inserts a new version (input.version is assigned by the store as max+1).
	virtual Result<Id> CreatePolicyVersion(const PolicyVersion &policy) = 0;
	virtual Status UpdatePolicyVersion(const PolicyVersion &policy) = 0;
	virtual Result<std::optional<PolicyVersion>> LatestPolicy(Id org_id) = 0;
	virtual Result<std::optional<PolicyVersion>> LatestPublishedPolicy(Id org_id) = 0;
	virtual Result<std::vector<PolicyVersion>> ListPolicyVersions(Id org_id) = 0;
};

} // namespace mamori::storage
