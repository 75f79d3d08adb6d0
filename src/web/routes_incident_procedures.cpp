// mamori/web/routes_incident_procedures.cpp
//
// The firm's incident procedures (issue 9): every kind's steps per damage
// levels as the firm uses them, and for editors a form that adapts one
// procedure (reword, reassign, reorder, remove or add steps) or resets it to
// the handbook's sample. The rules live in app/incident_procedures.
#include "app/incident_procedures.hpp"
#include "app/selfcheck_views.hpp"
#include "web/incident_routes.hpp"
#include "web/register_pages.hpp"

#include <algorithm>
#include <charconv>

namespace mamori::web::incident_pages {
namespace {

using register_pages::AddError;

//! New steps a form offers below the existing ones.
constexpr size_t kBlankRows = 2;
//! Rows read from a form at most (existing ones plus the blanks).
constexpr int kMaxRows = static_cast<int>(app::kMaxProcedureSteps + kBlankRows);

std::string ProceduresBase(const app::OrgAccess &access) { return IncidentBase(access) + "/procedures"; }

std::string LevelsLabel(WebApp &web, Request &request, const std::vector<int> &levels) {
	std::string label;
	for (int level : levels) {
		label += (label.empty() ? "" : web.Text(request, "web_incident_procedures.levels_separator")) +
		         web.Text(request, "web_incidents.level_n", {{"level", std::to_string(level)}});
	}
	return label;
}

Json StepList(const incident::IncidentProcedures &procedures, const std::vector<incident::ProcedureStep> &steps) {
	Json list = Json::array();
	for (const auto &step : steps) {
		const incident::ProcedureActor *actor = procedures.FindActor(step.actor);
		list.push_back({{"title", step.title},
		                {"text", step.text},
		                {"actor", actor == nullptr ? step.actor : actor->label},
		                {"evidence", step.evidence},
		                {"isolation", step.isolation}});
	}
	return list;
}

void ShowProcedures(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto rules = app::FirmIncidentRules(web.ctx(), access, web.Content(request));
	auto adapted = app::AdaptedProcedures(web.ctx(), access);
	if (!rules || !adapted) {
		return web.SendErrorPage(request, !rules ? rules.error() : adapted.error());
	}
	Json kinds = Json::array();
	for (const auto &kind : rules->procedures.kinds) {
		Json procedures = Json::array();
		for (const auto &procedure : kind.procedures) {
			const std::string levels = incident::LevelsKey(procedure.levels);
			procedures.push_back({{"levels", LevelsLabel(web, request, procedure.levels)},
			                      {"adapted", adapted->count({kind.id, levels}) > 0},
			                      {"steps", StepList(rules->procedures, procedure.steps)},
			                      {"edit", ProceduresBase(access) + "/" + kind.id + "/" + levels}});
		}
		kinds.push_back({{"id", kind.id}, {"label", kind.label}, {"situation", kind.situation}, {"procedures", procedures}});
	}
	Json model = {{"kinds", kinds},
	              {"can_edit", access.CanEdit()},
	              {"list", IncidentBase(access)},
	              {"source", rules->procedures.source.document + " " + rules->procedures.source.location}};
	web.SendHtml(request, 200,
	             web.RenderPage(request, "incident_procedures", model, "web_incident_procedures.title", access));
}

struct ProcedureKey {
	std::string kind;
	std::string levels;
};

ProcedureKey KeyOf(const Request &request) { return {request.http.matches[2], request.http.matches[3]}; }

void RenderEditor(WebApp &web, Request &request, const app::OrgAccess &access, const ProcedureKey &key,
                  const std::vector<incident::ProcedureStep> &steps, const std::optional<Error> &error) {
	const auto &procedures = web.Content(request).incident.procedures;
	const incident::IncidentKind *kind = procedures.FindKind(key.kind);
	const incident::Procedure *sample = app::FindProcedure(procedures, key.kind, key.levels);
	if (sample == nullptr) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_incident_procedures.not_found"));
	}
	const PageText words{web, request};
	auto field_error = [&](const std::string &field) {
		return error && error->field == field ? Json(words.Describe(*error)) : Json(false);
	};
	Json rows = Json::array();
	const size_t total = steps.size() + kBlankRows;
	for (size_t i = 0; i < total; ++i) {
		const bool existing = i < steps.size();
		const incident::ProcedureStep step = existing ? steps[i] : incident::ProcedureStep{};
		const std::string n = std::to_string(i + 1);
		Json actors = Json::array();
		for (const auto &actor : procedures.actors) {
			actors.push_back({{"id", actor.id}, {"label", actor.label}, {"selected", actor.id == step.actor}});
		}
		rows.push_back({{"n", n},
		                {"existing", existing},
		                {"id", step.id},
		                {"title", step.title},
		                {"text", step.text},
		                {"actors", actors},
		                {"evidence", step.evidence},
		                {"isolation", step.isolation},
		                {"title_error", field_error("title." + n)},
		                {"text_error", field_error("text." + n)},
		                {"actor_error", field_error("actor." + n)}});
	}
	const std::string action = ProceduresBase(access) + "/" + key.kind + "/" + key.levels;
	Json model = {{"kind", kind->label},
	              {"levels", LevelsLabel(web, request, sample->levels)},
	              {"rows", rows},
	              {"row_count", total},
	              {"action", action},
	              {"reset", action + "/reset"},
	              {"back", ProceduresBase(access)},
	              {"steps_error", field_error("steps")}};
	if (error) {
		AddError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "incident_procedure_edit", model, "web_incident_procedures.title_edit", access));
}

void ShowEditor(WebApp &web, Request &request, const app::OrgAccess &access) {
	const ProcedureKey key = KeyOf(request);
	auto rules = app::FirmIncidentRules(web.ctx(), access, web.Content(request));
	if (!rules) {
		return web.SendErrorPage(request, rules.error());
	}
	if (const incident::Procedure *procedure = app::FindProcedure(rules->procedures, key.kind, key.levels)) {
		return RenderEditor(web, request, access, key, procedure->steps, std::nullopt);
	}
	web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_incident_procedures.not_found"));
}

int ParseOrder(const std::string &text, int fallback) {
	int value = 0;
	auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
	return ec == std::errc() && end == text.data() + text.size() ? value : fallback;
}

//! The rows as typed, without removed rows and untouched blank ones, in the
//! order their numbers give (ties keep the form's order).
std::vector<incident::ProcedureStep> ReadSteps(const Request &request) {
	struct Row {
		int order;
		incident::ProcedureStep step;
	};
	std::vector<Row> rows;
	const int count = std::min(ParseOrder(request.Param("rows"), 0), kMaxRows);
	for (int i = 1; i <= count; ++i) {
		const std::string n = std::to_string(i);
		if (request.HasParam("remove." + n)) {
			continue;
		}
		incident::ProcedureStep step;
		step.id = app::TrimSpaces(request.Param("id." + n));
		step.title = app::TrimSpaces(request.Param("title." + n));
		step.text = app::TrimSpaces(request.Param("text." + n));
		step.actor = request.Param("actor." + n);
		step.evidence = request.HasParam("evidence." + n);
		step.isolation = request.HasParam("isolation." + n);
		if (step.id.empty() && step.title.empty() && step.text.empty()) {
			continue;  // a blank row left blank
		}
		rows.push_back({ParseOrder(request.Param("order." + n), i), std::move(step)});
	}
	std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.order < b.order; });
	std::vector<incident::ProcedureStep> steps;
	for (auto &row : rows) {
		steps.push_back(std::move(row.step));
	}
	return steps;
}

void SaveProcedure(WebApp &web, Request &request, const app::OrgAccess &access) {
	const ProcedureKey key = KeyOf(request);
	const auto steps = ReadSteps(request);
	if (auto saved = app::SaveFirmProcedure(web.ctx(), request.actor(), access, key.kind, key.levels, steps); !saved) {
		if (saved.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, saved.error());
		}
		// Shown in the order read, so "title.N" is the row N of the new form.
		return RenderEditor(web, request, access, key, steps, saved.error());
	}
	web.Redirect(request, ProceduresBase(access) + "#" + key.kind);
}

void ResetProcedure(WebApp &web, Request &request, const app::OrgAccess &access) {
	const ProcedureKey key = KeyOf(request);
	if (auto reset = app::ResetFirmProcedure(web.ctx(), request.actor(), access, key.kind, key.levels); !reset) {
		return web.SendErrorPage(request, reset.error());
	}
	web.Redirect(request, ProceduresBase(access) + "#" + key.kind);
}

} // namespace

RouteTable IncidentProcedureRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/incidents/procedures)", OrgMember(), ShowProcedures},
	    {Method::kGet, R"(/orgs/(\d+)/incidents/procedures/([a-z_]+)/([0-9-]+))", OrgEditor(), ShowEditor},
	    {Method::kPost, R"(/orgs/(\d+)/incidents/procedures/([a-z_]+)/([0-9-]+))", OrgEditor(), SaveProcedure},
	    {Method::kPost, R"(/orgs/(\d+)/incidents/procedures/([a-z_]+)/([0-9-]+)/reset)", OrgEditor(), ResetProcedure},
	};
}

} // namespace mamori::web::incident_pages
