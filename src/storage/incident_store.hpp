// mamori/storage/incident_store.hpp
//
// The incident register (issue 9): what someone reported 「異常を見つけた」,
// how the 対応責任者 classified it, the personal-data questions of the law
// and whether the 速報/確報 were made; and its timeline of events. One area of
// the Store interface (storage/store.hpp); its organisation-scoping rule
// holds here too: events are reached through their incident's org_id.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

struct Incident {
	Id id = 0;
	Id org_id = 0;
	std::optional<Id> reported_by;  // gone when the account was deleted
	std::string reported_by_name;   // joined for display (display name, else email)
	std::string reported_at;        // YYYY-MM-DDTHH:MM:SSZ
	std::string what;
	std::string noticed_at;  // as the reporter gave it: YYYY-MM-DDTHH:MM
	std::string device;
	std::optional<std::string> kind;  // an IncidentKind id once classified
	bool external_impact = false;
	bool personal_data_leak = false;
	bool business_impact = false;
	bool work_impact = false;
	std::optional<int> level;  // 0-3 once classified
	bool closed = false;
	// The personal-data questions; nullopt until asked.
	std::optional<bool> personal_data;
	std::optional<bool> sensitive;
	std::optional<bool> financial_harm;
	std::optional<bool> malicious;
	std::optional<long long> affected_people;
	std::optional<bool> strongly_encrypted;
	std::optional<std::string> aware_on;  // YYYY-MM-DD
	std::optional<std::string> preliminary_reported_at;  // 速報 done
	std::optional<std::string> final_reported_at;        // 確報 done
	std::optional<std::string> closed_at;
	// What the close form recorded ('' until closed): 原因, 再発防止策, 公表文.
	std::string cause;
	std::string prevention;
	std::string public_statement;
	std::string updated_at;
};

//! One entry of an incident's timeline.
struct IncidentEvent {
	Id id = 0;
	Id incident_id = 0;
	std::string at;
	std::optional<Id> user_id;
	std::string user_name;  // joined for display (display name, else email)
	std::string type;       // reported, classified, step_done, note, evidence_preserved, ...
	std::string step_id;    // the procedure step it ticks, or ""
	std::string text;
};

//! 「事前に整理する情報」 for one incident: what a help desk (IPA, the
//! police, a security company) asks first, as the firm last saved it.
struct IncidentHelpSheet {
	Id incident_id = 0;
	Id org_id = 0;
	std::string devices;            // 対象となる端末の種類
	std::string operating_systems;  // 端末のOS
	std::string security_software;  // セキュリティソフトの名称
	std::string cloud_services;     // 利用しているクラウドサービス
	std::string events;             // 発生した日と内容、その後の事象
	std::string grounds;            // 攻撃と判断した根拠
	std::string consulted;          // 他に相談した窓口や機関
	std::string updated_at;
};

//! A firm's own steps for one procedure of the incident rules (kind and
//! levels key, e.g. "malware" / "3-2-1-0"), replacing the catalog's.
struct ProcedureAdaptation {
	Id org_id = 0;
	std::string kind;
	std::string levels;
	std::string steps_json;  // [{id, actor, title, text, evidence, isolation}], checked by app/
	std::string updated_at;
};

class IncidentStore {
public:
	virtual ~IncidentStore() = default;

	//! Newest first. With reported_by, only the incidents that user reported.
	virtual Result<std::vector<Incident>> ListIncidents(Id org_id, std::optional<Id> reported_by) = 0;
	virtual Result<std::optional<Incident>> FindIncident(Id org_id, Id incident_id) = 0;
	//! Stores every field but id and reported_by_name; updated_at = reported_at.
	virtual Result<Id> CreateIncident(const Incident &incident) = 0;
	//! Writes the fields that change while the incident is worked (kind,
	//! facts, level, status, the personal-data answers, the report and
	//! closing timestamps, updated_at). kNotFound unless it is org_id's.
	virtual Status UpdateIncident(const Incident &incident) = 0;

	//! kNotFound unless the incident belongs to org_id.
	virtual Result<Id> AddIncidentEvent(Id org_id, const IncidentEvent &event) = 0;
	//! Oldest first (at, id); empty for another organisation's incident.
	virtual Result<std::vector<IncidentEvent>> ListIncidentEvents(Id org_id, Id incident_id) = 0;

	//! nullopt until the sheet was first saved.
	virtual Result<std::optional<IncidentHelpSheet>> FindIncidentHelpSheet(Id org_id, Id incident_id) = 0;
	//! Creates or replaces the sheet; kNotFound unless the incident is org_id's.
	virtual Status SaveIncidentHelpSheet(const IncidentHelpSheet &sheet) = 0;

	//! The organisation's adapted procedures (kind, levels order).
	virtual Result<std::vector<ProcedureAdaptation>> ListProcedureAdaptations(Id org_id) = 0;
	//! Creates or replaces the adaptation of (kind, levels).
	virtual Status SaveProcedureAdaptation(const ProcedureAdaptation &adaptation) = 0;
	//! Back to the catalog's steps; fine when there was none.
	virtual Status DeleteProcedureAdaptation(Id org_id, const std::string &kind, const std::string &levels) = 0;
};

} // namespace mamori::storage
