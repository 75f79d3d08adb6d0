// mamori/storage/sqlite/sqlite_store_incidents.cpp
// SqliteStore: the incident register and its timeline (issue 9, migration 0012).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

std::optional<bool> OptionalBool(const Statement &s, int col) {
	if (s.ColumnIsNull(col)) {
		return std::nullopt;
	}
	return s.ColumnBool(col);
}

std::optional<std::string> OptionalText(const Statement &s, int col) {
	if (s.ColumnIsNull(col)) {
		return std::nullopt;
	}
	return s.ColumnText(col);
}

const std::string kIncidentColumns =
    "SELECT i.id, i.org_id, i.reported_by, COALESCE(NULLIF(u.display_name, ''), u.email, ''), i.reported_at, i.what, "
    "i.noticed_at, i.device, i.kind, i.external_impact, i.personal_data_leak, i.business_impact, i.work_impact, "
    "i.level, i.status, i.personal_data, i.sensitive, i.financial_harm, i.malicious, i.affected_people, "
    "i.strongly_encrypted, i.aware_on, i.preliminary_reported_at, i.final_reported_at, i.closed_at, i.updated_at, "
    "i.cause, i.prevention, i.public_statement "
    "FROM incidents i LEFT JOIN users u ON u.id = i.reported_by ";

Result<Incident> ReadIncident(const Statement &s) {
	Incident incident;
	incident.id = s.ColumnInt64(0);
	incident.org_id = s.ColumnInt64(1);
	incident.reported_by = s.ColumnOptionalInt64(2);
	incident.reported_by_name = s.ColumnText(3);
	incident.reported_at = s.ColumnText(4);
	incident.what = s.ColumnText(5);
	incident.noticed_at = s.ColumnText(6);
	incident.device = s.ColumnText(7);
	incident.kind = OptionalText(s, 8);
	incident.external_impact = s.ColumnBool(9);
	incident.personal_data_leak = s.ColumnBool(10);
	incident.business_impact = s.ColumnBool(11);
	incident.work_impact = s.ColumnBool(12);
	if (auto level = s.ColumnOptionalInt64(13)) {
		incident.level = static_cast<int>(*level);
	}
	incident.closed = s.ColumnText(14) == "closed";
	incident.personal_data = OptionalBool(s, 15);
	incident.sensitive = OptionalBool(s, 16);
	incident.financial_harm = OptionalBool(s, 17);
	incident.malicious = OptionalBool(s, 18);
	if (auto people = s.ColumnOptionalInt64(19)) {
		incident.affected_people = *people;
	}
	incident.strongly_encrypted = OptionalBool(s, 20);
	incident.aware_on = OptionalText(s, 21);
	incident.preliminary_reported_at = OptionalText(s, 22);
	incident.final_reported_at = OptionalText(s, 23);
	incident.closed_at = OptionalText(s, 24);
	incident.updated_at = s.ColumnText(25);
	incident.cause = s.ColumnText(26);
	incident.prevention = s.ColumnText(27);
	incident.public_statement = s.ColumnText(28);
	return incident;
}

Result<IncidentEvent> ReadEvent(const Statement &s) {
	IncidentEvent event;
	event.id = s.ColumnInt64(0);
	event.incident_id = s.ColumnInt64(1);
	event.at = s.ColumnText(2);
	event.user_id = s.ColumnOptionalInt64(3);
	event.user_name = s.ColumnText(4);
	event.type = s.ColumnText(5);
	event.step_id = s.ColumnText(6);
	event.text = s.ColumnText(7);
	return event;
}

} // namespace

Result<std::vector<Incident>> SqliteStore::ListIncidents(Id org_id, std::optional<Id> reported_by) {
	ConnectionUse use = Use();
	return QueryAll<Incident>(db(),
	                          kIncidentColumns +
	                              "WHERE i.org_id = ? AND (? = 0 OR i.reported_by = ?) "
	                              "ORDER BY i.reported_at DESC, i.id DESC",
	                          [&](Statement &s) {
		                          // A flag, not "? IS NULL": PostgreSQL cannot type a NULL parameter alone.
		                          s.Bind(1, org_id).Bind(2, reported_by ? 1 : 0).Bind(3, reported_by.value_or(0));
	                          },
	                          ReadIncident);
}

Result<std::optional<Incident>> SqliteStore::FindIncident(Id org_id, Id incident_id) {
	ConnectionUse use = Use();
	return QueryOne<Incident>(db(), kIncidentColumns + "WHERE i.org_id = ? AND i.id = ?",
	                          [&](Statement &s) { s.Bind(1, org_id).Bind(2, incident_id); }, ReadIncident);
}

Result<Id> SqliteStore::CreateIncident(const Incident &incident) {
	ConnectionUse use = Use();
	return Inserted(db(), Execute(db(),
	                             "INSERT INTO incidents(org_id, reported_by, reported_at, what, noticed_at, device, "
	                             "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
	                             [&](Statement &s) {
		                             s.Bind(1, incident.org_id)
		                                 .Bind(2, incident.reported_by)
		                                 .Bind(3, incident.reported_at)
		                                 .Bind(4, incident.what)
		                                 .Bind(5, incident.noticed_at)
		                                 .Bind(6, incident.device)
		                                 .Bind(7, incident.reported_at);
	                             }));
}

Status SqliteStore::UpdateIncident(const Incident &incident) {
	ConnectionUse use = Use();
	return ExpectChanged(
	    Execute(db(),
	            "UPDATE incidents SET kind = ?, external_impact = ?, personal_data_leak = ?, business_impact = ?, "
	            "work_impact = ?, level = ?, status = ?, personal_data = ?, sensitive = ?, financial_harm = ?, "
	            "malicious = ?, affected_people = ?, strongly_encrypted = ?, aware_on = ?, preliminary_reported_at = ?, "
	            "final_reported_at = ?, closed_at = ?, updated_at = ?, cause = ?, prevention = ?, public_statement = ? "
	            "WHERE org_id = ? AND id = ?",
	            [&](Statement &s) {
		            s.Bind(1, incident.kind)
		                .Bind(2, incident.external_impact)
		                .Bind(3, incident.personal_data_leak)
		                .Bind(4, incident.business_impact)
		                .Bind(5, incident.work_impact)
		                .Bind(6, incident.level)
		                .Bind(7, incident.closed ? "closed" : "open")
		                .Bind(8, incident.personal_data)
		                .Bind(9, incident.sensitive)
		                .Bind(10, incident.financial_harm)
		                .Bind(11, incident.malicious)
		                .Bind(12, incident.affected_people)
		                .Bind(13, incident.strongly_encrypted)
		                .Bind(14, incident.aware_on)
		                .Bind(15, incident.preliminary_reported_at)
		                .Bind(16, incident.final_reported_at)
		                .Bind(17, incident.closed_at)
		                .Bind(18, incident.updated_at)
		                .Bind(19, incident.cause)
		                .Bind(20, incident.prevention)
		                .Bind(21, incident.public_statement)
		                .Bind(22, incident.org_id)
		                .Bind(23, incident.id);
	            }),
	    "the incident does not exist");
}

Result<Id> SqliteStore::AddIncidentEvent(Id org_id, const IncidentEvent &event) {
	ConnectionUse use = Use();
	// Inserted through the incident row, so an event never lands on another
	// organisation's incident.
	const int inserted = MAMORI_TRY(Execute(db(),
	                                        "INSERT INTO incident_events(incident_id, at, user_id, type, step_id, text) "
	                                        "SELECT id, ?, ?, ?, ?, ? FROM incidents WHERE org_id = ? AND id = ?",
	                                        [&](Statement &s) {
		                                        s.Bind(1, event.at)
		                                            .Bind(2, event.user_id)
		                                            .Bind(3, event.type)
		                                            .Bind(4, event.step_id)
		                                            .Bind(5, event.text)
		                                            .Bind(6, org_id)
		                                            .Bind(7, event.incident_id);
	                                        }));
	if (inserted == 0) {
		return Error::Make(ErrorCode::kNotFound, "the incident does not exist");
	}
	return static_cast<Id>(MAMORI_TRY(db()->LastInsertId()));
}

Result<std::vector<IncidentEvent>> SqliteStore::ListIncidentEvents(Id org_id, Id incident_id) {
	ConnectionUse use = Use();
	return QueryAll<IncidentEvent>(
	    db(),
	    "SELECT e.id, e.incident_id, e.at, e.user_id, COALESCE(NULLIF(u.display_name, ''), u.email, ''), e.type, "
	    "e.step_id, e.text FROM incident_events e JOIN incidents i ON i.id = e.incident_id "
	    "LEFT JOIN users u ON u.id = e.user_id WHERE i.org_id = ? AND e.incident_id = ? ORDER BY e.at, e.id",
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, incident_id); }, ReadEvent);
}

} // namespace mamori::storage
