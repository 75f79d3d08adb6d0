// mamori/storage/sqlite/sqlite_store_incident_procedures.cpp
// SqliteStore: a firm's adapted incident procedures (issue 9, migration 0017).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

Result<std::vector<ProcedureAdaptation>> SqliteStore::ListProcedureAdaptations(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<ProcedureAdaptation>(
	    db(),
	    "SELECT org_id, kind, levels, steps_json, updated_at FROM incident_procedure_adaptations WHERE org_id = ? "
	    "ORDER BY kind, levels",
	    [&](Statement &s) { s.Bind(1, org_id); },
	    [](const Statement &s) -> Result<ProcedureAdaptation> {
		    return ProcedureAdaptation{.org_id = s.ColumnInt64(0),
		                               .kind = s.ColumnText(1),
		                               .levels = s.ColumnText(2),
		                               .steps_json = s.ColumnText(3),
		                               .updated_at = s.ColumnText(4)};
	    });
}

Status SqliteStore::SaveProcedureAdaptation(const ProcedureAdaptation &adaptation) {
	if (adaptation.kind.empty() || adaptation.levels.empty()) {
		return Error::Invalid("kind", "the procedure is missing");
	}
	ConnectionUse use = Use();
	auto done = Execute(db(),
	                    "INSERT INTO incident_procedure_adaptations(org_id, kind, levels, steps_json, updated_at) "
	                    "VALUES (?, ?, ?, ?, " MAMORI_SQL_NOW ") ON CONFLICT(org_id, kind, levels) DO UPDATE SET "
	                    "steps_json = excluded.steps_json, updated_at = excluded.updated_at",
	                    [&](Statement &s) {
		                    s.Bind(1, adaptation.org_id)
		                        .Bind(2, adaptation.kind)
		                        .Bind(3, adaptation.levels)
		                        .Bind(4, adaptation.steps_json);
	                    });
	return done ? OkStatus() : Status(done.error());
}

Status SqliteStore::DeleteProcedureAdaptation(Id org_id, const std::string &kind, const std::string &levels) {
	ConnectionUse use = Use();
	auto done = Execute(db(), "DELETE FROM incident_procedure_adaptations WHERE org_id = ? AND kind = ? AND levels = ?",
	                    [&](Statement &s) { s.Bind(1, org_id).Bind(2, kind).Bind(3, levels); });
	return done ? OkStatus() : Status(done.error());
}

} // namespace mamori::storage
