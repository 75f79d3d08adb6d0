// mamori/web/routes_risk_results.cpp
//
// 診断結果 (付録7): per category the 実施率 and whether a regulation must be
// written, the heat map of 重要度 × 被害発生可能性, the 大 risks worst first
// and the gaps; and, for every asset, a page that shows each intermediate
// step of its numbers so that none of them is a black box.
#include "app/risk_views.hpp"
#include "core/charts/svg_charts.hpp"
#include "web/form_dates.hpp"
#include "web/presentation/css_classes.hpp"
#include "web/risk_routes.hpp"

#include <algorithm>

namespace mamori::web::risk_pages {
namespace {

//! 「1-3」: the category number and the item's place in it, as the check page numbers them.
std::map<std::string, std::string> ItemNumbers(const RiskCatalog &catalog) {
	std::map<std::string, std::string> numbers;
	for (const auto &category : catalog.categories) {
		int position = 0;
		for (const auto &item : catalog.check_items) {
			if (item.category == category.id) {
				numbers[item.id] = std::to_string(category.number) + "-" + std::to_string(++position);
			}
		}
	}
	return numbers;
}

const RiskMedium *MediumOfThreat(const RiskCatalog &catalog, const RiskThreat *threat) {
	for (const auto &medium : catalog.media) {
		for (const auto &candidate : medium.threats) {
			if (&candidate == threat || candidate.id == threat->id) {
				return &medium;
			}
		}
	}
	return nullptr;
}

std::string YesNo(const PageText &words, bool value) {
	return words(value ? "web_risk.asset.yes" : "web_risk.asset.no");
}

//! 表13's wording of a 被害発生可能性 value, or "".
std::string PossibilityDescription(const RiskCatalog &catalog, int value) {
	for (const auto &label : catalog.possibility_labels) {
		if (label.value == value) {
			return label.description;
		}
	}
	return "";
}

//! Per category, laid out like the 診断結果 sheet: 策定の必要性, 実施率, 対策規定の要否; and the bar chart of rates.
void AddCategories(const PageText &words, Json &model, const RiskCatalog &catalog, const AnalysisResult &result) {
	Json categories = Json::array();
	std::vector<charts::Bar> bars;
	for (const auto &category : result.categories) {
		const auto permille = ImplementationRatePermille(category.rate);
		const std::string label = words("web_risk.results.category_label", {{"number", std::to_string(category.category->number)},
		                                                                     {"name", category.category->name}});
		categories.push_back({{"number", category.category->number},
		                      {"name", category.category->name},
		                      {"regulation", words("web_risk.results.regulation",
		                                           {{"number", std::to_string(category.category->regulation_number)},
		                                            {"name", category.category->regulation_name}})},
		                      {"has_rate", permille.has_value()},
		                      {"rate", FormatImplementationRate(category.rate)},
		                      {"implemented", category.implemented},
		                      {"partial", category.partial},
		                      {"not_implemented", category.not_implemented},
		                      {"not_applicable", category.not_applicable},
		                      {"unanswered", category.unanswered.size()},
		                      {"mark", app::RegulationMark(catalog, category.need)},
		                      {"words", app::RegulationWords(catalog, category.need)},
		                      {"advice", app::RegulationAdvice(catalog, category.need)},
		                      {"reason", words(app::RegulationReason(category))}});
		if (permille) {
			bars.push_back({label, *permille / 10.0, 100});
		}
	}
	std::string needs_legend; // ◎ 必須／○ 必要／— 不要
	for (const auto &need : catalog.regulation_needs) {
		needs_legend += (needs_legend.empty() ? "" : words("web_risk.results.legend_separator")) + need.mark + " " + need.label;
	}
	model["categories"] = categories;
	model["needs_legend"] = needs_legend;
	model["has_bars"] = !bars.empty();
	model["bar_chart"] = bars.empty() ? std::string() : charts::BarChart(words("web_risk.results.rate_chart"), bars, words("web_charts.no_data"));
}

//! The bands of 表13 with their ranges.
Json LevelsJson(const PageText &words, const RiskScale &scale) {
	Json levels = Json::array();
	for (const auto &level : scale.levels) {
		levels.push_back(
		    {{"label", level.label},
		     {"class", RiskLevelClass(&level)},
		     {"range", level.min == level.max ? std::to_string(level.min)
		                                      : words("web_risk.level_sentence.range", {{"min", std::to_string(level.min)},
		                                                                                {"max", std::to_string(level.max)}})},
		     {"description", level.description}});
	}

	return levels;
}

//! Heat map: each asset at its worst risk, as a chart and as a table.
void AddHeatMap(const PageText &words, Json &model, const RiskCatalog &catalog, const RiskScale &scale, const AnalysisResult &result) {
	const app::HeatCounts heat = app::CountHeatMap(scale, result);
	std::vector<std::string> row_labels;
	std::vector<std::string> column_labels;
	std::vector<std::vector<charts::HeatCell>> cells;
	Json heat_columns = Json::array();
	Json heat_rows = Json::array();
	for (int possibility : heat.possibility_columns) {
		const std::string label = app::ScaleLabelText(catalog.possibility_labels, possibility);
		column_labels.push_back(label.empty() ? std::to_string(possibility)
		                                        : words("web_risk.results.possibility_column",
		                                                {{"value", std::to_string(possibility)}, {"label", label}}));
		heat_columns.push_back(column_labels.back());
	}
	for (size_t row = 0; row < heat.importance_rows.size(); ++row) {
		row_labels.push_back(std::to_string(heat.importance_rows[row]));
		std::vector<charts::HeatCell> line;
		Json row_cells = Json::array();
		for (size_t column = 0; column < heat.possibility_columns.size(); ++column) {
			const int count = heat.counts[row][column];
			line.push_back({count, heat.severity[row][column], heat.level_labels[row][column],
			                words(count == 1 ? "web_charts.asset_count.one" : "web_charts.asset_count.other",
			                      {{"count", std::to_string(count)}})});
			row_cells.push_back({{"count", heat.counts[row][column]}, {"level", heat.level_labels[row][column]}});
		}
		cells.push_back(std::move(line));
		heat_rows.push_back({{"importance", heat.importance_rows[row]}, {"cells", row_cells}});
	}

	model["heat_map"] = charts::HeatMap(words("web_risk.results.heat_map"), words("web_risk.results.importance"),
	                                    row_labels, words("web_risk.results.possibility"), column_labels, cells,
	                                    words("web_charts.no_data"));
	model["heat_columns"] = heat_columns;
	model["heat_rows"] = heat_rows;
	model["unplaced"] = heat.unplaced;
	model["has_unplaced"] = heat.unplaced > 0;
}

//! 大 risks, worst first.
Json HighRisksJson(const WebApp &web, const Request &request, const std::string &base,
                   const app::RegisterAnalysis &analysis) {
	const AnalysisResult &result = analysis.result;
	Json high = Json::array();
	for (const auto &risk : app::RisksAtLevels(result, {"high"})) {
		const AssetAssessment &asset = result.assets[risk.asset];
		const ThreatAssessment &threat = asset.threats[risk.threat];
		high.push_back({{"asset", asset.asset->name},
		                {"href", base + "/assets/" + std::to_string(AssetIdAt(analysis, risk.asset))},
		                {"threat", threat.threat->name},
		                {"impact", web.Text(request, app::ImpactLabel(threat.threat->impact))},
		                {"risk", RiskCellJson(threat.risk_value, threat.level)}});
	}
	return high;
}

void RenderResults(WebApp &web, Request &request, const app::OrgAccess &access) {
	const PageText words{web, request};
	auto analysis = LoadAnalysis(web, request, access, false, &web.Content(request));
	if (!analysis) {
		return;
	}
	const Edition &edition = access.EditionOf(web.Content(request));
	const RiskCatalog &catalog = edition.risk_catalog;
	const std::string base = RiskBase(access);
	const AnalysisResult &result = analysis->result;
	const Json high = HighRisksJson(web, request, base, *analysis);
	const size_t medium_count = app::RisksAtLevels(result, {"medium"}).size();

	Json gaps = Json::array();
	for (const RiskThreat *threat : result.uncovered_threats) {
		const RiskMedium *medium = MediumOfThreat(catalog, threat);
		gaps.push_back({{"threat", threat->name}, {"medium", medium ? medium->name : ""}});
	}

	const int answered = app::AnsweredItemCount(catalog, analysis->input.answers);
	const int total = static_cast<int>(catalog.check_items.size());
	std::string heading;
	if (analysis->assets.empty()) {
		heading = words("web_risk.results.heading_empty");
	} else if (high.empty()) {
		heading = words("web_risk.results.heading_none_high");
	} else {
		heading = words("web_risk.results.heading_high", {{"count", std::to_string(high.size())}});
	}
	Json model = {
	    {"base", base},
	    {"heading", heading},
	    {"has_assets", !analysis->assets.empty()},
	    {"asset_count", analysis->assets.size()},
	    {"answered", answered},
	    {"total", total},
	    {"all_answered", answered >= total},
	    {"levels", LevelsJson(words, edition.risk_scale)},
	    {"high", high},
	    {"has_high", !high.empty()},
	    {"high_count", high.size()},
	    {"medium_count", medium_count},
	    {"gaps", gaps},
	    {"has_gaps", !gaps.empty()},
	};
	AddCategories(words, model, catalog, result);
	AddHeatMap(words, model, catalog, edition.risk_scale, result);
	web.SendHtml(request, 200, web.RenderPage(request, "risk_results", model, "pages.risk_results", access));
}

void RenderAssetExplanation(WebApp &web, Request &request, const app::OrgAccess &access, const std::string &id_text) {
	const PageText words{web, request};
	auto asset_id = WebApp::ParseId(id_text);
	auto analysis = LoadAnalysis(web, request, access, false, &web.Content(request));
	if (!analysis) {
		return;
	}
	size_t index = analysis->assets.size();
	for (size_t idx = 0; asset_id && idx < analysis->assets.size(); ++idx) {
		if (analysis->assets[idx].id == *asset_id) {
			index = idx;
		}
	}
	if (index == analysis->assets.size()) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "web_risk.asset_not_found"));
	}
	const Edition &edition = access.EditionOf(web.Content(request));
	const RiskCatalog &catalog = edition.risk_catalog;
	const std::string base = RiskBase(access);
	const app::Asset &asset = analysis->assets[index];
	const AssetAssessment &assessed = analysis->result.assets[index];
	const AssetRating rating = app::ToRegisterAsset(asset).rating;
	const auto numbers = ItemNumbers(catalog);
	const RiskMedium *medium = catalog.FindMedium(asset.medium);

	Json threats = Json::array();
	for (size_t idx = 0; idx < assessed.threats.size(); ++idx) {
		const ThreatAssessment &threat = assessed.threats[idx];
		const bool own = analysis->input.frequencies.count(threat.threat->id) > 0;
		Json items = Json::array();
		for (const auto &covering : threat.applicable) {
			items.push_back({{"number", numbers.count(covering.item->id) ? numbers.at(covering.item->id) : ""},
			                 {"text", covering.item->text},
			                 {"answer", SayKeyed(web, request, app::CoveringAnswerText(catalog, covering.answer))}});
		}
		Json excluded = Json::array();
		for (const CheckItem *item : app::ItemsCoveringThreat(catalog, threat.threat->id)) {
			auto answer = analysis->input.answers.find(item->id);
			if (answer != analysis->input.answers.end() && answer->second == CheckAnswer::kNotApplicable) {
				excluded.push_back(
				    {{"number", numbers.count(item->id) ? numbers.at(item->id) : ""}, {"text", item->text}});
			}
		}
		const bool needs_decision =
		    threat.level != nullptr && (threat.level->id == "high" || threat.level->id == "medium");
		threats.push_back({
		    {"heading_id", "threat-" + threat.threat->id},
		    {"name", threat.threat->name},
		    {"impact", web.Text(request, app::ImpactLabel(threat.threat->impact))},
		    {"description", threat.threat->description},
		    {"is_driving", static_cast<int>(idx) == assessed.driving_threat},
		    {"frequency", threat.frequency},
		    {"frequency_label", app::ScaleLabelText(catalog.frequency_labels, threat.frequency)},
		    {"frequency_source", words(own ? "web_risk.asset.frequency_own" : "web_risk.asset.frequency_default")},
		    {"items", items},
		    {"has_items", !items.empty()},
		    {"excluded", excluded},
		    {"has_excluded", !excluded.empty()},
		    {"gap", threat.gap},
		    {"vulnerability", threat.vulnerability},
		    {"vulnerability_label", app::ScaleLabelText(catalog.vulnerability_labels, threat.vulnerability)},
		    {"vulnerability_reason", SayKeyed(web, request, app::VulnerabilityReason(threat))},
		    {"possibility_formula", SayKeyed(web, request, app::PossibilityFormula(threat.frequency, threat.vulnerability))},
		    {"possibility", threat.possibility},
		    {"possibility_label", app::ScaleLabelText(catalog.possibility_labels, threat.possibility)},
		    {"possibility_description", OptionalText(PossibilityDescription(catalog, threat.possibility))},
		    {"risk_formula", words("web_risk.asset.risk_formula", {{"importance", std::to_string(assessed.importance)},
		                                                          {"possibility", std::to_string(threat.possibility)},
		                                                          {"risk", std::to_string(threat.risk_value)}})},
		    {"risk", RiskCellJson(threat.risk_value, threat.level)},
		    {"needs_decision", needs_decision},
		    {"treatment_href", base + "/treatments/" + std::to_string(asset.id) + "/" + threat.threat->id},
		});
	}
	std::string driving;
	if (assessed.driving_threat >= 0) {
		driving = assessed.threats[assessed.driving_threat].threat->name;
	}
	const int by_rating = std::max({asset.confidentiality, asset.integrity, asset.availability});
	Json model = {
	    {"base", base},
	    {"can_edit", access.CanEdit()},
	    {"id", asset.id},
	    {"name", asset.name},
	    {"business_category", asset.business_category},
	    {"note", asset.note},
	    {"users", asset.users},
	    {"department", asset.department},
	    {"medium", medium ? medium->name : asset.medium},
	    {"personal_info", YesNo(words, asset.personal_info)},
	    {"sensitive_personal_info", YesNo(words, asset.sensitive_personal_info)},
	    {"my_number", YesNo(words, asset.my_number)},
	    {"business_critical", words(asset.business_critical ? "web_risk.asset.critical_yes" : "web_risk.asset.critical_no")},
	    {"confidentiality", asset.confidentiality},
	    {"integrity", asset.integrity},
	    {"availability", asset.availability},
	    {"retention", asset.retention},
	    {"registered_on", FormatDate(web.messages(), request.locale, asset.registered_on)},
	    {"registered_iso", asset.registered_on},
	    {"risk_owner", asset.risk_owner},
	    {"importance", assessed.importance},
	    {"importance_formula", SayKeyed(web, request, app::ImportanceFormula(rating))},
	    {"importance_overridden", assessed.importance_overridden},
	    {"by_rating", by_rating},
	    {"importance_note", SayKeyed(web, request, app::ImportanceNote(rating, assessed.importance, assessed.importance_overridden))},
	    {"override_importance", edition.risk_scale.override_importance},
	    {"risk", RiskCellJson(assessed.risk_value, assessed.level)},
	    {"has_threats", !assessed.threats.empty()},
	    {"driving_threat", driving},
	    {"threat_count", assessed.threats.size()},
	    {"threats", threats},
	};
	web.SendHtml(request, 200, web.RenderPage(request, "risk_asset", model,
	                                          words("pages.risk_asset", {{"asset", asset.name}}), access));
}

void ShowResults(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderResults(web, request, access);
}

void ShowAssetResult(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderAssetExplanation(web, request, access, request.http.matches[2]);
}

} // namespace

RouteTable RiskResultRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/risk/results)", RiskViewer(), ShowResults},
	    {Method::kGet, R"(/orgs/(\d+)/risk/assets/(\d+))", RiskViewer(), ShowAssetResult},
	};
}

} // namespace mamori::web::risk_pages
