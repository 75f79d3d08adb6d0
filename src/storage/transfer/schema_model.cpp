// mamori/storage/transfer/schema_model.cpp
#include "storage/transfer/schema_model.hpp"

#include "storage/sql/connection.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace mamori::storage::transfer {
namespace {

//! Tables that belong to the installation, not to one organisation: the
//! receiving mamori keeps its own. Sign-in state and secrets (sessions, codes,
//! invitations, two-step secrets) must never travel in a file; the audit log is
//! a chain of this installation's entries and goes into the package as a
//! readable CSV, not as rows (the receiver starts its own chain).
const std::set<std::string> kInstallationTables = {
    "audit_log",       "invitations",   "pending_sign_ins",        "rate_counters", "schema_migrations",
    "sessions",        "settings",      "sign_in_failures",        "sqlite_sequence", "two_step",
    "two_step_recovery_codes",
};

Result<std::vector<std::string>> Texts(sql::Connection &db, const std::string &query, const std::string &param = "") {
	sql::Statement stmt = MAMORI_TRY(db.Prepare(query));
	if (!param.empty()) {
		stmt.Bind(1, param);
	}
	std::vector<std::string> rows;
	while (MAMORI_TRY(stmt.Step())) {
		rows.push_back(stmt.ColumnText(0));
	}
	return rows;
}

bool IsOrganizationTable(const TableModel &table) {
	return table.scope == TableScope::kOrganizationRow || table.scope == TableScope::kOwnOrgId ||
	       table.scope == TableScope::kThroughParent;
}

Status Classify(TableModel &table, const std::map<std::string, const TableModel *> &placed) {
	if (table.name == "organizations") {
		table.scope = TableScope::kOrganizationRow;
		return OkStatus();
	}
	if (table.name == "users") {
		table.scope = TableScope::kUsers;
		return OkStatus();
	}
	if (kInstallationTables.contains(table.name)) {
		table.scope = TableScope::kInstallation;
		return OkStatus();
	}
	if (std::any_of(table.foreign_keys.begin(), table.foreign_keys.end(), [](const ForeignKey &key) {
		    return key.column == "org_id" && key.parent_table == "organizations";
	    })) {
		table.scope = TableScope::kOwnOrgId;
		return OkStatus();
	}
	for (const ForeignKey &key : table.foreign_keys) {
		auto parent = placed.find(key.parent_table);
		if (parent != placed.end() && key.parent_column == "id" && IsOrganizationTable(*parent->second) &&
		    parent->second->scope != TableScope::kOrganizationRow) {
			table.scope = TableScope::kThroughParent;
			table.scope_key = key;
			return OkStatus();
		}
	}
	return Error::Make(ErrorCode::kInternal, "table " + table.name +
	                                             " has no org_id and no key to an organisation's table; give it one "
	                                             "or list it in kInstallationTables (storage/transfer/schema_model.cpp)");
}

} // namespace

bool TableModel::HasColumn(const std::string &column) const {
	return std::find(columns.begin(), columns.end(), column) != columns.end();
}

const ForeignKey *TableModel::KeyOf(const std::string &column) const {
	for (const ForeignKey &key : foreign_keys) {
		if (key.column == column && key.parent_column == "id") {
			return &key;
		}
	}
	return nullptr;
}

const TableModel *SchemaModel::Find(const std::string &name) const {
	for (const TableModel &table : tables) {
		if (table.name == name) {
			return &table;
		}
	}
	return nullptr;
}

std::string SchemaModel::OrganizationCondition(const TableModel &table) const {
	switch (table.scope) {
	case TableScope::kOrganizationRow:
		return "id = ?1";
	case TableScope::kOwnOrgId:
		return "org_id = ?1";
	case TableScope::kThroughParent: {
		const TableModel *parent = Find(table.scope_key.parent_table);
		return table.scope_key.column + " IN (SELECT id FROM " + parent->name + " WHERE " +
		       OrganizationCondition(*parent) + ")";
	}
	case TableScope::kUsers:
	case TableScope::kInstallation:
		break;
	}
	return "0 = 1";
}

Result<std::vector<std::string>> ColumnsOf(sql::Connection &lite, const std::string &table) {
	return Texts(lite, "SELECT name FROM pragma_table_info(?) ORDER BY cid", table);
}

Result<std::vector<std::string>> TablesParentsFirst(sql::Connection &lite) {
	const std::vector<std::string> tables =
	    MAMORI_TRY(Texts(lite, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
	                           "AND name <> 'schema_migrations' ORDER BY name"));
	std::map<std::string, std::set<std::string>> parents;
	for (const std::string &table : tables) {
		for (const std::string &parent :
		     MAMORI_TRY(Texts(lite, "SELECT \"table\" FROM pragma_foreign_key_list(?)", table))) {
			if (parent != table) {
				parents[table].insert(parent);
			}
		}
	}
	std::vector<std::string> ordered;
	std::set<std::string> placed;
	while (ordered.size() < tables.size()) {
		const std::size_t before = ordered.size();
		for (const std::string &table : tables) {
			if (placed.contains(table)) {
				continue;
			}
			const bool ready = std::all_of(parents[table].begin(), parents[table].end(),
			                               [&](const std::string &parent) { return placed.contains(parent); });
			if (ready) {
				ordered.push_back(table);
				placed.insert(table);
			}
		}
		if (ordered.size() == before) {
			return Error::Make(ErrorCode::kInternal, "the tables' foreign keys form a cycle");
		}
	}
	return ordered;
}

Result<SchemaModel> ReadSchemaModel(sql::Connection &lite, int version) {
	SchemaModel model;
	model.version = version;
	const std::vector<std::string> names = MAMORI_TRY(TablesParentsFirst(lite));
	model.tables.reserve(names.size());  // `placed` points into the vector: no reallocation
	std::map<std::string, const TableModel *> placed;
	for (const std::string &name : names) {
		TableModel &table = model.tables.emplace_back();
		table.name = name;
		sql::Statement columns = MAMORI_TRY(lite.Prepare("SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid"));
		columns.Bind(1, name);
		int primary_key_columns = 0;
		bool id_is_integer_key = false;
		while (MAMORI_TRY(columns.Step())) {
			table.columns.push_back(columns.ColumnText(0));
			if (columns.ColumnInt(2) > 0) {
				++primary_key_columns;
				id_is_integer_key = columns.ColumnText(0) == "id" && columns.ColumnText(1) == "INTEGER";
			}
		}
		table.has_integer_id = primary_key_columns == 1 && id_is_integer_key;
		sql::Statement keys = MAMORI_TRY(lite.Prepare("SELECT \"from\", \"table\", COALESCE(\"to\", 'id') "
		                                              "FROM pragma_foreign_key_list(?) ORDER BY id, seq"));
		keys.Bind(1, name);
		while (MAMORI_TRY(keys.Step())) {
			table.foreign_keys.push_back({keys.ColumnText(0), keys.ColumnText(1), keys.ColumnText(2)});
		}
		MAMORI_TRY(Classify(table, placed));
		placed[name] = &table;
	}
	return model;
}

} // namespace mamori::storage::transfer
