// mamori/storage/transfer/package_schema.hpp
//
// The schema a hand-over package is read against. A package records the
// schema version its rows were read at; a newer mamori loads them into a
// database in memory built by the migration files up to that version, runs
// its later migrations over them (the same SQL that upgrades a firm's own
// database), and reads them back at the newest version. So a package made
// today still imports after the schema has moved on.
#pragma once

#include "core/common/result.hpp"
#include "core/transfer/organization_data.hpp"
#include "storage/transfer/schema_model.hpp"

#include <string>

namespace mamori::storage::transfer {

//! The newest schema the SQLite migration files in `sqlite_migrations_dir` build.
Result<SchemaModel> CurrentSchemaModel(const std::string &sqlite_migrations_dir);

//! `data` at the newest schema. Refuses (field schema_version) a package made
//! by a newer mamori than this one.
Result<mamori::transfer::OrganizationData> UpgradeOrganizationData(mamori::transfer::OrganizationData data,
                                                                    const std::string &sqlite_migrations_dir);

} // namespace mamori::storage::transfer
