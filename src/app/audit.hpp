// mamori/app/audit.hpp
#pragma once

#include "app/app_context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

//! Appends an audit entry stamped now. Call inside the same transaction as the change it records.
Status Audit(AppContext &ctx, std::optional<Id> org_id, std::optional<Id> user_id, const std::string &action,
             const std::string &target, const nlohmann::json &detail);

struct OrgAccess;

//! One page of an organisation's audit log, newest first: up to `limit` entries after `offset`.
Result<std::vector<storage::AuditEntry>> ListAuditEntries(AppContext &ctx, const OrgAccess &access, int limit, int offset);

} // namespace mamori::app
