// mamori/interchange/audit_csv.hpp
//
// The organisation's audit log as CSV (UTF-8 with BOM), for keeping a copy outside mamori.
#pragma once

#include "storage/records.hpp"

#include <string>
#include <vector>

namespace mamori::interchange {

//! Columns id, at, user, action, target, detail, hash; the values as stored (machine codes,
//! detail JSON, UTC times), so the file can be compared with the database and the chain.
std::string WriteAuditCsv(const std::vector<storage::AuditEntry> &entries);

} // namespace mamori::interchange
