// mamori/web/routes_selfcheck_result.cpp
//
// 自社診断 result (情報セキュリティ責任者・組織管理者・経営者・閲覧者): the total and its band, the trend
// over past rounds, the group scores as bar and radar charts, the items to
// find out or improve with examples of damage and countermeasures, and every
// respondent's answers beside the combined one.
#include "app/selfcheck_service.hpp"
#include "app/selfcheck_views.hpp"
#include "core/charts/svg_charts.hpp"
#include "web/selfcheck_routes.hpp"

#include <algorithm>

namespace mamori::web::selfcheck_pages {

namespace {

//! Past rounds, oldest first, with their totals (ScoreTrend skips rounds nobody answered), and the chart.
void AddTrend(const PageText &words, Json &model, const Edition &edition, const std::string &base, const std::vector<app::TrendEntry> &trend,
              const std::optional<app::RoundSummary> &summary) {
	const SelfcheckRules &rules = edition.selfcheck_rules;
	Json trend_rows = Json::array();
	std::vector<charts::TrendPoint> points;
	int lowest = 0;
	for (const auto &entry : trend) {
		trend_rows.push_back({{"number", entry.round.number},
		                      {"title", RoundTitle(words, entry.round)},
		                      {"href", base + "/selfcheck/result?round=" + std::to_string(entry.round.id)},
		                      {"current", summary.has_value() && summary->round.id == entry.round.id},
		                      {"started", DayText(words, entry.round.started_at)},
		                      {"started_iso", app::JapanIsoDate(entry.round.started_at)},
		                      {"total", entry.score.total},
		                      {"max", entry.score.max},
		                      {"band", entry.score.band ? entry.score.band->label : ""},
		                      {"respondents", entry.respondents}});
		points.push_back({words("web_selfcheck.round_label", {{"number", std::to_string(entry.round.number)}}),
		                  static_cast<double>(entry.score.total)});
		lowest = std::min(lowest, entry.score.total);
	}
	model["trend_rows"] = trend_rows;
	model["has_trend"] = !trend.empty();
	if (trend.size() >= 2) {
		const double y_min = lowest < 0 ? app::MinimumTotal(rules, edition.ItemCount()) : 0;
		model["trend_chart"] = charts::TrendChart(words("web_selfcheck.chart.trend"), points, y_min, 100, words("web_charts.no_data"));
	}
}

//! The total, its band and how complete the round is.
void AddScore(const PageText &words, Json &model, const app::RoundSummary &round) {
	const SelfcheckScore &score = round.score;
	model["round"] = RoundJson(words, round.round);
	const app::KeyedText heading = app::ResultHeading(score);
	model["heading"] = words(heading.key, heading.params);
	model["total"] = score.total;
	model["max"] = score.max;
	model["band_label"] = score.band ? score.band->label : "";
	model["band_advice"] = score.band ? score.band->advice : "";
	model["band_id"] = score.band ? score.band->id : "";
	model["respondent_count"] = static_cast<int>(round.respondents.size());
	model["unanswered_count"] = static_cast<int>(score.unanswered_items.size());
	model["has_unanswered"] = !score.unanswered_items.empty();
	int submitted = 0;
	for (const auto &response : round.responses) {
		submitted += response.submitted_at.empty() ? 0 : 1;
	}
	model["unsubmitted_count"] = static_cast<int>(round.responses.size()) - submitted;
	model["has_unsubmitted"] = submitted < static_cast<int>(round.responses.size());
}

//! Group scores: bars of points, and a radar of ratios per respondent.
void AddGroupCharts(const PageText &words, Json &model, const Edition &edition, const app::RoundSummary &round) {
	const SelfcheckRules &rules = edition.selfcheck_rules;
	const SelfcheckScore &score = round.score;
	std::vector<std::string> axes;
	std::vector<charts::Bar> bars;
	Json group_rows = Json::array();
	for (const auto &group : score.groups) {
		axes.push_back(group.name);
		bars.push_back({group.name, static_cast<double>(std::max(group.score, 0)), static_cast<double>(group.max)});
		group_rows.push_back({{"name", group.name},
		                      {"score", group.score},
		                      {"max", group.max},
		                      {"percent", app::GroupPercent(group)},
		                      {"answered", group.answered},
		                      {"item_count", group.item_count}});
	}
	model["group_rows"] = group_rows;
	model["bar_chart"] = charts::BarChart(words("web_selfcheck.chart.group_scores"), bars, words("web_charts.no_data"));

	const std::string whole_company = words("web_selfcheck.chart.whole_company");
	std::vector<charts::RadarSeries> series{{whole_company, app::GroupRatios(score)}};
	std::vector<SelfcheckScore> respondent_scores;
	Json series_names = Json::array({whole_company});
	for (const auto &respondent : round.respondents) {
		respondent_scores.push_back(ScoreSelfcheck(rules, edition.ItemCount(), respondent.answers));
		series.push_back({respondent.name, app::GroupRatios(respondent_scores.back())});
		series_names.push_back(respondent.name);
	}
	Json radar_rows = Json::array();
	for (size_t g = 0; g < score.groups.size(); ++g) {
		Json cells = Json::array();
		cells.push_back({{"percent", app::GroupPercent(score.groups[g])},
		                 {"score", score.groups[g].score},
		                 {"max", score.groups[g].max}});
		for (const auto &own : respondent_scores) {
			const GroupScore &group = own.groups[g];
			cells.push_back({{"percent", app::GroupPercent(group)}, {"score", group.score}, {"max", group.max}});
		}
		radar_rows.push_back({{"name", score.groups[g].name}, {"cells", cells}});
	}
	model["radar_chart"] = charts::RadarChart(words("web_selfcheck.chart.group_ratios"), axes, series, words("web_charts.no_data"));
	model["radar_rows"] = radar_rows;
	model["series_names"] = series_names;
}

Json ItemJson(const PageText &words, const Edition &edition, const app::RoundSummary &round, int number) {
	const SelfcheckItem *item = edition.FindItem(number);
	Json out = {{"number", number}};
	if (item) {
		out["short_title"] = item->short_title;
		out["text"] = item->text;
		out["footnotes"] = FootnotesJson(*item);
		out["damage"] = item->damage;
		out["countermeasures"] = item->countermeasures;
	}
	auto answer = app::AnswerOf(round.combined, number);
	out["answer_label"] = answer ? AnswerLabel(words.web.messages(), words.request.locale, *answer) : words("web_selfcheck.unanswered");
	out["not_implemented"] = answer == Answer::kNotImplemented;
	return out;
}

//! Items to find out (わからない), then the weak ones, weakest first.
void AddItemsToImprove(const PageText &words, Json &model, const Edition &edition, const app::RoundSummary &round) {
	const SelfcheckScore &score = round.score;
	auto item_json = [&](int number) { return ItemJson(words, edition, round, number); };
	Json unknown = Json::array();
	for (int number : score.unknown_items) {
		unknown.push_back(item_json(number));
	}
	model["unknown_items"] = unknown;
	model["has_unknown"] = !unknown.empty();
	Json weak = Json::array();
	int not_implemented_count = 0;
	for (int number : app::WeakItemsWorstFirst(round.combined, score.weak_items)) {
		weak.push_back(item_json(number));
		not_implemented_count += app::AnswerOf(round.combined, number) == Answer::kNotImplemented ? 1 : 0;
	}
	model["weak_count"] = static_cast<int>(weak.size());
	const int partial_count = static_cast<int>(weak.size()) - not_implemented_count;
	std::string breakdown;
	if (not_implemented_count > 0) {
		breakdown = words("web_selfcheck.weak.not_implemented", {{"count", std::to_string(not_implemented_count)}});
	}
	if (partial_count > 0) {
		breakdown += (breakdown.empty() ? "" : words("web_selfcheck.weak.separator")) +
		             words("web_selfcheck.weak.partial", {{"count", std::to_string(partial_count)}});
	}
	model["weak_breakdown"] =
	    words(not_implemented_count > 0 && partial_count > 0 ? "web_selfcheck.weak.breakdown_worst_first"
	                                                         : "web_selfcheck.weak.breakdown",
	          {{"counts", breakdown}});
	model["unknown_count"] = static_cast<int>(unknown.size());
	model["weak_items"] = weak;
	model["has_weak"] = !weak.empty();
}

//! Every respondent's answer beside the combined one.
void AddAnswerMatrix(const PageText &words, Json &model, const Edition &edition, const app::RoundSummary &round) {
	Json matrix = Json::array();
	for (const auto &item : edition.selfcheck_items) {
		Json cells = Json::array();
		for (const auto &respondent : round.respondents) {
			cells.push_back(
			    {{"label", words(app::AnswerShortLabel(app::AnswerOf(respondent.answers, item.number)))}});
		}
		matrix.push_back(
		    {{"number", item.number},
		     {"short_title", item.short_title},
		     {"cells", cells},
		     {"combined", words(app::AnswerShortLabel(app::AnswerOf(round.combined, item.number)))}});
	}
	Json respondent_names = Json::array();
	for (const auto &respondent : round.respondents) {
		respondent_names.push_back(respondent.name);
	}
	model["respondent_names"] = respondent_names;
	model["matrix"] = matrix;
}

void ShowResult(WebApp &web, Request &request, const app::OrgAccess &access) {
	const PageText words{web, request};
	std::optional<Id> round_id;
	if (request.HasParam("round")) {
		round_id = WebApp::ParseId(request.Param("round"));
		if (!round_id) {
			return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "web_selfcheck.result_not_found"));
		}
	}
	auto summary = app::SummarizeRound(web.ctx(), access, round_id, &web.Content(request));
	if (!summary) {
		return web.SendErrorPage(request, summary.error());
	}
	if (round_id && !summary->has_value()) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "web_selfcheck.result_not_found"));
	}
	auto trend = app::ScoreTrend(web.ctx(), access, &web.Content(request));
	if (!trend) {
		return web.SendErrorPage(request, trend.error());
	}
	const Edition &edition = access.EditionOf(web.Content(request));
	const std::string base = OrgBase(access);
	Json model = {{"overview_href", base + "/selfcheck"},
	              {"answer_href", base + "/selfcheck/answer"},
	              {"can_edit", access.CanEdit()},
	              {"item_count", edition.ItemCount()}};

	AddTrend(words, model, edition, base, *trend, *summary);
	if (!summary->has_value() || (*summary)->respondents.empty()) {
		model["empty"] = true;
		if (summary->has_value()) {
			model["round"] = RoundJson(words, (*summary)->round);
		}
		// A new round with no answers yet: point at the last one that has some.
		if (!trend->empty()) {
			model["previous_href"] = base + "/selfcheck/result?round=" + std::to_string(trend->back().round.id);
			model["previous_title"] = RoundTitle(words, trend->back().round);
		}
		return web.SendHtml(request, 200, web.RenderPage(request, "selfcheck_result", model, "pages.selfcheck_result", access));
	}

	const app::RoundSummary &round = **summary;
	AddScore(words, model, round);
	AddGroupCharts(words, model, edition, round);
	AddItemsToImprove(words, model, edition, round);
	AddAnswerMatrix(words, model, edition, round);
	web.SendHtml(request, 200, web.RenderPage(request, "selfcheck_result", model, "pages.selfcheck_result", access));
}

} // namespace

RouteTable ResultRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/selfcheck/result)",
	     OrgStaff("gates.selfcheck_result"), ShowResult},
	};
}

} // namespace mamori::web::selfcheck_pages
