// mamori/app/handover.hpp
//
// The hand-over package (issue 12): a consultant hands a client's data to the
// firm's own mamori, or takes it to a laptop for a visit without network and
// brings it back. The data travels as codec/organization_data_codec's JSON;
// the adapters put it in a ZIP beside the documents (export/handover_package).
//
// Bringing a copy back ("replace") is allowed only while the organisation has
// not changed since the copy was taken: its revision (storage/org_revision.hpp)
// must still be the one the copy started from. Otherwise the import stops and
// says so, and nothing is written; the copy can still come in as a new
// organisation to compare by hand.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "app/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

struct HandoverData {
	std::string json;            // the package's data file
	std::vector<storage::AuditEntry> audit;  // the organisation's log, oldest first, as a readable copy
};

//! The organisation's data for a package; editors only. Recorded in the audit
//! log (org.handover_export) as an export of personal data.
Result<HandoverData> ExportHandover(AppContext &ctx, const Actor &actor, const OrgAccess &access);

struct HandoverImport {
	Id org_id = 0;
	bool replaced = false;
	int people_created = 0;  // accounts made for people this installation did not know
};

//! A new organisation from a package's data file; the importing user becomes
//! its 組織管理者.
Result<HandoverImport> ImportHandover(AppContext &ctx, const Actor &actor, const std::string &json);

//! The package's data over an existing organisation the actor edits; kConflict
//! when the organisation changed since the copy was taken.
Result<HandoverImport> ReplaceFromHandover(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                           const std::string &json);

//! This installation's identity, made once (a random token kept in settings).
Result<std::string> InstallationId(AppContext &ctx);

} // namespace mamori::app
