// mamori/storage/owner_store.hpp
//
// What the owner's view (重要7項目, issue 12) needs beyond the other areas:
// the firm's own short records of what has no other place in mamori (the
// security budget decided, the information sources followed), and, for
// the anonymous benchmark, the organisations of the installation.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <string>
#include <vector>

namespace mamori::storage {

//! One record per organisation and topic; saving again replaces it.
struct OwnerRecord {
	Id org_id = 0;
	std::string topic;        // budget / information_sources
	std::string note;         // what was decided / which sources
	std::string recorded_on;  // YYYY-MM-DD
	Id recorded_by = 0;
	std::string updated_at;
};

class OwnerStore {
public:
	virtual ~OwnerStore() = default;

	//! Ordered by topic.
	virtual Result<std::vector<OwnerRecord>> ListOwnerRecords(Id org_id) = 0;
	virtual Status PutOwnerRecord(const OwnerRecord &record) = 0;

	//! Every organisation in use (not deleted), by id: the benchmark's population.
	//! Installation-wide on purpose; only aggregates of it may leave the app layer.
	virtual Result<std::vector<Organization>> ListOrganizationsInUse() = 0;
};

} // namespace mamori::storage
