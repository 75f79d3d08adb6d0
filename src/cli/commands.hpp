// mamori/cli/commands.hpp
#pragma once

#include "core/common/result.hpp"

#include <string>
#include <vector>

namespace mamori::cli {

using Args = std::vector<std::string>;

//! Pure computations of the contract: JSON in (file or "-"), JSON out.
int RunSelfcheck(const Args &args);
int RunRisk(const Args &args);
//! risk export|import: the asset register as XLSX / CSV / JSON.
int RunRegister(const Args &args);
int RunSme(const Args &args);
int RunBenchmark(const Args &args);
//! incident level|report-duty: the damage level and the duty to report a leak.
int RunIncident(const Args &args);
//! document render|pack: the organisation's documents as PDF, DOCX, HTML.
int RunDocument(const Args &args);

//! handover export|import: an organisation's hand-over package (issue 12).
int RunHandover(const Args &args);
//! Operations on an installation's database.
int RunServe(const Args &args);
int RunUser(const Args &args);
int RunBackup(const Args &args);
//! migrate-store --from URL --to URL (migrate_store_command.cpp).
int RunMigrateStore(const Args &args);
int RunCatalog(const Args &args);
int RunSeed(const Args &args);
//! mail test: one message through the configured relay.
int RunMail(const Args &args);
//! audit verify: checks the audit log's hash chain.
int RunAudit(const Args &args);
//! retention run: deletes personal data past its retention period (content/retention/).
int RunRetention(const Args &args);

//! Prints one line "mamori: <field>: <message>" on stderr and returns the
//! exit code for the error (cli/exit_codes.cpp).
int ReportError(const mamori::Error &error);

} // namespace mamori::cli
