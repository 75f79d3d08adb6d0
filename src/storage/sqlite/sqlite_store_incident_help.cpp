// mamori/storage/sqlite/sqlite_store_incident_help.cpp
// SqliteStore: the firm's IT environment and each incident's sheet for an
// outside help desk (issue 9, migration 0016).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

Result<ItEnvironment> SqliteStore::GetItEnvironment(Id org_id) {
	ConnectionUse use = Use();
	auto found = MAMORI_TRY(QueryOne<ItEnvironment>(
	    db(), "SELECT org_id, operating_systems, security_software, updated_at FROM it_environments WHERE org_id = ?",
	    [&](Statement &s) { s.Bind(1, org_id); },
	    [](const Statement &s) -> Result<ItEnvironment> {
		    return ItEnvironment{.org_id = s.ColumnInt64(0),
		                         .operating_systems = s.ColumnText(1),
		                         .security_software = s.ColumnText(2),
		                         .updated_at = s.ColumnText(3)};
	    }));
	return found ? *found : ItEnvironment{.org_id = org_id};
}

Status SqliteStore::SaveItEnvironment(const ItEnvironment &environment) {
	ConnectionUse use = Use();
	auto done = Execute(db(),
	                    "INSERT INTO it_environments(org_id, operating_systems, security_software, updated_at) "
	                    "VALUES (?, ?, ?, " MAMORI_SQL_NOW ") ON CONFLICT(org_id) DO UPDATE SET "
	                    "operating_systems = excluded.operating_systems, "
	                    "security_software = excluded.security_software, updated_at = excluded.updated_at",
	                    [&](Statement &s) {
		                    s.Bind(1, environment.org_id)
		                        .Bind(2, environment.operating_systems)
		                        .Bind(3, environment.security_software);
	                    });
	return done ? OkStatus() : Status(done.error());
}

Result<std::optional<IncidentHelpSheet>> SqliteStore::FindIncidentHelpSheet(Id org_id, Id incident_id) {
	ConnectionUse use = Use();
	return QueryOne<IncidentHelpSheet>(
	    db(),
	    "SELECT incident_id, org_id, devices, operating_systems, security_software, cloud_services, events, grounds, "
	    "consulted, updated_at FROM incident_help_sheets WHERE org_id = ? AND incident_id = ?",
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, incident_id); },
	    [](const Statement &s) -> Result<IncidentHelpSheet> {
		    return IncidentHelpSheet{.incident_id = s.ColumnInt64(0),
		                             .org_id = s.ColumnInt64(1),
		                             .devices = s.ColumnText(2),
		                             .operating_systems = s.ColumnText(3),
		                             .security_software = s.ColumnText(4),
		                             .cloud_services = s.ColumnText(5),
		                             .events = s.ColumnText(6),
		                             .grounds = s.ColumnText(7),
		                             .consulted = s.ColumnText(8),
		                             .updated_at = s.ColumnText(9)};
	    });
}

Status SqliteStore::SaveIncidentHelpSheet(const IncidentHelpSheet &sheet) {
	ConnectionUse use = Use();
	// Inserted through the incident row, so a sheet never lands on another
	// organisation's incident.
	const int saved = MAMORI_TRY(Execute(
	    db(),
	    "INSERT INTO incident_help_sheets(incident_id, org_id, devices, operating_systems, security_software, "
	    "cloud_services, events, grounds, consulted, updated_at) "
	    "SELECT id, org_id, ?, ?, ?, ?, ?, ?, ?, " MAMORI_SQL_NOW " FROM incidents WHERE org_id = ? AND id = ? "
	    "ON CONFLICT(incident_id) DO UPDATE SET devices = excluded.devices, "
	    "operating_systems = excluded.operating_systems, security_software = excluded.security_software, "
	    "cloud_services = excluded.cloud_services, events = excluded.events, grounds = excluded.grounds, "
	    "consulted = excluded.consulted, updated_at = excluded.updated_at",
	    [&](Statement &s) {
		    s.Bind(1, sheet.devices)
		        .Bind(2, sheet.operating_systems)
		        .Bind(3, sheet.security_software)
		        .Bind(4, sheet.cloud_services)
		        .Bind(5, sheet.events)
		        .Bind(6, sheet.grounds)
		        .Bind(7, sheet.consulted)
		        .Bind(8, sheet.org_id)
		        .Bind(9, sheet.incident_id);
	    }));
	if (saved == 0) {
		return Error::Make(ErrorCode::kNotFound, "the incident does not exist");
	}
	return OkStatus();
}

} // namespace mamori::storage
