// mamori/storage/transfer/organization_rows.cpp
#include "storage/transfer/organization_rows.hpp"

#include "storage/sql/connection.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

namespace mamori::storage::transfer {
namespace {

using mamori::transfer::Cell;
using mamori::transfer::OrganizationData;
using mamori::transfer::TableRows;

//! The columns of users a package carries: who a row names, nothing that signs in.
const std::vector<std::string> kPersonColumns = {"id", "email", "display_name", "locale"};

//! Columns of the organisation's row that a replacing package never changes:
//! its identity and the security decisions taken where it lives.
const std::set<std::string> kKeptOnReplace = {"id", "created_at", "deleted_at", "require_two_step"};

//! References kept inside text rather than as keys: a document about one
//! partner or one cloud service names it as "partner:ID" / "service:ID"
//! (app/documents/subject_documents.cpp).
struct TextReference {
	std::string table;
	std::string column;
	std::string prefix;
	std::string target_table;
};
const std::vector<TextReference> kTextReferences = {
    {"documents", "subject", "partner:", "outsourcing_partners"},
    {"documents", "subject", "service:", "cloud_services"},
};

std::string Join(const std::vector<std::string> &names) {
	std::string joined;
	for (const std::string &name : names) {
		joined += (joined.empty() ? "" : ", ") + name;
	}
	return joined;
}

std::string Marks(size_t count) {
	std::string marks;
	for (size_t i = 0; i < count; ++i) {
		marks += marks.empty() ? "?" : ", ?";
	}
	return marks;
}

std::string RowField(const std::string &table, size_t row, const std::string &column) {
	return "tables." + table + ".rows[" + std::to_string(row) + "]." + column;
}

Result<TableRows> ReadTable(sql::Connection &db, const SchemaModel &model, const TableModel &table,
                            std::int64_t org_id) {
	TableRows rows;
	rows.name = table.name;
	rows.columns = table.columns;
	sql::Statement read = MAMORI_TRY(db.Prepare("SELECT " + Join(table.columns) + " FROM " + table.name + " WHERE " +
	                                            model.OrganizationCondition(table) + " ORDER BY 1"));
	read.Bind(1, org_id);
	while (MAMORI_TRY(read.Step())) {
		std::vector<Cell> cells;
		cells.reserve(table.columns.size());
		for (size_t i = 0; i < table.columns.size(); ++i) {
			const int col = static_cast<int>(i);
			cells.push_back(read.ColumnIsNull(col) ? Cell() : Cell(read.ColumnText(col)));
		}
		rows.rows.push_back(std::move(cells));
	}
	return rows;
}

//! The people the rows name, by the ids in their keys to users.
Result<TableRows> ReadPeople(sql::Connection &db, const SchemaModel &model, const std::vector<TableRows> &tables) {
	std::set<std::int64_t> ids;
	for (const TableRows &rows : tables) {
		const TableModel &table = *model.Find(rows.name);
		for (size_t c = 0; c < rows.columns.size(); ++c) {
			const ForeignKey *key = table.KeyOf(rows.columns[c]);
			if (key == nullptr || key->parent_table != "users") {
				continue;
			}
			for (const std::vector<Cell> &row : rows.rows) {
				if (row[c]) {
					if (auto id = ParseRowId(*row[c])) {
						ids.insert(*id);
					}
				}
			}
		}
	}
	TableRows people;
	people.name = "users";
	people.columns = kPersonColumns;
	sql::Statement read = MAMORI_TRY(db.Prepare("SELECT " + Join(kPersonColumns) + " FROM users WHERE id = ?"));
	for (std::int64_t id : ids) {
		read.Reset();
		read.Bind(1, id);
		if (MAMORI_TRY(read.Step())) {
			people.rows.push_back({read.ColumnText(0), read.ColumnText(1), read.ColumnText(2), read.ColumnText(3)});
		}
	}
	return people;
}

//! The ids a package's rows had, mapped to the ids they were given here.
class IdMap {
public:
	void Add(const std::string &table, const std::string &old_id, std::int64_t new_id) { ids_[table][old_id] = new_id; }
	std::optional<std::int64_t> Find(const std::string &table, const std::string &old_id) const {
		auto in_table = ids_.find(table);
		if (in_table == ids_.end()) {
			return std::nullopt;
		}
		auto found = in_table->second.find(old_id);
		return found == in_table->second.end() ? std::nullopt : std::optional<std::int64_t>(found->second);
	}

private:
	std::map<std::string, std::unordered_map<std::string, std::int64_t>> ids_;
};

Status CheckShape(const SchemaModel &model, const OrganizationData &data) {
	for (size_t t = 0; t < data.tables.size(); ++t) {
		const TableRows &rows = data.tables[t];
		const std::string field = "tables[" + std::to_string(t) + "]";
		const TableModel *table = model.Find(rows.name);
		if (table == nullptr || table->scope == TableScope::kInstallation) {
			return Error::Invalid(field + ".name", "errors.transfer.table_unknown", {{"name", rows.name}});
		}
		for (const std::string &column : rows.columns) {
			const bool known = table->scope == TableScope::kUsers
			                       ? std::find(kPersonColumns.begin(), kPersonColumns.end(), column) != kPersonColumns.end()
			                       : table->HasColumn(column);
			if (!known) {
				return Error::Invalid(field + ".columns", "errors.transfer.column_unknown",
				                      {{"table", rows.name}, {"name", column}});
			}
		}
		const bool needs_id = table->has_integer_id || table->scope == TableScope::kUsers;
		if (needs_id && std::find(rows.columns.begin(), rows.columns.end(), "id") == rows.columns.end()) {
			return Error::Invalid(field + ".columns", "errors.transfer.column_missing", {{"table", rows.name}, {"name", "id"}});
		}
	}
	const TableRows *organization = data.Find("organizations");
	if (organization == nullptr || organization->rows.size() != 1) {
		return Error::Invalid("tables", "errors.transfer.organization_row");
	}
	const TableRows *people = data.Find("users");
	if (people != nullptr && std::find(people->columns.begin(), people->columns.end(), "email") == people->columns.end()) {
		return Error::Invalid("tables", "errors.transfer.column_missing", {{"table", "users"}, {"name", "email"}});
	}
	return OkStatus();
}

std::optional<std::string> CellOf(const TableRows &rows, const std::vector<Cell> &row, const std::string &column) {
	for (size_t c = 0; c < rows.columns.size(); ++c) {
		if (rows.columns[c] == column) {
			return row[c];
		}
	}
	return std::nullopt;
}

Status MapPeople(const OrganizationData &data, const PersonResolver &people, IdMap &ids) {
	const TableRows *users = data.Find("users");
	if (users == nullptr) {
		return OkStatus();
	}
	for (size_t r = 0; r < users->rows.size(); ++r) {
		const std::vector<Cell> &row = users->rows[r];
		PackagePerson person;
		person.email = CellOf(*users, row, "email").value_or("");
		person.display_name = CellOf(*users, row, "display_name").value_or("");
		person.locale = CellOf(*users, row, "locale").value_or("");
		const std::optional<std::string> old_id = CellOf(*users, row, "id");
		if (person.email.empty() || !old_id || !ParseRowId(*old_id)) {
			return Error::Invalid(RowField("users", r, person.email.empty() ? "email" : "id"), "errors.transfer.person_invalid");
		}
		auto resolved = people(person);
		if (!resolved) {
			Error error = resolved.error();
			error.field = RowField("users", r, error.field.empty() ? "email" : error.field);
			return error;
		}
		ids.Add("users", *old_id, *resolved);
	}
	return OkStatus();
}

//! The organisation's own row: a new organisation, or the replaced one's
//! columns overwritten except kKeptOnReplace.
Result<std::int64_t> WriteOrganizationRow(sql::Connection &db, const TableRows &rows,
                                          std::optional<std::int64_t> replace_org) {
	const std::vector<Cell> &row = rows.rows.front();
	std::vector<std::string> columns;
	std::vector<Cell> values;
	for (size_t c = 0; c < rows.columns.size(); ++c) {
		const std::string &column = rows.columns[c];
		if (column == "id" || column == "deleted_at" || (replace_org && kKeptOnReplace.contains(column))) {
			continue;
		}
		columns.push_back(column);
		values.push_back(row[c]);
	}
	std::string sql;
	if (replace_org) {
		for (const std::string &column : columns) {
			sql += (sql.empty() ? "" : ", ") + column + " = ?";
		}
		sql = "UPDATE organizations SET " + (sql.empty() ? std::string("name = name") : sql) + " WHERE id = ?";
	} else {
		sql = "INSERT INTO organizations(" + Join(columns) + ") VALUES (" + Marks(columns.size()) + ")";
	}
	sql::Statement write = MAMORI_TRY(db.Prepare(sql));
	for (size_t i = 0; i < values.size(); ++i) {
		write.Bind(static_cast<int>(i) + 1, values[i]);
	}
	if (replace_org) {
		write.Bind(static_cast<int>(values.size()) + 1, *replace_org);
	}
	if (Status ran = write.Run(); !ran) {
		return Error::Invalid(RowField("organizations", 0, "name"), "errors.transfer.row_refused",
		                      {{"table", "organizations"}, {"reason", ran.error().message}});
	}
	if (replace_org) {
		return *replace_org;
	}
	return db.LastInsertId();
}

//! What one cell becomes in the receiving database.
Result<Cell> Translate(const TableModel &table, const std::string &column, const Cell &cell, size_t row,
                       const IdMap &ids, const std::string &source_org, std::int64_t target_org) {
	if (!cell) {
		return cell;
	}
	if (column == "org_id" && table.scope == TableScope::kOwnOrgId) {
		if (*cell != source_org) {
			return Error::Invalid(RowField(table.name, row, column), "errors.transfer.other_organization");
		}
		return Cell(std::to_string(target_org));
	}
	if (const ForeignKey *key = table.KeyOf(column)) {
		auto mapped = ids.Find(key->parent_table, *cell);
		if (!mapped) {
			return Error::Invalid(RowField(table.name, row, column), "errors.transfer.reference_unknown",
			                      {{"table", key->parent_table}, {"id", *cell}});
		}
		return Cell(std::to_string(*mapped));
	}
	for (const TextReference &reference : kTextReferences) {
		if (reference.table == table.name && reference.column == column && cell->starts_with(reference.prefix)) {
			auto mapped = ids.Find(reference.target_table, cell->substr(reference.prefix.size()));
			if (!mapped) {
				return Error::Invalid(RowField(table.name, row, column), "errors.transfer.reference_unknown",
				                      {{"table", reference.target_table}, {"id", *cell}});
			}
			return Cell(reference.prefix + std::to_string(*mapped));
		}
	}
	return cell;
}

Status WriteTable(sql::Connection &db, const TableModel &table, const TableRows &rows, IdMap &ids,
                  const std::string &source_org, std::int64_t target_org) {
	std::vector<size_t> written;  // indexes into rows.columns
	std::vector<std::string> names;
	size_t id_column = rows.columns.size();
	for (size_t c = 0; c < rows.columns.size(); ++c) {
		if (table.has_integer_id && rows.columns[c] == "id") {
			id_column = c;
			continue;
		}
		written.push_back(c);
		names.push_back(rows.columns[c]);
	}
	sql::Statement insert = MAMORI_TRY(
	    db.Prepare("INSERT INTO " + table.name + "(" + Join(names) + ") VALUES (" + Marks(names.size()) + ")"));
	for (size_t r = 0; r < rows.rows.size(); ++r) {
		const std::vector<Cell> &row = rows.rows[r];
		insert.Reset();
		for (size_t i = 0; i < written.size(); ++i) {
			const Cell value =
			    MAMORI_TRY(Translate(table, rows.columns[written[i]], row[written[i]], r, ids, source_org, target_org));
			insert.Bind(static_cast<int>(i) + 1, value);
		}
		if (Status ran = insert.Run(); !ran) {
			return Error::Invalid(RowField(table.name, r, names.empty() ? "id" : names.front()), "errors.transfer.row_refused",
			                      {{"table", table.name}, {"reason", ran.error().message}});
		}
		if (id_column < rows.columns.size()) {
			if (!row[id_column]) {
				return Error::Invalid(RowField(table.name, r, "id"), "errors.transfer.person_invalid");
			}
			ids.Add(table.name, *row[id_column], MAMORI_TRY(db.LastInsertId()));
		}
	}
	return OkStatus();
}

//! Replacing: the organisation's rows go, children first; its members stay,
//! with the name of their department so they can be put back in it.
Result<std::vector<std::pair<std::int64_t, std::string>>> ClearForReplace(sql::Connection &db, const SchemaModel &model,
                                                                            std::int64_t org_id) {
	std::vector<std::pair<std::int64_t, std::string>> departments;
	sql::Statement kept = MAMORI_TRY(db.Prepare("SELECT m.user_id, d.name FROM memberships m JOIN departments d "
	                                            "ON d.id = m.department_id WHERE m.org_id = ?"));
	kept.Bind(1, org_id);
	while (MAMORI_TRY(kept.Step())) {
		departments.emplace_back(kept.ColumnInt64(0), kept.ColumnText(1));
	}
	for (auto table = model.tables.rbegin(); table != model.tables.rend(); ++table) {
		if (table->name == "memberships" ||
		    (table->scope != TableScope::kOwnOrgId && table->scope != TableScope::kThroughParent)) {
			continue;
		}
		sql::Statement clear =
		    MAMORI_TRY(db.Prepare("DELETE FROM " + table->name + " WHERE " + model.OrganizationCondition(*table)));
		clear.Bind(1, org_id);
		MAMORI_TRY(clear.Run());
	}
	return departments;
}

Status RestoreDepartments(sql::Connection &db, std::int64_t org_id,
                          const std::vector<std::pair<std::int64_t, std::string>> &departments) {
	sql::Statement restore = MAMORI_TRY(
	    db.Prepare("UPDATE memberships SET department_id = (SELECT MIN(id) FROM departments WHERE org_id = ?1 AND "
	               "name = ?2) WHERE org_id = ?1 AND user_id = ?3"));
	for (const auto &[user_id, name] : departments) {
		restore.Reset();
		restore.Bind(1, org_id).Bind(2, name).Bind(3, user_id);
		MAMORI_TRY(restore.Run());
	}
	return OkStatus();
}

} // namespace

std::optional<std::int64_t> ParseRowId(const std::string &text) {
	std::int64_t value = 0;
	auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
	if (ec != std::errc() || end != text.data() + text.size() || value <= 0) {
		return std::nullopt;
	}
	return value;
}

Result<OrganizationData> ReadOrganizationRows(sql::Connection &db, const SchemaModel &model, std::int64_t org_id) {
	OrganizationData data;
	data.schema_version = model.version;
	std::vector<TableRows> tables;
	for (const TableModel &table : model.tables) {
		if (table.scope == TableScope::kOrganizationRow || table.scope == TableScope::kOwnOrgId ||
		    table.scope == TableScope::kThroughParent) {
			tables.push_back(MAMORI_TRY(ReadTable(db, model, table, org_id)));
		}
	}
	if (tables.empty() || tables.front().name != "organizations" || tables.front().rows.size() != 1) {
		return Error::Make(ErrorCode::kNotFound, "errors.not_found");
	}
	TableRows people = MAMORI_TRY(ReadPeople(db, model, tables));
	data.tables.push_back(std::move(tables.front()));
	data.tables.push_back(std::move(people));
	for (size_t i = 1; i < tables.size(); ++i) {
		data.tables.push_back(std::move(tables[i]));
	}
	return data;
}

Result<std::int64_t> WriteOrganizationRows(sql::Connection &db, const SchemaModel &model, const OrganizationData &data,
                                           std::optional<std::int64_t> replace_org, const PersonResolver &people) {
	if (data.schema_version != model.version) {
		return Error::Make(ErrorCode::kInternal, "package rows must be upgraded to schema " +
		                                             std::to_string(model.version) + " before they are written");
	}
	MAMORI_TRY(CheckShape(model, data));
	IdMap ids;
	MAMORI_TRY(MapPeople(data, people, ids));
	const TableRows &organization = *data.Find("organizations");
	const std::optional<std::string> source_org = CellOf(organization, organization.rows.front(), "id");
	if (!source_org || !ParseRowId(*source_org)) {
		return Error::Invalid(RowField("organizations", 0, "id"), "errors.transfer.organization_row");
	}
	std::vector<std::pair<std::int64_t, std::string>> departments;
	if (replace_org) {
		departments = MAMORI_TRY(ClearForReplace(db, model, *replace_org));
	}
	const std::int64_t org_id = MAMORI_TRY(WriteOrganizationRow(db, organization, replace_org));
	ids.Add("organizations", *source_org, org_id);
	for (const TableModel &table : model.tables) {
		if (table.scope != TableScope::kOwnOrgId && table.scope != TableScope::kThroughParent) {
			continue;
		}
		if (replace_org && table.name == "memberships") {
			continue;
		}
		if (const TableRows *rows = data.Find(table.name)) {
			MAMORI_TRY(WriteTable(db, table, *rows, ids, *source_org, org_id));
		}
	}
	if (replace_org) {
		MAMORI_TRY(RestoreDepartments(db, org_id, departments));
	}
	return org_id;
}

} // namespace mamori::storage::transfer
