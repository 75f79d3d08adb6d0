// mamori/web/routes_benchmark.cpp
//
// The anonymous benchmark for the installation administrator (the program
// operator, issue 12): distributions of 自社診断 scores overall, per 業種
// and per band of employees, and per group and item, as tables and SVG
// histograms. Aggregates only; a group of fewer than min_group firms says
// so and shows no figure at all. The computation is app/benchmark_service.
#include "app/benchmark_service.hpp"
#include "core/charts/svg_charts.hpp"
#include "web/route_table.hpp"

namespace mamori::web {
namespace {

Json DistributionModel(const PageText &words, const std::string &label, const app::Distribution &distribution,
                       const std::vector<std::string> &bins, const std::string &series, int min_group) {
	Json row = {{"label", label},
	            {"shown", distribution.shown},
	            {"withheld", words("web_benchmark.withheld", {{"min", std::to_string(min_group)}})}};
	if (!distribution.shown) {
		return row;
	}
	std::vector<charts::ColumnGroup> columns;
	Json cells = Json::array();
	for (size_t i = 0; i < distribution.counts.size() && i < bins.size(); ++i) {
		columns.push_back({bins[i], {distribution.counts[i]}});
		cells.push_back({{"bin", bins[i]}, {"count", distribution.counts[i]}});
	}
	row["n"] = distribution.n;
	row["mean"] = distribution.mean;
	row["cells"] = cells;
	row["chart"] = charts::ColumnChart(words("web_benchmark.admin.chart_title", {{"group", label}}), {series}, columns);
	return row;
}

void ShowInstallationBenchmark(WebApp &web, Request &request) {
	auto bench = app::BenchmarkOfInstallation(web.ctx(), request.actor());
	if (!bench) {
		return web.SendErrorPage(request, bench.error());
	}
	const PageText words{web, request};
	const Catalog &content = web.Content(request);
	const std::string firms = words("web_benchmark.admin.firms_series");
	const int min = bench->min_group;
	auto list = [&](const std::vector<app::Distribution> &distributions, const std::vector<std::string> &bins,
	                const std::string &series, auto label_of) {
		Json out = Json::array();
		for (const auto &distribution : distributions) {
			out.push_back(DistributionModel(words, label_of(distribution.key), distribution, bins, series, min));
		}
		return out;
	};
	const std::vector<std::string> rate_bins = {"0\u201319%", "20\u201339%", "40\u201359%", "60\u201379%", "80\u2013100%"};
	const std::vector<std::string> answer_bins = {
	    words("web_benchmark.admin.answer.implemented"), words("web_benchmark.admin.answer.partial"),
	    words("web_benchmark.admin.answer.not_implemented"), words("web_benchmark.admin.answer.unknown")};
	const Edition &edition = content.DefaultEdition();
	Json model = {
	    {"firms", bench->firms},
	    {"min_group", min},
	    {"overall", DistributionModel(words, words("web_benchmark.group.overall"), bench->overall, bench->score_bins, firms, min)},
	    {"by_industry", list(bench->by_industry, bench->score_bins, firms,
	                         [&](const std::string &id) {
		                         const SmeIndustryLimit *industry = content.sme.Find(id);
		                         return industry != nullptr ? industry->label : id;
	                         })},
	    {"by_size", list(bench->by_size, bench->score_bins, firms,
	                     [&](const std::string &id) { return words("web_benchmark.admin.band", {{"band", id}}); })},
	    {"by_group", list(bench->by_group, rate_bins, firms,
	                      [&](const std::string &id) {
		                      for (const auto &group : edition.selfcheck_rules.groups) {
			                      if (group.id == id) {
				                      return group.name;
			                      }
		                      }
		                      return id;
	                      })},
	    {"by_item", list(bench->by_item, answer_bins, firms, [&](const std::string &number) {
		                     const SelfcheckItem *item = edition.FindItem(std::stoi(number));
		                     return "No." + number + (item != nullptr ? " " + item->short_title : std::string());
	                     })}};
	web.SendHtml(request, 200, web.RenderPage(request, "admin_benchmark", model, "web_benchmark.admin.title"));
}

} // namespace

RouteTable BenchmarkRoutes() {
	return {
	    {Method::kGet, "/admin/benchmark", InstallationAdmin(), ShowInstallationBenchmark},
	};
}

} // namespace mamori::web
