// mamori/web/routes_owner.cpp
//
// The owner's view (経営者, issue 12): the 3原則, the 重要7項目 with their
// status, evidence and next step, the step-up roadmap (表3), the firm's
// position in the anonymous benchmark, and the short records the owner keeps
// (budget, information sources). The rules live in app/owner_view,
// core/owner and app/benchmark_service; this file only translates HTTP.
#include "app/benchmark_service.hpp"
#include "app/owner_view.hpp"
#include "app/selfcheck_views.hpp"
#include "web/form_dates.hpp"
#include "web/http_errors.hpp"
#include "web/route_table.hpp"
#include "web/task_status_tag.hpp"

namespace mamori::web {
namespace {

std::string Base(const app::OrgAccess &access) { return "/orgs/" + std::to_string(access.org.id); }

Json StatusTag(const PageText &words, owner::ItemStatus status) {
	switch (status) {
	case owner::ItemStatus::kDone:
		return {{"label", words("web_owner.status.done")}, {"class", "tag--done"}};
	case owner::ItemStatus::kInProgress:
		return {{"label", words("web_owner.status.in_progress")}, {"class", "tag--progress"}};
	case owner::ItemStatus::kNotStarted:
		break;
	}
	return {{"label", words("web_owner.status.not_started")}, {"class", "tag--todo"}};
}

//! The evidence's numbers and dates in the reader's language.
MessageParams EvidenceParams(WebApp &web, const Request &request, const owner::KeyItemStatus &item) {
	MessageParams params;
	for (const auto &[name, value] : item.params) {
		const bool date = name == "date" || name == "reported";
		params.emplace_back(name, date && !value.empty() ? FormatDate(web.messages(), request.locale, value, false) : value);
	}
	return params;
}

Json ItemsModel(WebApp &web, const Request &request, const app::OrgAccess &access, const Edition &edition,
                const app::OwnerView &view) {
	const PageText words{web, request};
	Json items = Json::array();
	for (const auto &item : view.items) {
		const KeyItemDefinition *definition = nullptr;
		for (const auto &candidate : edition.owner.key_items) {
			definition = candidate.id == item.id ? &candidate : definition;
		}
		const MessageParams params = EvidenceParams(web, request, item);
		items.push_back({{"number", item.number},
		                 {"id", item.id},
		                 {"title", definition != nullptr ? definition->title : item.id},
		                 {"summary", definition != nullptr ? definition->summary : ""},
		                 {"section", definition != nullptr ? definition->section : ""},
		                 {"tag", StatusTag(words, item.status)},
		                 {"evidence", web.Text(request, item.evidence, params)},
		                 {"href", Base(access) + "/" + item.link},
		                 {"next", item.next.empty() ? Json(false) : Json(web.Text(request, item.next, params))}});
	}
	return items;
}

Json RoadmapModel(const PageText &words, const StepPosition &position) {
	Json steps = Json::array();
	for (const auto &step : position.steps) {
		Json tasks = Json::array();
		for (const auto &task : step.tasks) {
			tasks.push_back({{"title", task.definition->title},
			                 {"section", task.definition->section},
			                 {"tag", TaskStatusTag(words, task.status, task.supported)}});
		}
		steps.push_back({{"number", step.definition->number},
		                 {"title", step.definition->title},
		                 {"current", step.definition->number == position.current_step},
		                 {"tasks", tasks}});
	}
	return {{"steps", steps}, {"reached_step", position.reached_step}, {"step_count", position.steps.size()}};
}

//! The firm's position in each group, or "not shown" below the minimum; never another firm's figures.
Json BenchmarkModel(WebApp &web, const Request &request, const app::FirmBenchmark &bench) {
	const PageText words{web, request};
	const std::string fewer = words("web_benchmark.withheld", {{"min", std::to_string(bench.min_group)}});
	auto group = [&](const char *label_key, const std::optional<GroupPosition> &position, const std::string &name) {
		Json row = {{"label", words(label_key, {{"name", name}})}, {"shown", position.has_value()}, {"withheld", fewer}};
		if (position) {
			row["n"] = position->n;
			row["percentile"] = position->percentile;
			row["deviation"] = position->deviation;
			row["mean"] = position->mean;
		}
		return row;
	};
	const Catalog &content = web.Content(request);
	const SmeIndustryLimit *industry = content.sme.Find(bench.industry);
	Json groups = Json::array({
	    group("web_benchmark.group.overall", bench.position.overall, ""),
	    group("web_benchmark.group.industry", bench.position.industry, industry != nullptr ? industry->label : bench.industry),
	    group("web_benchmark.group.size", bench.position.size, bench.band),
	});
	return {{"has_score", bench.score.has_value()}, {"score", bench.score.value_or(0)}, {"groups", groups}};
}

Json RecordModel(WebApp &web, const Request &request, const std::optional<storage::OwnerRecord> &record) {
	if (!record) {
		return false;
	}
	return {{"note", record->note}, {"recorded_on", FormatDate(web.messages(), request.locale, record->recorded_on, false)}};
}

void RenderOwner(WebApp &web, Request &request, const app::OrgAccess &access, const std::optional<Error> &error) {
	const Catalog &content = web.Content(request);
	auto view = app::ComputeOwnerView(web.ctx(), access, &content);
	if (!view) {
		return web.SendErrorPage(request, view.error());
	}
	auto bench = app::BenchmarkOfFirm(web.ctx(), access);
	if (!bench) {
		return web.SendErrorPage(request, bench.error());
	}
	const PageText words{web, request};
	const Edition &edition = access.EditionOf(content);
	Json principles = Json::array();
	for (const auto &principle : edition.owner.principles) {
		principles.push_back({{"number", principle.number}, {"title", principle.title}, {"summary", principle.summary}});
	}
	const std::string saved = request.Param("saved");
	Json model = {{"org_name", access.org.name},
	              {"principles", principles},
	              {"source_document", edition.owner.source.document},
	              {"source_location", edition.owner.source.location},
	              {"items", ItemsModel(web, request, access, edition, *view)},
	              {"roadmap", RoadmapModel(words, view->position)},
	              {"benchmark", BenchmarkModel(web, request, *bench)},
	              {"budget", RecordModel(web, request, view->budget)},
	              {"information_sources", RecordModel(web, request, view->information_sources)},
	              {"can_keep_records", app::CanKeepOwnerRecords(access)},
	              {"can_download", !access.IsRespondent()},
	              {"action", Base(access) + "/owner/records"},
	              {"report", Base(access) + "/documents/owner_report"},
	              {"notice", saved == "1" ? Json(words("web_owner.records.saved")) : Json(false)},
	              {"budget_note", request.Param("topic") == "budget" ? request.Param("note") : ""},
	              {"sources_note", request.Param("topic") == "information_sources" ? request.Param("note") : ""}};
	if (error) {
		// Each record has its own form; the summary links to the box of the one sent.
		const std::string topic = request.Param("topic") == "budget" ? "budget" : "information_sources";
		model["error_summary"] = ErrorSummary(*error, topic + "-" + (error->field == "recorded_on" ? "date" : "note"));
		model[topic + "_error"] = words.Describe(*error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "owner_view", model, "web_owner.title", access));
}

void ShowOwner(WebApp &web, Request &request, const app::OrgAccess &access) { RenderOwner(web, request, access, std::nullopt); }

void SaveRecord(WebApp &web, Request &request, const app::OrgAccess &access) {
	const std::string topic = request.Param("topic");
	auto saved = app::SaveOwnerRecord(web.ctx(), request.actor(), access, topic, app::TrimSpaces(request.Param("note")),
	                                  app::TrimSpaces(request.Param("recorded_on")));
	if (!saved) {
		if (saved.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, saved.error());
		}
		return RenderOwner(web, request, access, saved.error());
	}
	web.Redirect(request, Base(access) + "/owner?saved=1#records");
}

} // namespace

RouteTable OwnerRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/owner)", OrgMember(), ShowOwner},
	    // 組織管理者, 責任者 and 経営者 (app::CanKeepOwnerRecords decides; others get 403).
	    {Method::kPost, R"(/orgs/(\d+)/owner/records)", OrgMember(), SaveRecord},
	};
}

} // namespace mamori::web
