// mamori/web/routes_incident_guides.cpp
//
// The incident rules as pages any member can read before anything happens:
// the damage levels 0–3 (what puts an incident at a level and who leads it).
// The page and the もしもマニュアル read the same rules and the same
// 管理体制, so they never disagree.
#include "app/documents/incident_responders.hpp"
#include "web/incident_routes.hpp"

namespace mamori::web::incident_pages {

void ShowLevels(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto &damage = web.Content(request).incident.damage;
	auto team = app::ResponseTeamOf(web.ctx(), access);
	if (!team) {
		return web.SendErrorPage(request, team.error());
	}
	Json levels = Json::array();
	for (const auto &rule : damage.levels) {
		Json facts = Json::array();
		for (const auto &fact : rule.when_any) {
			facts.push_back(web.Text(request, FactKey(fact)));
		}
		const incident::IncidentLead *lead = damage.FindLead(rule.lead);
		const app::Responder responder = team->For(rule.lead);
		levels.push_back({{"level", rule.level},
		                  {"scope", rule.scope},
		                  {"facts", facts},
		                  {"remaining", facts.empty()},
		                  {"lead", lead == nullptr ? rule.lead : lead->label},
		                  {"lead_example", lead == nullptr ? Json(false) : Json(lead->example)},
		                  {"name", responder.name.empty() ? Json(false) : Json(responder.name)},
		                  {"phone", responder.phone.empty() ? Json(false) : Json(responder.phone)}});
	}
	Json model = {{"levels", levels},
	              {"source", damage.source.document + " " + damage.source.location},
	              {"list", IncidentBase(access)},
	              // Names come from 管理体制; only those who edit it get the link.
	              {"governance_href", access.CanEdit() ? Json("/orgs/" + std::to_string(access.org.id) +
	                                                          "/documents/edit/governance")
	                                                   : Json(false)},
	              {"new_report", IncidentBase(access) + "/new"}};
	web.SendHtml(request, 200, web.RenderPage(request, "incident_levels", model, "web_incidents.title.levels", access));
}

} // namespace mamori::web::incident_pages
