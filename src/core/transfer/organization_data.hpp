// mamori/core/transfer/organization_data.hpp
//
// One organisation's stored data, table by table, as it travels in a
// hand-over package (issue 12): from a consultant's server to the firm's own
// mamori, to a laptop for a visit without network, and back. The rows are
// kept as the database's text (or NULL), so the package does not need to know
// every table's meaning; the storage layer checks each table and column
// against its schema and maps every id to the receiving database's ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::transfer {

//! The package format; a change that an older reader would misread bumps it.
inline constexpr int kPackageFormatVersion = 1;

//! The package ZIP's parts that are not documents: the data another mamori
//! imports, and the audit log as CSV for people to read.
inline constexpr std::string_view kPackageDataPart = "data/organization.json";
inline constexpr std::string_view kPackageAuditPart = "data/audit_log.csv";

using Cell = std::optional<std::string>;  // NULL stays distinct from ''

struct TableRows {
	std::string name;
	std::vector<std::string> columns;
	std::vector<std::vector<Cell>> rows;  // each row has columns.size() cells
};

//! Where a copy was taken: the installation, the organisation's id there, and
//! its revision (the newest audit entry of the organisation) at that moment.
struct CopyOrigin {
	std::string installation;
	std::int64_t organization = 0;
	std::int64_t revision = 0;
};

struct OrganizationData {
	//! The schema (newest migration number) the rows were read at; a newer
	//! mamori upgrades older rows through its own migrations before use.
	int schema_version = 0;
	std::string exported_at;  // ISO 8601 UTC
	CopyOrigin origin;
	//! Set when the organisation itself was imported from a package: the copy
	//! it came from. Importing this package back into that installation with
	//! "replace" is allowed only while the original has not changed since.
	std::optional<CopyOrigin> based_on;
	//! The organisation's own row first (table "organizations"), then its
	//! tables with parents before the tables that refer to them; table "users"
	//! holds only the people the rows name (e-mail, name, language).
	std::vector<TableRows> tables;

	const TableRows *Find(const std::string &table) const {
		for (const TableRows &t : tables) {
			if (t.name == table) {
				return &t;
			}
		}
		return nullptr;
	}
};

} // namespace mamori::transfer
