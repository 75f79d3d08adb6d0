// mamori/app/audit.hpp
#pragma once

#include "app/app_context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace mamori::app {

//! Appends an audit entry stamped now. Call inside the same transaction as the change it records.
Status Audit(AppContext &ctx, std::optional<Id> org_id, std::optional<Id> user_id, const std::string &action,
             const std::string &target, const nlohmann::json &detail);

} // namespace mamori::app
