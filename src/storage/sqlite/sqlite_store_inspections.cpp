// mamori/storage/sqlite/sqlite_store_inspections.cpp
// SqliteStore: 点検と改善, inspections and their findings with corrective
// actions (issue 12, migration 0024).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

std::string JoinMethods(const std::vector<std::string> &methods) {
	std::string joined;
	for (const auto &method : methods) {
		joined += (joined.empty() ? "" : ",") + method;
	}
	return joined;
}

std::vector<std::string> SplitMethods(const std::string &text) {
	std::vector<std::string> methods;
	size_t start = 0;
	while (start <= text.size()) {
		const size_t comma = text.find(',', start);
		const std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
		if (!part.empty()) {
			methods.push_back(part);
		}
		if (comma == std::string::npos) {
			break;
		}
		start = comma + 1;
	}
	return methods;
}

const std::string kInspectionColumns =
    "SELECT id, org_id, title, standard, scope, methods, planned_on, inspector, done_on, summary, reported_on, "
    "owner_comment, created_at, updated_at FROM inspections ";

Result<Inspection> ReadInspection(const Statement &s) {
	Inspection row;
	row.id = s.ColumnInt64(0);
	row.org_id = s.ColumnInt64(1);
	row.title = s.ColumnText(2);
	row.standard = s.ColumnText(3);
	row.scope = s.ColumnText(4);
	row.methods = SplitMethods(s.ColumnText(5));
	row.planned_on = s.ColumnText(6);
	row.inspector = s.ColumnText(7);
	row.done_on = s.ColumnText(8);
	row.summary = s.ColumnText(9);
	row.reported_on = s.ColumnText(10);
	row.owner_comment = s.ColumnText(11);
	row.created_at = s.ColumnText(12);
	row.updated_at = s.ColumnText(13);
	return row;
}

const std::string kFindingColumns =
    "SELECT id, org_id, inspection_id, description, severity, action, action_owner, due_on, closed_on, created_at, "
    "updated_at FROM inspection_findings ";

Result<InspectionFinding> ReadFinding(const Statement &s) {
	InspectionFinding row;
	row.id = s.ColumnInt64(0);
	row.org_id = s.ColumnInt64(1);
	row.inspection_id = s.ColumnInt64(2);
	row.description = s.ColumnText(3);
	row.severity = s.ColumnText(4);
	row.action = s.ColumnText(5);
	row.action_owner = s.ColumnInt64(6);
	row.due_on = s.ColumnText(7);
	row.closed_on = s.ColumnText(8);
	row.created_at = s.ColumnText(9);
	row.updated_at = s.ColumnText(10);
	return row;
}

} // namespace

Result<std::vector<Inspection>> SqliteStore::ListInspections(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<Inspection>(db(), kInspectionColumns + "WHERE org_id = ? ORDER BY planned_on DESC, id DESC",
	                            [&](Statement &s) { s.Bind(1, org_id); }, ReadInspection);
}

Result<std::optional<Inspection>> SqliteStore::FindInspection(Id org_id, Id inspection_id) {
	ConnectionUse use = Use();
	return QueryOne<Inspection>(db(), kInspectionColumns + "WHERE org_id = ? AND id = ?",
	                            [&](Statement &s) { s.Bind(1, org_id).Bind(2, inspection_id); }, ReadInspection);
}

Result<Id> SqliteStore::CreateInspection(const Inspection &inspection) {
	ConnectionUse use = Use();
	return Inserted(db(), Execute(db(),
	                             "INSERT INTO inspections(org_id, title, standard, scope, methods, planned_on, inspector, "
	                             "done_on, summary, reported_on, owner_comment, created_at, updated_at) "
	                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " MAMORI_SQL_NOW ", " MAMORI_SQL_NOW ")",
	                             [&](Statement &s) {
		                             s.Bind(1, inspection.org_id)
		                                 .Bind(2, inspection.title)
		                                 .Bind(3, inspection.standard)
		                                 .Bind(4, inspection.scope)
		                                 .Bind(5, JoinMethods(inspection.methods))
		                                 .Bind(6, inspection.planned_on)
		                                 .Bind(7, inspection.inspector)
		                                 .Bind(8, inspection.done_on)
		                                 .Bind(9, inspection.summary)
		                                 .Bind(10, inspection.reported_on)
		                                 .Bind(11, inspection.owner_comment);
	                             }));
}

Status SqliteStore::UpdateInspection(const Inspection &inspection) {
	ConnectionUse use = Use();
	return ExpectChanged(Execute(db(),
	                             "UPDATE inspections SET title = ?, standard = ?, scope = ?, methods = ?, planned_on = ?, "
	                             "inspector = ?, done_on = ?, summary = ?, reported_on = ?, owner_comment = ?, "
	                             "updated_at = " MAMORI_SQL_NOW " WHERE org_id = ? AND id = ?",
	                             [&](Statement &s) {
		                             s.Bind(1, inspection.title)
		                                 .Bind(2, inspection.standard)
		                                 .Bind(3, inspection.scope)
		                                 .Bind(4, JoinMethods(inspection.methods))
		                                 .Bind(5, inspection.planned_on)
		                                 .Bind(6, inspection.inspector)
		                                 .Bind(7, inspection.done_on)
		                                 .Bind(8, inspection.summary)
		                                 .Bind(9, inspection.reported_on)
		                                 .Bind(10, inspection.owner_comment)
		                                 .Bind(11, inspection.org_id)
		                                 .Bind(12, inspection.id);
	                             }),
	                     "the inspection does not exist");
}

Result<std::vector<InspectionFinding>> SqliteStore::ListFindings(Id org_id, Id inspection_id) {
	ConnectionUse use = Use();
	// inspection_id 0 means every inspection's (a flag, not `? IS NULL`, so PostgreSQL can type it).
	return QueryAll<InspectionFinding>(
	    db(), kFindingColumns + "WHERE org_id = ? AND (? = 0 OR inspection_id = ?) ORDER BY inspection_id, id",
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, inspection_id).Bind(3, inspection_id); }, ReadFinding);
}

Result<std::optional<InspectionFinding>> SqliteStore::FindFinding(Id org_id, Id finding_id) {
	ConnectionUse use = Use();
	return QueryOne<InspectionFinding>(db(), kFindingColumns + "WHERE org_id = ? AND id = ?",
	                                   [&](Statement &s) { s.Bind(1, org_id).Bind(2, finding_id); }, ReadFinding);
}

Result<Id> SqliteStore::CreateFinding(const InspectionFinding &finding) {
	ConnectionUse use = Use();
	// Through the organisation's own inspection, so a finding never lands under another's.
	const int inserted = MAMORI_TRY(Execute(
	    db(),
	    "INSERT INTO inspection_findings(org_id, inspection_id, description, severity, action, action_owner, due_on, "
	    "closed_on, created_at, updated_at) SELECT i.org_id, i.id, ?, ?, ?, ?, ?, ?, " MAMORI_SQL_NOW ", " MAMORI_SQL_NOW
	    " FROM inspections i WHERE i.org_id = ? AND i.id = ?",
	    [&](Statement &s) {
		    s.Bind(1, finding.description)
		        .Bind(2, finding.severity)
		        .Bind(3, finding.action)
		        .Bind(4, finding.action_owner)
		        .Bind(5, finding.due_on)
		        .Bind(6, finding.closed_on)
		        .Bind(7, finding.org_id)
		        .Bind(8, finding.inspection_id);
	    }));
	if (inserted == 0) {
		return Error::Make(ErrorCode::kNotFound, "errors.not_found");
	}
	return Inserted(db(), Result<int>(inserted));
}

Status SqliteStore::UpdateFinding(const InspectionFinding &finding) {
	ConnectionUse use = Use();
	return ExpectChanged(Execute(db(),
	                             "UPDATE inspection_findings SET description = ?, severity = ?, action = ?, "
	                             "action_owner = ?, due_on = ?, closed_on = ?, updated_at = " MAMORI_SQL_NOW " "
	                             "WHERE org_id = ? AND id = ?",
	                             [&](Statement &s) {
		                             s.Bind(1, finding.description)
		                                 .Bind(2, finding.severity)
		                                 .Bind(3, finding.action)
		                                 .Bind(4, finding.action_owner)
		                                 .Bind(5, finding.due_on)
		                                 .Bind(6, finding.closed_on)
		                                 .Bind(7, finding.org_id)
		                                 .Bind(8, finding.id);
	                             }),
	                     "the finding does not exist");
}

} // namespace mamori::storage
