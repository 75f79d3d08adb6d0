// mamori/storage/transfer/organization_rows.hpp
//
// Reads one organisation's rows out of a database, and writes a package's
// rows into one, for the hand-over package (issue 12). Writing gives every row
// a new id in the receiving database and rewrites every reference to it, so a
// package can land beside any other data; a reference to a row the package
// does not hold is refused, which also keeps a package from reaching into
// another organisation's rows.
#pragma once

#include "core/common/result.hpp"
#include "core/transfer/organization_data.hpp"
#include "storage/transfer/schema_model.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace mamori::storage::sql {
class Connection;
}

namespace mamori::storage::transfer {

//! A row id as the database's text gives it ("42"); none for anything else.
std::optional<std::int64_t> ParseRowId(const std::string &text);

//! The organisation's own row, its tables, and the people its rows name
//! (e-mail, name and language only). Origin and times are the caller's.
Result<mamori::transfer::OrganizationData> ReadOrganizationRows(sql::Connection &db, const SchemaModel &model,
                                                                 std::int64_t org_id);

struct PackagePerson {
	std::string email;
	std::string display_name;
	std::string locale;
};

//! Finds the account with this e-mail address in the receiving database, or
//! creates one without a password (the person signs in after an invitation).
using PersonResolver = std::function<Result<std::int64_t>(const PackagePerson &)>;

//! Writes `data` (at model.version) as a new organisation, or over the data of
//! `replace_org`: then the organisation's members and its security settings
//! (two-step requirement) stay as they are, and everything else is replaced.
//! Runs inside the caller's transaction. Returns the organisation's id.
Result<std::int64_t> WriteOrganizationRows(sql::Connection &db, const SchemaModel &model,
                                           const mamori::transfer::OrganizationData &data,
                                           std::optional<std::int64_t> replace_org, const PersonResolver &people);

} // namespace mamori::storage::transfer
