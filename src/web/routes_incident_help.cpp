// mamori/web/routes_incident_help.cpp
//
// 「事前に整理する情報」 for one incident: the seven answers a help desk asks
// for first, drafted by app/incident_help from the firm's data, with the
// places to call beside them. The 責任者 corrects and saves; the 経営者
// reads. This file only translates HTTP.
#include "app/incident_help.hpp"
#include "app/selfcheck_views.hpp"
#include "web/incident_routes.hpp"
#include "web/register_pages.hpp"

namespace mamori::web::incident_pages {
namespace {

using register_pages::AddError;
using register_pages::TextField;

storage::IncidentHelpSheet ReadSheet(const Request &request, Id incident_id) {
	storage::IncidentHelpSheet sheet;
	sheet.incident_id = incident_id;
	sheet.devices = app::TrimSpaces(request.Param("devices"));
	sheet.operating_systems = app::TrimSpaces(request.Param("operating_systems"));
	sheet.security_software = app::TrimSpaces(request.Param("security_software"));
	sheet.cloud_services = app::TrimSpaces(request.Param("cloud_services"));
	sheet.events = app::TrimSpaces(request.Param("events"));
	sheet.grounds = app::TrimSpaces(request.Param("grounds"));
	sheet.consulted = app::TrimSpaces(request.Param("consulted"));
	return sheet;
}

Json Contacts(WebApp &web, Request &request) {
	Json contacts = Json::array();
	for (const auto &contact : web.Content(request).incident.procedures.contacts) {
		contacts.push_back({{"label", contact.label}, {"purpose", contact.purpose}, {"urls", contact.urls}});
	}
	return contacts;
}

void RenderSheet(WebApp &web, Request &request, const app::OrgAccess &access, const storage::Incident &incident,
                 const app::HelpSheetView &view, const std::optional<Error> &error) {
	const PageText words{web, request};
	const auto &sheet = view.sheet;
	const bool can_edit = access.CanEdit() && !incident.closed;
	Json texts = Json::array({
	    TextField(words, "devices", "web_incident_help.devices", "web_incident_help.devices_hint", sheet.devices, false,
	              true, error),
	    TextField(words, "operating_systems", "web_incident_help.operating_systems",
	              "web_incident_help.operating_systems_hint", sheet.operating_systems, false, true, error),
	    TextField(words, "security_software", "web_incident_help.security_software",
	              "", sheet.security_software, false, true, error),
	    TextField(words, "cloud_services", "web_incident_help.cloud_services", "",
	              sheet.cloud_services, false, true, error),
	    TextField(words, "events", "web_incident_help.events", "web_incident_help.events_hint", sheet.events, false,
	              true, error),
	    TextField(words, "grounds", "web_incident_help.grounds", "web_incident_help.grounds_hint", sheet.grounds, false,
	              true, error),
	    TextField(words, "consulted", "web_incident_help.consulted", "",
	              sheet.consulted, false, true, error),
	});
	const std::string href = IncidentBase(access) + "/" + std::to_string(incident.id);
	Json model = {{"incident", href},
	              {"action", href + "/help"},
	              {"what", incident.what},
	              {"texts", texts},
	              {"can_edit", can_edit},
	              {"draft", !view.saved},
	              {"saved", request.Param("done") == "saved"},
	              {"environment", "/orgs/" + std::to_string(access.org.id) + "/continuity#environment"},
	              {"contacts", Contacts(web, request)}};
	if (error) {
		AddError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "incident_help", model, "web_incident_help.title", access));
}

std::optional<Id> IncidentId(const Request &request) { return WebApp::ParseId(request.http.matches[2]); }

} // namespace

void ShowHelpSheet(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = IncidentId(request);
	if (!id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_incidents.not_found"));
	}
	const app::DocumentWords words{web.messages(), request.locale};
	auto view = app::LoadHelpSheet(web.ctx(), request.actor(), access, words, *id);
	if (!view) {
		return web.SendErrorPage(request, view.error());
	}
	auto incident = app::GetIncident(web.ctx(), request.actor(), access, *id);
	if (!incident) {
		return web.SendErrorPage(request, incident.error());
	}
	RenderSheet(web, request, access, *incident, *view, std::nullopt);
}

void SaveHelpSheet(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = IncidentId(request);
	if (!id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_incidents.not_found"));
	}
	const storage::IncidentHelpSheet sheet = ReadSheet(request, *id);
	if (auto saved = app::SaveHelpSheet(web.ctx(), request.actor(), access, sheet); !saved) {
		auto incident = app::GetIncident(web.ctx(), request.actor(), access, *id);
		if (saved.error().code != ErrorCode::kInvalidInput || !incident) {
			return web.SendErrorPage(request, saved.error());
		}
		// What was typed stays in the form.
		return RenderSheet(web, request, access, *incident, app::HelpSheetView{.sheet = sheet, .saved = true},
		                   saved.error());
	}
	web.Redirect(request, IncidentBase(access) + "/" + std::to_string(*id) + "/help?done=saved");
}

} // namespace mamori::web::incident_pages
