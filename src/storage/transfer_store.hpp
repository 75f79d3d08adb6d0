// mamori/storage/transfer_store.hpp
//
// One organisation's data out of the store and back in, for the hand-over
// package (issue 12): storage/transfer/ does the work against the schema.
#pragma once

#include "core/common/result.hpp"
#include "core/transfer/organization_data.hpp"
#include "storage/records.hpp"

#include <optional>

namespace mamori::storage {

struct TransferStore {
	virtual ~TransferStore() = default;

	//! The organisation's rows and the people they name, at the store's
	//! schema version (origin and time are the caller's to fill in).
	virtual Result<mamori::transfer::OrganizationData> ReadOrganizationData(Id org_id) = 0;

	//! Writes a package's rows (upgraded first when an older mamori made them)
	//! as a new organisation, or over `replace_org`'s data (its members and
	//! two-step requirement stay). People are matched by e-mail address; one
	//! the store does not know gets an account without a password. Run it
	//! inside InTransaction with the audit entry. Returns the organisation id.
	virtual Result<Id> WriteOrganizationData(const mamori::transfer::OrganizationData &data, std::optional<Id> replace_org) = 0;
};

} // namespace mamori::storage
