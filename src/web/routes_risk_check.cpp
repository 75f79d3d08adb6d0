// mamori/web/routes_risk_check.cpp
//
// The inputs of the analysis besides the register: the firm's 脅威の状況
// (frequency 1–3 per threat), the 対策状況チェック (answers 1–4, one form
// per category so a phone user saves as they go), and the what-if, whose
// planned answers are stored apart and never change the real ones.
#include "app/risk_views.hpp"
#include "web/presentation/css_classes.hpp"
#include "web/http_errors.hpp"
#include "web/risk_routes.hpp"

#include <charconv>
#include <map>
#include <set>

namespace mamori::web::risk_pages {
namespace {

std::optional<int> ParseSmallInt(const std::string &text) {
	int value = 0;
	auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
	if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
		return std::nullopt;
	}
	return value;
}

// --- 脅威の状況 ---------------------------------------------------------------------------------

void RenderThreats(WebApp &web, Request &request, const app::OrgAccess &access,
                   const std::map<std::string, int> &values, const std::optional<Error> &error) {
	const Edition &edition = access.EditionOf(web.Content(request));
	const RiskCatalog &catalog = edition.risk_catalog;
	const std::string saved = request.Param("saved");
	Json media = Json::array();
	for (const auto &medium : catalog.media) {
		Json threats = Json::array();
		for (const auto &threat : medium.threats) {
			auto found = values.find(threat.id);
			const int value = found != values.end() ? found->second : threat.default_frequency;
			Json options = Json::array();
			for (const auto &label : catalog.frequency_labels) {
				options.push_back({{"id", "freq-" + threat.id + "-" + std::to_string(label.value)},
				                   {"radio_name", "freq_" + threat.id},
				                   {"value", label.value},
				                   {"label", label.label},
				                   {"is_default", label.value == threat.default_frequency},
				                   {"checked", label.value == value}});
			}
			const bool at_fault = error && error->field == "freq_" + threat.id;
			threats.push_back({{"id", threat.id},
			                   {"name", threat.name},
			                   {"impact", web.Text(request, app::ImpactLabel(threat.impact))},
			                   {"description", threat.description},
			                   {"frequency_source", OptionalText(threat.frequency_source)},
			                   {"value", value},
			                   {"value_label", app::ScaleLabelText(catalog.frequency_labels, value)},
			                   {"own_value", value != threat.default_frequency},
			                   {"default_value", threat.default_frequency},
			                   {"options", options},
			                   {"error", at_fault ? Json(error->message) : Json(false)}});
		}
		media.push_back({{"id", medium.id},
		                 {"name", medium.name},
		                 {"description", medium.description},
		                 {"threats", threats},
		                 {"saved", saved == medium.id}});
	}
	Json model = {{"base", RiskBase(access)}, {"can_edit", access.CanEdit()}, {"media", media}};
	if (error) {
		const std::string threat_id = error->field.substr(std::string("freq_").size());
		const RiskThreat *threat = catalog.FindThreat(threat_id);
		const int first = catalog.frequency_labels.empty() ? 1 : catalog.frequency_labels.front().value;
		model["error_summary"] = ErrorSummary(*error, threat ? "freq-" + threat->id + "-" + std::to_string(first) : "");
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200, web.RenderPage(request, "risk_threats", model, "pages.risk_threats", access));
}

// --- 対策状況チェック ----------------------------------------------------------------------------

//! 「6-3」: the item's category number and its place in the category, as the page numbers them.
std::string ItemNumber(const RiskCatalog &catalog, const std::string &item_id) {
	for (const auto &category : catalog.categories) {
		int position = 0;
		for (const auto &item : catalog.check_items) {
			if (item.category != category.id) {
				continue;
			}
			++position;
			if (item.id == item_id) {
				return std::to_string(category.number) + "-" + std::to_string(position);
			}
		}
	}
	return "";
}

//! The 要確認 list: answers carried over from the 59-item catalog (migration 0004).
Json ReviewsJson(const WebApp &web, const Request &request, const RiskCatalog &catalog,
                 const std::vector<app::AnswerReview> &reviews, const CheckAnswers &answers) {
	Json list = Json::array();
	for (const auto &review : reviews) {
		const CheckItem *successor = catalog.FindCheckItem(review.successor_id);
		Json entry = {{"old_id", review.old_item_id},
		              {"old_text", review.old_text},
		              {"has_text", !review.old_text.empty()},
		              {"old_answer", SayKeyed(web, request, app::CoveringAnswerText(catalog, CheckAnswerFromInt(review.answer)))},
		              {"has_successor", successor != nullptr},
		              {"successor_href", successor ? "#item-" + successor->id : ""},
		              {"successor_number", successor ? ItemNumber(catalog, successor->id) : ""},
		              {"successor_text", successor ? successor->text : ""}};
		if (successor != nullptr) {
			auto current = answers.find(successor->id);
			entry["current_answer"] = current != answers.end() ? SayKeyed(web, request, app::CoveringAnswerText(catalog, current->second))
			                                                   : SayKeyed(web, request, app::CoveringAnswerText(catalog, std::nullopt));
		}
		list.push_back(std::move(entry));
	}
	return list;
}

void RenderCheck(WebApp &web, Request &request, const app::OrgAccess &access, const CheckAnswers &answers,
                 const std::optional<Error> &error) {
	const RiskCatalog &catalog = access.EditionOf(web.Content(request)).risk_catalog;
	const std::string saved = request.Param("saved");
	auto reviews = app::ListAnswerReviews(web.ctx(), access);
	if (!reviews) {
		return web.SendErrorPage(request, reviews.error());
	}
	std::map<std::string, std::vector<const app::AnswerReview *>> reviews_of; // successor → old answers
	for (const auto &review : *reviews) {
		if (!review.successor_id.empty()) {
			reviews_of[review.successor_id].push_back(&review);
		}
	}
	Json categories = Json::array();
	for (size_t idx = 0; idx < catalog.categories.size(); ++idx) {
		const ControlCategory &category = catalog.categories[idx];
		Json items = Json::array();
		int number = 0;
		for (const auto &item : catalog.check_items) {
			if (item.category != category.id) {
				continue;
			}
			++number;
			auto found = answers.find(item.id);
			const int value = found != answers.end() ? static_cast<int>(found->second) : 0;
			Json options = Json::array();
			for (const auto &label : catalog.check_answer_labels) {
				options.push_back({{"id", "answer-" + item.id + "-" + std::to_string(label.value)},
				                   {"radio_name", "answer_" + item.id},
				                   {"value", label.value},
				                   {"label", label.label},
				                   {"checked", label.value == value}});
			}
			const bool at_fault = error && error->field == "answer_" + item.id;
			Json old_answers = Json::array();
			if (auto found_reviews = reviews_of.find(item.id); found_reviews != reviews_of.end()) {
				for (const app::AnswerReview *review : found_reviews->second) {
					old_answers.push_back(
					    {{"text", review->old_text},
					     {"answer", SayKeyed(web, request, app::CoveringAnswerText(catalog, CheckAnswerFromInt(review->answer)))}});
				}
			}
			items.push_back(
			    {{"id", item.id},
			     {"number", std::to_string(category.number) + "-" + std::to_string(number)},
			     {"text", item.text},
			     {"help", item.help},
			     {"seed_wording", item.wording == Provenance::kSeed},
			     {"needs_review", !old_answers.empty()},
			     {"old_answers", old_answers},
			     {"answered", value != 0},
			     {"answer_label", value != 0 ? app::ScaleLabelText(catalog.check_answer_labels, value)
			                                    : web.Text(request, "web_risk.check.unanswered")},
			     {"options", options},
			     {"error", at_fault ? Json(error->message) : Json(false)}});
		}
		const int count = app::CategoryItemCount(catalog, category.id);
		const int answered = app::CategoryAnsweredCount(catalog, category.id, answers);
		const app::TaskTag tag = app::TaskTagOf(answered, count);
		Json next = false;
		if (idx + 1 < catalog.categories.size()) {
			next = {{"id", catalog.categories[idx + 1].id}, {"name", catalog.categories[idx + 1].name}};
		}
		categories.push_back({{"id", category.id},
		                      {"number", category.number},
		                      {"name", category.name},
		                      {"count", count},
		                      {"answered", answered},
		                      {"tag", {{"label", web.Text(request, tag.label_key)}, {"class", ProgressTagClass(tag.progress)}}},
		                      {"items", items},
		                      {"saved", saved == category.id},
		                      {"next", next}});
	}
	Json model = {{"base", RiskBase(access)},
	              {"can_edit", access.CanEdit()},
	              {"reviews", ReviewsJson(web, request, catalog, *reviews, answers)},
	              {"has_reviews", !reviews->empty()},
	              {"review_count", reviews->size()},
	              {"dismissed", request.Param("dismissed") == "1"},
	              {"answered", app::AnsweredItemCount(catalog, answers)},
	              {"total", catalog.check_items.size()},
	              {"categories", categories}};
	if (error) {
		const std::string item_id = error->field.substr(std::string("answer_").size());
		model["error_summary"] = ErrorSummary(*error, "answer-" + item_id + "-1");
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200, web.RenderPage(request, "risk_check", model, "pages.risk_check", access));
}

// --- what-if ---------------------------------------------------------------------------------------

void RenderWhatIf(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto before = LoadAnalysis(web, request, access, false, &web.Content(request));
	if (!before) {
		return;
	}
	auto after = LoadAnalysis(web, request, access, true, &web.Content(request));
	if (!after) {
		return;
	}
	const RiskCatalog &catalog = access.EditionOf(web.Content(request)).risk_catalog;
	const std::string base = RiskBase(access);
	const CheckAnswers &planned = before->planned;

	// The asset's database id from its analysis key (the id as text).
	auto asset_href = [&](const RegisterAsset *asset) { return base + "/assets/" + asset->key; };
	Json changes = Json::array();
	Json falls = Json::array();
	for (const auto &change : CompareWhatIf(before->result, after->result)) {
		const bool fall = app::FallsFromHigh(change);
		Json row = {{"asset", change.asset->name},
		            {"asset_href", asset_href(change.asset)},
		            {"threat", change.threat->name},
		            {"before", RiskCellJson(change.before, change.before_level)},
		            {"after", RiskCellJson(change.after, change.after_level)},
		            {"falls", fall}};
		if (fall) {
			falls.push_back(row);
		}
		changes.push_back(std::move(row));
	}
	const size_t high_before = app::RisksAtLevels(before->result, {"high"}).size();
	const size_t high_after = app::RisksAtLevels(after->result, {"high"}).size();

	Json categories = Json::array();
	int planned_count = 0;
	for (const auto &category : catalog.categories) {
		Json items = Json::array();
		for (const CheckItem *item : app::WhatIfCandidates(catalog, before->input.answers)) {
			if (item->category != category.id) {
				continue;
			}
			auto real = before->input.answers.find(item->id);
			auto plan = planned.find(item->id);
			const bool checked = plan != planned.end() && plan->second == CheckAnswer::kImplemented;
			planned_count += checked ? 1 : 0;
			items.push_back(
			    {{"id", item->id},
			     {"text", item->text},
			     {"current", real != before->input.answers.end() ? SayKeyed(web, request, app::CoveringAnswerText(catalog, real->second))
			                                                     : SayKeyed(web, request, app::CoveringAnswerText(catalog, std::nullopt))},
			     {"checked", checked}});
		}
		if (!items.empty()) {
			categories.push_back({{"id", category.id}, {"name", category.name}, {"items", items}});
		}
	}
	Json model = {{"base", base},
	              {"can_edit", access.CanEdit()},
	              {"has_assets", !before->assets.empty()},
	              {"has_plan", planned_count > 0},
	              {"planned_count", planned_count},
	              {"changes", changes},
	              {"change_count", changes.size()},
	              {"has_changes", !changes.empty()},
	              {"falls", falls},
	              {"fall_count", falls.size()},
	              {"has_falls", !falls.empty()},
	              {"high_before", high_before},
	              {"high_after", high_after},
	              {"all_below_high", high_after == 0},
	              {"categories", categories},
	              {"has_candidates", !categories.empty()},
	              {"cleared", request.Param("cleared") == "1"}};
	web.SendHtml(request, 200, web.RenderPage(request, "risk_whatif", model, "pages.risk_whatif", access));
}

void ShowThreats(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto values = app::LoadFrequencies(web.ctx(), access);
	if (!values) {
		return web.SendErrorPage(request, values.error());
	}
	RenderThreats(web, request, access, *values, std::nullopt);
}

void SaveThreats(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto stored = app::LoadFrequencies(web.ctx(), access);
	if (!stored) {
		return web.SendErrorPage(request, stored.error());
	}
	const Edition &edition = access.EditionOf(web.Content(request));
	// Validate every posted value first, so a bad one saves nothing.
	std::map<std::string, int> posted = *stored;
	std::vector<std::pair<const RiskThreat *, int>> changes;
	for (const auto &medium : edition.risk_catalog.media) {
		for (const auto &threat : medium.threats) {
			const std::string name = "freq_" + threat.id;
			if (!request.HasParam(name)) {
				continue;
			}
			auto value = ParseSmallInt(request.Param(name));
			if (!value || *value < edition.risk_scale.threat_min || *value > edition.risk_scale.threat_max) {
				return RenderThreats(
				    web, request, access, posted,
				    Error::Invalid(name, "web_risk.likelihood_required", {{"threat", threat.name}}));
			}
			auto current = stored->find(threat.id);
			const int effective = current != stored->end() ? current->second : threat.default_frequency;
			posted[threat.id] = *value;
			if (*value != effective) {
				changes.emplace_back(&threat, *value);
			}
		}
	}
	for (const auto &[threat, value] : changes) {
		if (auto saved = app::SetThreatFrequency(web.ctx(), request.actor(), access, threat->id, value); !saved) {
			return web.SendErrorPage(request, saved.error());
		}
	}
	const std::string medium = request.Param("medium");
	if (edition.risk_catalog.FindMedium(medium) != nullptr) {
		return web.Redirect(request, RiskBase(access) + "/threats?saved=" + medium + "#saved-" + medium);
	}
	web.Redirect(request, RiskBase(access) + "/threats");
}

void ShowCheck(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto answers = app::LoadAnswers(web.ctx(), access, false);
	if (!answers) {
		return web.SendErrorPage(request, answers.error());
	}
	RenderCheck(web, request, access, *answers, std::nullopt);
}

void SaveCheck(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto stored = app::LoadAnswers(web.ctx(), access, false);
	if (!stored) {
		return web.SendErrorPage(request, stored.error());
	}
	const RiskCatalog &catalog = access.EditionOf(web.Content(request)).risk_catalog;
	const std::string category = request.Param("category");
	if (catalog.FindCategory(category) == nullptr) {
		return web.SendErrorPage(request, Error::Invalid("category", "web_risk.check_category_not_found"));
	}
	auto reviews = app::ListAnswerReviews(web.ctx(), access);
	if (!reviews) {
		return web.SendErrorPage(request, reviews.error());
	}
	std::set<std::string> under_review; // items that took over answers needing a look
	for (const auto &review : *reviews) {
		under_review.insert(review.successor_id);
	}
	CheckAnswers posted = *stored;
	std::vector<std::pair<std::string, int>> changes;
	std::vector<std::string> confirmed; // posted unchanged: the stored answer is confirmed
	for (const auto &item : catalog.check_items) {
		const std::string name = "answer_" + item.id;
		if (item.category != category || !request.HasParam(name)) {
			continue; // unanswered items may stay unanswered: they count as 3
		}
		auto value = ParseSmallInt(request.Param(name));
		auto answer = value ? CheckAnswerFromInt(*value) : std::nullopt;
		if (!answer) {
			return RenderCheck(web, request, access, posted,
			                   Error::Invalid(name, "web_risk.check_answer_required", {{"item", item.text}}));
		}
		auto current = stored->find(item.id);
		posted[item.id] = *answer;
		if (current == stored->end() || current->second != *answer) {
			changes.emplace_back(item.id, *value);
		} else if (under_review.count(item.id) > 0) {
			confirmed.push_back(item.id);
		}
	}
	for (const auto &[item_id, value] : changes) {
		if (auto saved = app::SetControlAnswer(web.ctx(), request.actor(), access, item_id, value, false); !saved) {
			return web.SendErrorPage(request, saved.error());
		}
	}
	for (const auto &item_id : confirmed) {
		if (auto saved = app::ConfirmControlAnswer(web.ctx(), request.actor(), access, item_id); !saved) {
			return web.SendErrorPage(request, saved.error());
		}
	}
	web.Redirect(request, RiskBase(access) + "/check?saved=" + category + "#saved-" + category);
}

void DismissReview(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (auto dismissed = app::DismissAnswerReview(web.ctx(), request.actor(), access, request.Param("old_item_id"));
	    !dismissed) {
		return web.SendErrorPage(request, dismissed.error());
	}
	web.Redirect(request, RiskBase(access) + "/check?dismissed=1#reviews");
}

void ShowWhatIf(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderWhatIf(web, request, access);
}

void SaveWhatIf(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto real = app::LoadAnswers(web.ctx(), access, false);
	auto planned = app::LoadAnswers(web.ctx(), access, true);
	if (!real || !planned) {
		return web.SendErrorPage(request, !real ? real.error() : planned.error());
	}
	const RiskCatalog &catalog = access.EditionOf(web.Content(request)).risk_catalog;
	for (const CheckItem *item : app::WhatIfCandidates(catalog, *real)) {
		const bool wanted = request.HasParam("plan_" + item->id);
		auto plan = planned->find(item->id);
		const bool has_plan = plan != planned->end() && plan->second == CheckAnswer::kImplemented;
		Status saved = OkStatus();
		if (wanted && !has_plan) {
			// The plan: 「仮に実施した場合」 is answer 1, stored apart from the real answer.
			saved = app::SetControlAnswer(web.ctx(), request.actor(), access, item->id, 1, true);
		} else if (!wanted && plan != planned->end()) {
			saved = app::SetControlAnswer(web.ctx(), request.actor(), access, item->id, 0, true);
		}
		if (!saved) {
			return web.SendErrorPage(request, saved.error());
		}
	}
	web.Redirect(request, RiskBase(access) + "/whatif#results");
}

void ClearWhatIf(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (auto cleared = app::ClearPlannedAnswers(web.ctx(), request.actor(), access); !cleared) {
		return web.SendErrorPage(request, cleared.error());
	}
	web.Redirect(request, RiskBase(access) + "/whatif?cleared=1");
}

} // namespace

RouteTable RiskCheckRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/risk/threats)", RiskViewer(), ShowThreats},
	    {Method::kPost, R"(/orgs/(\d+)/risk/threats)", RiskEditor(), SaveThreats},
	    {Method::kGet, R"(/orgs/(\d+)/risk/check)", RiskViewer(), ShowCheck},
	    {Method::kPost, R"(/orgs/(\d+)/risk/check)", RiskEditor(), SaveCheck},
	    {Method::kPost, R"(/orgs/(\d+)/risk/check/reviews/dismiss)", RiskEditor(), DismissReview},
	    {Method::kGet, R"(/orgs/(\d+)/risk/whatif)", RiskViewer(), ShowWhatIf},
	    {Method::kPost, R"(/orgs/(\d+)/risk/whatif)", RiskEditor(), SaveWhatIf},
	    {Method::kPost, R"(/orgs/(\d+)/risk/whatif/clear)", RiskEditor(), ClearWhatIf},
	};
}

} // namespace mamori::web::risk_pages
