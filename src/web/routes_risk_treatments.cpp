// mamori/web/routes_risk_treatments.cpp
//
// リスク対応 (手順3): for each 大 and 中 risk, the decision (低減・保有・回避・
// 移転), the measure, who, by when, and the risk expected afterwards.
// Accepting a 大 risk needs a reason and the 経営者's approval; measures past
// their due date are flagged.
#include "app/risk_views.hpp"
#include "core/risk/risk.hpp"
#include "platform/clock.hpp"
#include "web/presentation/css_classes.hpp"
#include "web/http_errors.hpp"
#include "web/form_dates.hpp"
#include "web/risk_routes.hpp"

#include <charconv>
#include <map>
#include <set>

namespace mamori::web::risk_pages {
namespace {

//! Where one (asset, threat) sits in an analysis.
struct FoundRisk {
	size_t asset = 0;
	const ThreatAssessment *threat = nullptr;
};

std::optional<FoundRisk> FindRisk(const app::RegisterAnalysis &analysis, Id asset_id, const std::string &threat_id) {
	for (size_t idx = 0; idx < analysis.assets.size(); ++idx) {
		if (analysis.assets[idx].id != asset_id) {
			continue;
		}
		for (const auto &threat : analysis.result.assets[idx].threats) {
			if (threat.threat->id == threat_id) {
				return FoundRisk{idx, &threat};
			}
		}
	}
	return std::nullopt;
}

std::string TreatmentPath(const app::OrgAccess &access, Id asset_id, const std::string &threat_id) {
	return RiskBase(access) + "/treatments/" + std::to_string(asset_id) + "/" + threat_id;
}

void RenderList(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto analysis = LoadAnalysis(web, request, access, false, &web.Content(request));
	if (!analysis) {
		return;
	}
	auto treatments = LoadTreatments(web, access);
	if (!treatments) {
		return web.SendErrorPage(request, treatments.error());
	}
	auto overdue = app::OverdueTreatments(web.ctx(), access, &web.Content(request));
	if (!overdue) {
		return web.SendErrorPage(request, overdue.error());
	}
	std::set<std::pair<Id, std::string>> late;
	for (const auto &item : *overdue) {
		late.insert({item.treatment.asset_id, item.treatment.threat_id});
	}
	const std::string today = platform::TodayInJapan();
	const std::string base = RiskBase(access);
	Json rows = Json::array();
	int decided = 0;
	int awaiting = 0;
	int overdue_count = 0;
	for (const auto &risk : app::RisksAtLevels(analysis->result, {"high", "medium"})) {
		const AssetAssessment &asset = analysis->result.assets[risk.asset];
		const ThreatAssessment &threat = asset.threats[risk.threat];
		const Id asset_id = AssetIdAt(*analysis, risk.asset);
		auto found = treatments->find({asset_id, threat.threat->id});
		const app::RiskTreatment *treatment = found != treatments->end() ? &found->second : nullptr;
		const bool high = app::IsHighLevel(threat.level);
		app::TreatmentState state = app::TreatmentStateOf(treatment, high, today);
		state.overdue = late.count({asset_id, threat.threat->id}) > 0;
		decided += treatment != nullptr ? 1 : 0;
		awaiting += state.awaiting_approval ? 1 : 0;
		overdue_count += state.overdue ? 1 : 0;
		rows.push_back({
		    {"row_id", "risk-" + std::to_string(asset_id) + "-" + threat.threat->id},
		    {"asset", asset.asset->name},
		    {"asset_href", base + "/assets/" + std::to_string(asset_id)},
		    {"threat", threat.threat->name},
		    {"risk", RiskCellJson(threat.risk_value, threat.level)},
		    {"decided", treatment != nullptr},
		    {"decision", treatment ? web.Text(request, std::string(app::DecisionLabel(treatment->decision))) : web.Text(request, "web_risk.treatment.undecided")},
		    {"measure", OptionalText(treatment ? treatment->measure : "")},
		    {"owner", treatment ? treatment->owner : ""},
		    {"due", treatment ? FormatDate(web.messages(), request.locale, treatment->due_on) : ""},
		    {"due_iso", treatment ? treatment->due_on : ""},
		    {"has_due", treatment != nullptr && !treatment->due_on.empty()},
		    {"residual", treatment ? treatment->residual_risk : 0},
		    {"tag", {{"label", web.Text(request, state.label_key)}, {"class", ProgressTagClass(state.progress)}}},
		    {"overdue", state.overdue},
		    {"awaiting_approval", state.awaiting_approval},
		    {"href", TreatmentPath(access, asset_id, threat.threat->id)},
		});
	}
	Json decisions = Json::array();
	for (const auto &option : app::DecisionOptions()) {
		decisions.push_back({{"label", web.Text(request, option.label_key)}, {"explanation", web.Text(request, option.explanation_key)}});
	}
	Json model = {{"base", base},
	              {"can_edit", access.CanEdit()},
	              {"can_approve", access.CanApproveRisk()},
	              {"decisions", decisions},
	              {"rows", rows},
	              {"has_rows", !rows.empty()},
	              {"has_assets", !analysis->assets.empty()},
	              {"needing", rows.size()},
	              {"decided", decided},
	              {"awaiting", awaiting},
	              {"has_awaiting", awaiting > 0},
	              {"overdue_count", overdue_count},
	              {"has_overdue", overdue_count > 0},
	              {"saved", request.Param("done") == "saved"}};
	web.SendHtml(request, 200, web.RenderPage(request, "risk_treatments", model, "pages.risk_treatments", access));
}

struct TreatmentForm {
	app::RiskTreatment treatment;
	DateFields due;
};

TreatmentForm ReadTreatmentForm(const Request &request) {
	TreatmentForm form;
	form.treatment.decision = request.Param("decision");
	form.treatment.measure = request.Param("measure");
	form.treatment.owner = request.Param("owner");
	form.treatment.reason = request.Param("reason");
	form.treatment.completed = request.HasParam("completed");
	const std::string residual = request.Param("residual_risk");
	int value = -1;
	auto [end, ec] = std::from_chars(residual.data(), residual.data() + residual.size(), value);
	form.treatment.residual_risk = ec == std::errc() && end == residual.data() + residual.size() ? value : -1;
	form.due = ReadDateFields(request, "due_on");
	return form;
}

//! The element an app-layer error field points at on this form.
std::string TreatmentFieldId(const std::string &field) {
	if (field == "decision") {
		return "decision-reduce";
	}
	if (field == "due_on") {
		return "due_on-year";
	}
	return field;
}

void RenderTreatment(WebApp &web, Request &request, const app::OrgAccess &access, const app::RegisterAnalysis &analysis,
                     const FoundRisk &risk, const std::optional<app::RiskTreatment> &stored,
                     const std::optional<TreatmentForm> &posted, const std::optional<Error> &error_in) {
	const std::string base = RiskBase(access);
	const app::Asset &asset = analysis.assets[risk.asset];
	const ThreatAssessment &threat = *risk.threat;
	const bool high = app::IsHighLevel(threat.level);
	const bool needs_decision = threat.level != nullptr && (threat.level->id == "high" || threat.level->id == "medium");

	TreatmentForm form;
	if (posted) {
		form = *posted;
	} else if (stored) {
		form.treatment = *stored;
		form.due = SplitIsoDate(stored->due_on);
	} else {
		form.treatment.residual_risk = threat.risk_value;
	}
	std::optional<Error> error = error_in;
	if (error && error->field == "due_on") {
		error->field = "due_on-year"; // the date partial shows errors of its own boxes
	}
	const Error *date_error = error ? &*error : nullptr;

	Json decisions = Json::array();
	for (const auto &option : app::DecisionOptions()) {
		decisions.push_back({{"id", option.id},
		                     {"label", web.Text(request, option.label_key)},
		                     {"explanation", web.Text(request, option.explanation_key)},
		                     {"checked", option.id == form.treatment.decision}});
	}
	// 低減 changes only the vulnerability, so the values a reduction reaches are marked with it.
	const RiskScale &scale = access.EditionOf(web.Content(request)).risk_scale;
	const int importance = analysis.result.assets[risk.asset].importance;
	std::map<int, int> vulnerability_for; // risk value → the highest vulnerability that gives it
	for (int v = threat.vulnerability; v >= scale.vulnerability_min; --v) {
		vulnerability_for.emplace(importance * DamagePossibility(threat.frequency, v), v);
	}
	Json residuals = Json::array();
	for (int value = 0; value <= threat.risk_value; ++value) {
		const RiskLevelBand *level = RiskLevelFor(scale, value);
		const MessageParams band = {{"value", std::to_string(value)}, {"level", app::RiskLevelLabel(level)}};
		std::string label = web.Text(request, "web_risk.treatment.residual", band);
		if (auto by = vulnerability_for.find(value); by != vulnerability_for.end()) {
			label = by->second == threat.vulnerability
			            ? web.Text(request, "web_risk.treatment.residual_as_is", band)
			            : web.Text(request, "web_risk.treatment.residual_reduced",
			                       {{"value", std::to_string(value)},
			                        {"level", app::RiskLevelLabel(level)},
			                        {"vulnerability", std::to_string(by->second)}});
		}
		residuals.push_back({{"value", value}, {"label", label}, {"selected", value == form.treatment.residual_risk}});
	}
	const std::string today = platform::TodayInJapan();
	const app::TreatmentState state = app::TreatmentStateOf(stored ? &*stored : nullptr, high, today);
	const bool accepted = stored && stored->decision == "accept";
	const bool approved = accepted && stored->approved_by.has_value();
	Json model = {
	    {"base", base},
	    {"path", TreatmentPath(access, asset.id, threat.threat->id)},
	    {"asset", asset.name},
	    {"asset_href", base + "/assets/" + std::to_string(asset.id)},
	    {"threat", threat.threat->name},
	    {"impact", web.Text(request, app::ImpactLabel(threat.threat->impact))},
	    {"risk", RiskCellJson(threat.risk_value, threat.level)},
	    {"high", high},
	    {"importance", importance},
	    {"frequency", threat.frequency},
	    {"vulnerability", threat.vulnerability},
	    {"needs_decision", needs_decision},
	    {"can_edit", access.CanEdit()},
	    {"decisions", decisions},
	    {"measure", form.treatment.measure},
	    {"owner", form.treatment.owner},
	    {"reason", form.treatment.reason},
	    {"completed", form.treatment.completed},
	    {"residuals", residuals},
	    {"due",
	     DateFieldsModel(DateFieldsView{
	         "due_on", "due_on", web.Text(request, "web_dates.label.due_on"), web.Text(request, "web_dates.hint.due_on"),
	         false, form.due, date_error, date_error != nullptr ? web.Describe(request, *date_error) : std::string()})},
	    {"has_stored", stored.has_value()},
	    {"stored_decision", stored ? web.Text(request, std::string(app::DecisionLabel(stored->decision))) : ""},
	    {"stored_measure", stored ? stored->measure : ""},
	    {"stored_owner", stored ? stored->owner : ""},
	    {"stored_due", stored ? FormatDate(web.messages(), request.locale, stored->due_on) : ""},
	    {"stored_residual", stored ? stored->residual_risk : 0},
	    {"stored_reason", stored ? stored->reason : ""},
	    {"stored_completed", stored && stored->completed},
	    {"state", {{"label", web.Text(request, state.label_key)}, {"class", ProgressTagClass(state.progress)}}},
	    {"overdue", state.overdue},
	    {"show_approval", accepted && high},
	    {"approved", approved},
	    {"approved_at", approved ? FormatDateTime(web.messages(), request.locale, stored->approved_at) : ""},
	    {"can_approve", access.CanApproveRisk() && accepted && high && !approved},
	    {"notice", OptionalText(request.Param("done") == "approved" ? web.Text(request, "web_risk.acceptance_approved") : "")},
	};
	const int status = error ? HttpStatusFor(error->code) : 200;
	if (error) {
		AddFormError(model, *error, TreatmentFieldId(error_in->field), error_in->field);
	}
	web.SendHtml(request, status,
	             web.RenderPage(request, "risk_treatment", model,
	                            web.Text(request, "pages.risk_treatment",
	                                     {{"asset", asset.name}, {"threat", threat.threat->name}}),
	                            access));
}

struct TreatmentContext {
	app::OrgAccess access;
	std::shared_ptr<const app::RegisterAnalysis> analysis;
	FoundRisk risk;
	std::optional<app::RiskTreatment> stored;
};

//! Opens the page's analysis, risk and stored treatment; sends the error page otherwise.
std::optional<TreatmentContext> OpenTreatment(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto asset_id = WebApp::ParseId(request.http.matches[2]);
	const std::string threat_id = request.http.matches[3];
	auto analysis = LoadAnalysis(web, request, access, false, &web.Content(request));
	if (!analysis) {
		return std::nullopt;
	}
	auto risk = asset_id ? FindRisk(*analysis, *asset_id, threat_id) : std::nullopt;
	if (!risk) {
		web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "web_risk.risk_not_found"));
		return std::nullopt;
	}
	auto stored = app::FindTreatment(web.ctx(), access, *asset_id, threat_id);
	if (!stored) {
		web.SendErrorPage(request, stored.error());
		return std::nullopt;
	}
	return TreatmentContext{access, std::move(analysis), *risk, *stored};
}

void ShowTreatments(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderList(web, request, access);
}

void ShowTreatment(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto context = OpenTreatment(web, request, access);
	if (!context) {
		return;
	}
	RenderTreatment(web, request, context->access, *context->analysis, context->risk, context->stored, std::nullopt,
	                std::nullopt);
}

void SaveTreatment(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto context = OpenTreatment(web, request, access);
	if (!context) {
		return;
	}
	TreatmentForm form = ReadTreatmentForm(request);
	auto show_error = [&](const Error &error) {
		RenderTreatment(web, request, context->access, *context->analysis, context->risk, context->stored, form, error);
	};
	auto due = ParseDateFields(form.due, "due_on", web.Text(request, "web_dates.label.due_on"), false);
	if (!due) {
		return show_error(due.error());
	}
	app::RiskTreatment treatment = form.treatment;
	treatment.asset_id = context->analysis->assets[context->risk.asset].id;
	treatment.threat_id = context->risk.threat->threat->id;
	treatment.due_on = *due;
	auto saved = app::SaveTreatment(web.ctx(), request.actor(), context->access, treatment);
	if (!saved) {
		if (saved.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, saved.error());
		}
		return show_error(saved.error());
	}
	web.Redirect(request, RiskBase(context->access) + "/treatments?done=saved#risk-" +
	                          std::to_string(treatment.asset_id) + "-" + treatment.threat_id);
}

void ApproveTreatment(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto context = OpenTreatment(web, request, access);
	if (!context) {
		return;
	}
	const Id asset_id = context->analysis->assets[context->risk.asset].id;
	const std::string threat_id = context->risk.threat->threat->id;
	if (auto approved = app::ApproveAcceptance(web.ctx(), request.actor(), context->access, asset_id, threat_id);
	    !approved) {
		return web.SendErrorPage(request, approved.error());
	}
	web.Redirect(request, TreatmentPath(context->access, asset_id, threat_id) + "?done=approved");
}

} // namespace

RouteTable RiskTreatmentRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/risk/treatments)", RiskViewer(), ShowTreatments},
	    {Method::kGet, R"(/orgs/(\d+)/risk/treatments/(\d+)/([a-z0-9_]+))", RiskViewer(), ShowTreatment},
	    {Method::kPost, R"(/orgs/(\d+)/risk/treatments/(\d+)/([a-z0-9_]+))", RiskEditor(), SaveTreatment},
	    {Method::kPost, R"(/orgs/(\d+)/risk/treatments/(\d+)/([a-z0-9_]+)/approve)", RiskViewer(), ApproveTreatment},
	};
}

} // namespace mamori::web::risk_pages
