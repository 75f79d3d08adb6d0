// mamori/web/routes_risk.cpp
//
// 詳細リスク分析 (付録7): the overview of the analysis as a task list, the
// helpers every risk page shares, and WebApp::MountRisk, which mounts the
// pages of each area (see risk_routes.hpp). The rules live in
// app/risk_service and core/risk; these files only turn them into pages.
#include "app/risk_views.hpp"
#include "web/presentation/css_classes.hpp"
#include "web/risk_routes.hpp"

namespace mamori::web {
namespace risk_pages {

std::string RiskBase(const app::OrgAccess &access) {
	return "/orgs/" + std::to_string(access.org.id) + "/risk";
}

std::shared_ptr<const app::RegisterAnalysis> LoadAnalysis(WebApp &web, Request &request, const app::OrgAccess &access,
                                                    bool with_planned, const Catalog *content) {
	auto analysis = app::AnalyzeOrganization(web.ctx(), access, with_planned, content);
	if (!analysis) {
		web.SendErrorPage(request, analysis.error());
		return nullptr;
	}
	return std::move(analysis.value());
}

void AddFormError(Json &model, const Error &error, const std::string &field_id, const std::string &field_key) {
	model["error_summary"] = ErrorSummary(error, field_id);
	model["errors"] = {{field_key, error.message}};
}

Result<TreatmentIndex> LoadTreatments(WebApp &web, const app::OrgAccess &access) {
	auto treatments = app::ListTreatments(web.ctx(), access);
	if (!treatments) {
		return treatments.error();
	}
	TreatmentIndex index;
	for (auto &treatment : *treatments) {
		index[{treatment.asset_id, treatment.threat_id}] = treatment;
	}
	return index;
}

Id AssetIdAt(const app::RegisterAnalysis &analysis, size_t index) {
	return index < analysis.assets.size() ? analysis.assets[index].id : 0;
}

Json OptionalText(const std::string &text) {
	return text.empty() ? Json(false) : Json(text);
}

Json RiskCellJson(int value, const RiskLevelBand *level) {
	return {{"value", value},
	        {"label", app::RiskLevelLabel(level)},
	        {"class", RiskLevelClass(level)},
	        {"description", OptionalText(level != nullptr ? level->description : "")}};
}

namespace {

//! 「4〜6が『大』（深刻な事故が起きる可能性大）、…」 from the edition's bands (表13).
std::string LevelSentence(const PageText &words, const RiskScale &scale) {
	std::string text;
	for (const auto &level : scale.levels) {
		if (!text.empty()) {
			text += words("web_risk.level_sentence.separator");
		}
		const std::string range = level.min == level.max
		                              ? std::to_string(level.min)
		                              : words("web_risk.level_sentence.range", {{"min", std::to_string(level.min)},
		                                                                        {"max", std::to_string(level.max)}});
		text += level.description.empty()
		            ? words("web_risk.level_sentence.band", {{"range", range}, {"label", level.label}})
		            : words("web_risk.level_sentence.band_described",
		                    {{"range", range}, {"label", level.label}, {"description", level.description}});
	}
	return text;
}

void ShowOverview(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto analysis = LoadAnalysis(web, request, access, false, &web.Content(request));
	if (!analysis) {
		return;
	}
	auto treatments = LoadTreatments(web, access);
	if (!treatments) {
		return web.SendErrorPage(request, treatments.error());
	}
	const Edition &edition = access.EditionOf(web.Content(request));
	const RiskCatalog &catalog = edition.risk_catalog;
	const std::string base = RiskBase(access);
	const int asset_count = static_cast<int>(analysis->assets.size());
	int threat_count = 0;
	for (const auto &medium : catalog.media) {
		threat_count += static_cast<int>(medium.threats.size());
	}
	const int frequency_count = static_cast<int>(analysis->input.frequencies.size());
	const int item_count = static_cast<int>(catalog.check_items.size());
	const int answered = app::AnsweredItemCount(catalog, analysis->input.answers);
	const auto needing = app::RisksAtLevels(analysis->result, {"high", "medium"});
	const auto high = app::RisksAtLevels(analysis->result, {"high"});
	int decided = 0;
	for (const auto &risk : needing) {
		const auto &threat = analysis->result.assets[risk.asset].threats[risk.threat];
		decided += treatments->count({AssetIdAt(*analysis, risk.asset), threat.threat->id}) > 0 ? 1 : 0;
	}

	// TagJson carries the key; the page shows the words in the reader's language.
	auto tag_json = [&](const app::TaskTag &tag) {
		Json json = TagJson(tag);
		json["label"] = web.Text(request, tag.label_key);
		return json;
	};
	Json tasks = Json::array();
	auto add = [&](int number, const std::string &title, const std::string &href, const std::string &detail,
	               const Json &tag, bool linked) {
		tasks.push_back({{"number", number},
		                 {"title", title},
		                 {"href", href},
		                 {"detail", detail},
		                 {"tag", tag},
		                 {"linked", linked}});
	};
	const PageText words{web, request};
	const Json blocked = {{"label", words("web_risk.overview.blocked")}, {"class", kBlockedTagClass}};
	add(1, words("web_risk.overview.assets"), base + "/assets",
	    words("web_risk.overview.assets_detail", {{"count", std::to_string(asset_count)}}),
	    tag_json(asset_count > 0 ? app::TaskTag{"app_risk.progress.done", app::TaskProgress::kDone} : app::TaskTagOf(0, 1)), true);
	add(2, words("pages.risk_threats"), base + "/threats",
	    frequency_count == 0
	        ? words("web_risk.overview.threats_default", {{"count", std::to_string(threat_count)}})
	        : words("web_risk.overview.threats_own",
	                {{"count", std::to_string(threat_count)}, {"own", std::to_string(frequency_count)}}),
	    tag_json(frequency_count > 0 ? app::TaskTag{"app_risk.progress.done", app::TaskProgress::kDone} : app::TaskTagOf(0, 1)), true);
	add(3, words("pages.risk_check"), base + "/check",
	    words("web_risk.overview.check_detail",
	          {{"answered", std::to_string(answered)}, {"count", std::to_string(item_count)}}),
	    tag_json(app::TaskTagOf(answered, item_count)), true);
	if (asset_count == 0) {
		add(4, words("pages.risk_results"), "", words("web_risk.overview.results_blocked"), blocked, false);
		add(5, words("pages.risk_treatments"), "", words("web_risk.overview.treatments_blocked"), blocked, false);
	} else {
		add(4, words("pages.risk_results"), base + "/results",
		    words("web_risk.overview.results_detail",
		          {{"high", std::to_string(high.size())}, {"needing", std::to_string(needing.size())}}),
		    tag_json(answered >= item_count ? app::TaskTag{"app_risk.progress.done", app::TaskProgress::kDone}
		                                    : app::TaskTag{"app_risk.progress.in_progress", app::TaskProgress::kInProgress}),
		    true);
		add(5, words("pages.risk_treatments"), base + "/treatments",
		    words("web_risk.overview.treatments_detail",
		          {{"decided", std::to_string(decided)}, {"needing", std::to_string(needing.size())}}),
		    needing.empty() ? tag_json(app::TaskTag{"app_risk.progress.done", app::TaskProgress::kDone})
		                    : tag_json(app::TaskTagOf(decided, static_cast<int>(needing.size()))),
		    true);
	}
	Json model = {
	    {"tasks", tasks},
	    {"level_sentence", LevelSentence(words, edition.risk_scale)},
	    {"has_assets", asset_count > 0},
	    {"can_edit", access.CanEdit()},
	    {"base", base},
	};
	web.SendHtml(request, 200, web.RenderPage(request, "risk_overview", model, "pages.risk_overview", access));
}

} // namespace

RouteTable OverviewRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/risk)", RiskViewer(), ShowOverview},
	};
}

Gate RiskViewer() {
	return OrgStaff("gates.risk");
}

Gate RiskEditor() {
	return OrgEditor("", "gates.risk");
}

} // namespace risk_pages

RouteTable RiskRoutes() {
	RouteTable routes;
	for (RouteTable (*table)() :
	     {risk_pages::OverviewRoutes, risk_pages::RiskRegisterRoutes, risk_pages::RiskCheckRoutes,
	      risk_pages::RiskResultRoutes, risk_pages::RiskTreatmentRoutes, risk_pages::RiskFileRoutes}) {
		for (Route &route : table()) {
			routes.push_back(std::move(route));
		}
	}
	return routes;
}

} // namespace mamori::web
