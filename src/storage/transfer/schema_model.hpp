// mamori/storage/transfer/schema_model.hpp
//
// What the hand-over package (issue 12) needs to know of mamori's schema,
// read from SQLite's own description of it (both backends share one schema:
// schema_parity_test): each table's columns, its foreign keys, and how its
// rows belong to an organisation. A new table is classified by its keys: an
// `org_id` column, or a key to a table that has one. A table that has
// neither must be named in kInstallationTables (schema_model.cpp), so a new
// kind of data can never be left out of a package unnoticed.
#pragma once

#include "core/common/result.hpp"

#include <string>
#include <vector>

namespace mamori::storage::sql {
class Connection;
}

namespace mamori::storage::transfer {

struct ForeignKey {
	std::string column;
	std::string parent_table;
	std::string parent_column;
};

enum class TableScope {
	kOrganizationRow,  // "organizations": the organisation itself
	kUsers,            // people, copied only as e-mail, name and language
	kOwnOrgId,         // rows with an org_id column
	kThroughParent,    // rows reached through a key to an organisation's table
	kInstallation,     // never copied: sign-in state, secrets, the audit chain
};

struct TableModel {
	std::string name;
	std::vector<std::string> columns;
	std::vector<ForeignKey> foreign_keys;
	bool has_integer_id = false;  // an `id INTEGER PRIMARY KEY` the receiving database renumbers
	TableScope scope = TableScope::kInstallation;
	ForeignKey scope_key;  // kThroughParent: the key that leads to the organisation

	bool HasColumn(const std::string &column) const;
	//! The key by which `column` names another row's id, or null.
	const ForeignKey *KeyOf(const std::string &column) const;
};

struct SchemaModel {
	int version = 0;
	std::vector<TableModel> tables;  // parents before the tables that refer to them

	const TableModel *Find(const std::string &name) const;
	//! A WHERE condition selecting one organisation's rows of `table`, with
	//! the organisation's id as parameter ?1.
	std::string OrganizationCondition(const TableModel &table) const;
};

//! mamori's tables, parents before the tables that refer to them, from a
//! SQLite connection's schema (copy_store.cpp uses the order too).
Result<std::vector<std::string>> TablesParentsFirst(sql::Connection &lite);

//! The column names of `table`, in order, from a SQLite connection's schema.
Result<std::vector<std::string>> ColumnsOf(sql::Connection &lite, const std::string &table);

//! Reads the model from a SQLite connection whose schema is at `version`.
//! Fails (kInternal) for a table that belongs neither to an organisation nor
//! to the installation list: the schema and this code disagree.
Result<SchemaModel> ReadSchemaModel(sql::Connection &lite, int version);

} // namespace mamori::storage::transfer
