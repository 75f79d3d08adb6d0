// mamori/app/audit.hpp
#pragma once

#include "app/app_context.hpp"
#include "core/security/audit_chain.hpp"

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

//! The organisation's whole log, oldest first, for the CSV export; the export itself is audited
//! (audit.export) in the same transaction.
Result<std::vector<storage::AuditEntry>> ExportAuditEntries(AppContext &ctx, const Actor &actor, const OrgAccess &access);

//! Records that a file with personal data left the system (who, what, when): one place for
//! every download of a document or register, so none is forgotten.
Status AuditDownload(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &what, const nlohmann::json &detail);

//! Checks the installation's whole audit log as a hash chain (`mamori audit verify`).
Result<AuditChainCheck> VerifyAuditLog(storage::Store &store);

//! The hash of the log's last entry (any organisation's): what a firm writes down to check later.
Result<std::string> AuditHead(AppContext &ctx);

} // namespace mamori::app
