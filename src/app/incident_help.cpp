// mamori/app/incident_help.cpp
#include "app/incident_help.hpp"

#include "app/audit.hpp"
#include "app/cloud_services.hpp"
#include "app/incidents.hpp"
#include "app/register_text.hpp"
#include "app/risk_service.hpp"

#include <algorithm>
#include <ctime>

namespace mamori::app {
namespace {

using register_text::TextRule;

constexpr size_t kMaxSheetText = 4000;
constexpr size_t kMaxEnvironmentText = 1000;
constexpr long long kJapanOffsetSeconds = 9 * 3600;

//! "2026-12-01T00:30:00Z" → "2026-12-01 09:30" (Japan time); the input
//! unchanged when it is not such a timestamp.
std::string JapanMinute(const std::string &utc) {
	std::tm parts{};
	if (utc.size() < 19 || strptime(utc.c_str(), "%Y-%m-%dT%H:%M:%S", &parts) == nullptr) {
		return utc;
	}
	const std::time_t local = timegm(&parts) + kJapanOffsetSeconds;
	gmtime_r(&local, &parts);
	char text[20];
	std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &parts);
	return text;
}

std::string JoinLines(const std::vector<std::string> &lines) {
	std::string joined;
	for (const auto &line : lines) {
		if (!line.empty()) {
			joined += joined.empty() ? line : "\n" + line;
		}
	}
	return joined;
}

//! The timeline entries that say what happened after the report: notes,
//! evidence kept and devices cut off, each with its time.
std::vector<std::string> LaterEvents(const std::vector<storage::IncidentEvent> &events) {
	std::vector<std::string> lines;
	for (const auto &event : events) {
		if ((event.type == "note" || event.type == "evidence_preserved" || event.type == "device_isolated") &&
		    !event.text.empty()) {
			lines.push_back(JapanMinute(event.at) + " " + event.text);
		}
	}
	return lines;
}

Status CheckSheet(const storage::IncidentHelpSheet &sheet) {
	const TextRule texts[] = {
	    {"devices", &sheet.devices, kMaxSheetText, nullptr, "app_incident_help.too_long"},
	    {"operating_systems", &sheet.operating_systems, kMaxSheetText, nullptr, "app_incident_help.too_long"},
	    {"security_software", &sheet.security_software, kMaxSheetText, nullptr, "app_incident_help.too_long"},
	    {"cloud_services", &sheet.cloud_services, kMaxSheetText, nullptr, "app_incident_help.too_long"},
	    {"events", &sheet.events, kMaxSheetText, nullptr, "app_incident_help.too_long"},
	    {"grounds", &sheet.grounds, kMaxSheetText, nullptr, "app_incident_help.too_long"},
	    {"consulted", &sheet.consulted, kMaxSheetText, nullptr, "app_incident_help.too_long"},
	};
	return register_text::CheckTexts(texts);
}

Result<storage::Incident> IncidentForSheet(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                           Id incident_id) {
	auto incident = MAMORI_TRY(GetIncident(ctx, actor, access, incident_id));
	// The reporter sees their own report, but the sheet carries the firm's
	// systems and the response so far: only those who see every incident.
	if (!SeesAllIncidents(access)) {
		return Error::Make(ErrorCode::kForbidden, "app_incident_help.not_allowed");
	}
	return incident;
}

} // namespace

storage::IncidentHelpSheet DraftHelpSheet(const DocumentWords &words, const HelpSheetSources &sources) {
	const storage::Incident &incident = sources.incident;
	storage::IncidentHelpSheet sheet;
	sheet.incident_id = incident.id;
	sheet.org_id = incident.org_id;

	std::vector<std::string> devices;
	if (!incident.device.empty()) {
		devices.push_back(words("app_incident_help.draft.reported_device", {{"device", incident.device}}));
	}
	if (!sources.media.empty()) {
		std::string media;
		for (const auto &medium : sources.media) {
			media += media.empty() ? medium : words("app_incident_help.draft.separator") + medium;
		}
		devices.push_back(words("app_incident_help.draft.register_media", {{"media", media}}));
	}
	sheet.devices = JoinLines(devices);
	sheet.operating_systems = sources.environment.operating_systems;
	sheet.security_software = sources.environment.security_software;
	sheet.cloud_services = JoinLines(sources.cloud_services);

	std::string noticed = incident.noticed_at;
	std::replace(noticed.begin(), noticed.end(), 'T', ' ');
	std::vector<std::string> events = {words("app_incident_help.draft.noticed", {{"at", noticed}, {"what", incident.what}})};
	for (auto &line : LaterEvents(sources.events)) {
		events.push_back(std::move(line));
	}
	sheet.events = JoinLines(events);

	std::vector<std::string> consulted;
	if (incident.preliminary_reported_at) {
		consulted.push_back(words("app_incident_help.draft.ppc_preliminary",
		                          {{"at", JapanMinute(*incident.preliminary_reported_at)}}));
	}
	if (incident.final_reported_at) {
		consulted.push_back(
		    words("app_incident_help.draft.ppc_final", {{"at", JapanMinute(*incident.final_reported_at)}}));
	}
	sheet.consulted = JoinLines(consulted);
	return sheet;
}

Result<HelpSheetView> LoadHelpSheet(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                    const DocumentWords &words, Id incident_id) {
	auto incident = MAMORI_TRY(IncidentForSheet(ctx, actor, access, incident_id));
	if (auto saved = MAMORI_TRY(ctx.store.FindIncidentHelpSheet(access.org.id, incident_id))) {
		return HelpSheetView{.sheet = std::move(*saved), .saved = true};
	}
	HelpSheetSources sources{.incident = incident,
	                         .events = MAMORI_TRY(ctx.store.ListIncidentEvents(access.org.id, incident_id)),
	                         .environment = MAMORI_TRY(ctx.store.GetItEnvironment(access.org.id))};
	const Edition &edition = access.EditionOf(ctx.catalog);
	for (const auto &asset : MAMORI_TRY(ListAssets(ctx, access))) {
		const RiskMedium *medium = edition.risk_catalog.FindMedium(asset.medium);
		const std::string name = medium == nullptr ? asset.medium : medium->name;
		if (!name.empty() && std::find(sources.media.begin(), sources.media.end(), name) == sources.media.end()) {
			sources.media.push_back(name);
		}
	}
	for (const auto &service : MAMORI_TRY(ListCloudServices(ctx, access))) {
		sources.cloud_services.push_back(
		    service.provider.empty()
		        ? service.name
		        : words("app_incident_help.draft.service", {{"name", service.name}, {"provider", service.provider}}));
	}
	return HelpSheetView{.sheet = DraftHelpSheet(words, sources), .saved = false};
}

Status SaveHelpSheet(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::IncidentHelpSheet sheet) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	auto incident = MAMORI_TRY(GetIncident(ctx, actor, access, sheet.incident_id));
	if (incident.closed) {
		return Error::Make(ErrorCode::kConflict, "app_incidents.closed");
	}
	MAMORI_TRY(CheckSheet(sheet));
	sheet.org_id = access.org.id;
	storage::IncidentEvent event;
	event.incident_id = incident.id;
	event.at = ctx.clock.NowIso();
	event.user_id = actor.user_id;
	event.type = "help_sheet_saved";
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.SaveIncidentHelpSheet(sheet));
		MAMORI_TRY(ctx.store.AddIncidentEvent(access.org.id, event));
		return Audit(ctx, access.org.id, actor.user_id, "incident.help_sheet", "incident:" + std::to_string(incident.id),
		             nlohmann::json::object());
	});
}

Result<storage::ItEnvironment> LoadItEnvironment(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.GetItEnvironment(access.org.id);
}

Status SaveItEnvironment(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                         storage::ItEnvironment environment) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	const TextRule texts[] = {
	    {"operating_systems", &environment.operating_systems, kMaxEnvironmentText, nullptr,
	     "app_incident_help.too_long"},
	    {"security_software", &environment.security_software, kMaxEnvironmentText, nullptr,
	     "app_incident_help.too_long"},
	};
	MAMORI_TRY(register_text::CheckTexts(texts));
	environment.org_id = access.org.id;
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.SaveItEnvironment(environment));
		return Audit(ctx, access.org.id, actor.user_id, "it_environment.update", "organization",
		             nlohmann::json::object());
	});
}

} // namespace mamori::app
