// mamori/web/routes_five_articles.cpp
//
// Step 1: the 情報セキュリティ5か条 checklist. The page is one form with one save
// (issue 13); element ids and field names carry the article number (a3-state,
// a3-done_on-year, ...) to stay unique. A single article can still be posted
// alone to /five-articles/N with unprefixed fields.
#include "app/five_articles_service.hpp"
#include "app/organizations.hpp"
#include "web/form_dates.hpp"
#include "web/http_errors.hpp"
#include "web/route_table.hpp"

#include <algorithm>
#include <map>

namespace mamori::web {
namespace {

constexpr const char *kSecurityActionUrl = "https://www.ipa.go.jp/security/security-action/";

std::string Trimmed(const std::string &text) {
	constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
	std::string_view view = text;
	for (bool changed = true; changed && !view.empty();) {
		changed = false;
		if (view.front() == ' ' || view.front() == '\t' || view.front() == '\r' || view.front() == '\n') {
			view.remove_prefix(1);
			changed = true;
		} else if (view.starts_with(kIdeographicSpace)) {
			view.remove_prefix(kIdeographicSpace.size());
			changed = true;
		}
		if (view.empty()) {
			break;
		}
		if (view.back() == ' ' || view.back() == '\t' || view.back() == '\r' || view.back() == '\n') {
			view.remove_suffix(1);
			changed = true;
		} else if (view.ends_with(kIdeographicSpace)) {
			view.remove_suffix(kIdeographicSpace.size());
			changed = true;
		}
	}
	return std::string(view);
}

//! What an editor typed into one article's form, kept for re-showing after an error.
struct ArticleForm {
	int number = 0;
	std::string state; // as sent: not_started / in_progress / done
	DateFields done_on;
	std::string responsible;
	Error error;
};

std::string Anchor(int number) {
	return "a" + std::to_string(number);
}

//! One flag per state, so the templates hold the words (未着手 / 実施中 / 実施済み).
Json StateFlags(const std::string &state) {
	return {{"not_started", state == ArticleStateName(ArticleState::kNotStarted)},
	        {"in_progress", state == ArticleStateName(ArticleState::kInProgress)},
	        {"done", state == ArticleStateName(ArticleState::kDone)}};
}

const char *StateTagClass(ArticleState state) {
	switch (state) {
	case ArticleState::kDone:
		return "tag--done";
	case ArticleState::kInProgress:
		return "tag--progress";
	case ArticleState::kNotStarted:
		break;
	}
	return "tag--todo";
}

Json ArticleModel(const PageText &words, const app::FiveArticleView &view, bool can_edit, const ArticleForm *submitted) {
	const FiveArticle &article = *view.article;
	const app::FiveArticleStatus &status = view.status;
	const std::string anchor = Anchor(article.number);
	Json actions = Json::array();
	for (const auto &action : article.actions) {
		actions.push_back(action);
	}
	const bool done = status.state == ArticleState::kDone;
	const std::string state_name(ArticleStateName(status.state));
	const std::string done_on_display = done ? FormatDate(words.web.messages(), words.request.locale, status.done_on) : "";
	Json model = {
	    {"number", article.number},
	    {"anchor", anchor},
	    {"title", article.title},
	    {"explanation", article.explanation},
	    {"actions", actions},
	    {"source",
	     article.source.location.empty() ? Json(false) : Json(article.source.document + " " + article.source.location)},
	    {"done", done},
	    {"state", StateFlags(state_name)},
	    {"status_class", StateTagClass(status.state)},
	    {"done_on_display", done_on_display.empty() ? Json(false) : Json(done_on_display)},
	    {"done_on_iso", status.done_on},
	    {"responsible", status.responsible.empty() ? Json(false) : Json(status.responsible)},
	    {"updated", status.updated_at.empty() ? Json(false) : Json(FormatDateTime(words.web.messages(), words.request.locale, status.updated_at))},
	    {"form", false},
	};
	if (!can_edit) {
		return model;
	}
	// The form shows what the editor just typed when it came back with an
	// error, and the stored values otherwise.
	const bool mine = submitted != nullptr && submitted->number == article.number;
	const Error *error = mine && !submitted->error.message.empty() ? &submitted->error : nullptr;
	auto field_error = [&](const std::string &suffix) -> Json {
		return error != nullptr && error->field == anchor + "-" + suffix ? Json(words.Describe(*error)) : Json(false);
	};
	model["form"] = {
	    {"checked", StateFlags(mine ? submitted->state : state_name)},
	    {"state_error", field_error("state")},
	    {"date", DateFieldsModel(DateFieldsView{
	                 anchor + "-done_on", anchor + "-done_on", words("web_dates.label.done_on"), words("web_dates.hint.done_on"),
	                 false, mine ? submitted->done_on : SplitIsoDate(status.done_on), error,
	                 error != nullptr ? words.Describe(*error) : std::string()})},
	    {"responsible_value", mine ? submitted->responsible : status.responsible},
	    {"responsible_error", field_error("responsible")},
	};
	return model;
}

//! The page; `submitted` holds what the editor sent, by article number, when it comes back
//! with errors; `saved` is the article just saved alone (0: none), or -1 after saving all.
void RenderFiveArticles(WebApp &web, Request &request, const app::OrgAccess &access,
                        const std::map<int, ArticleForm> &submitted, int saved) {
	auto views = app::ListFiveArticles(web.ctx(), access, &web.Content(request));
	if (!views) {
		return web.SendErrorPage(request, views.error());
	}
	const std::string base = "/orgs/" + std::to_string(access.org.id);
	Json articles = Json::array();
	Json not_started = Json::array();
	int done = 0;
	int in_progress = 0;
	for (const auto &view : *views) {
		const auto sent = submitted.find(view.article->number);
		articles.push_back(ArticleModel(PageText{web, request}, view, access.CanEdit(),
		                                sent != submitted.end() ? &sent->second : nullptr));
		switch (view.status.state) {
		case ArticleState::kDone:
			++done;
			break;
		case ArticleState::kInProgress:
			++in_progress;
			break;
		case ArticleState::kNotStarted:
			not_started.push_back({{"number", view.article->number},
			                       {"anchor", Anchor(view.article->number)},
			                       {"title", view.article->title}});
			break;
		}
	}
	const int total = static_cast<int>(views->size());
	// ★1 is the core's rule (OneStarReadiness); the page asks the same question.
	ProgressFacts facts;
	facts.five_articles_total = total;
	for (const auto &item : not_started) {
		facts.five_articles_not_started.push_back(item["number"].get<int>());
	}
	const bool one_star_ready = total > 0 && OneStarReadiness(facts).ready;
	Json model = {
	    {"base", base},
	    {"can_edit", access.CanEdit()},
	    {"articles", articles},
	    {"total", total},
	    {"done_count", done},
	    {"in_progress_count", in_progress},
	    {"not_started_count", static_cast<int>(not_started.size())},
	    {"all_done", total > 0 && done == total},
	    {"one_star_ready", one_star_ready},
	    {"not_started", not_started},
	    {"security_action_url", kSecurityActionUrl},
	    {"save_action", base + "/five-articles"},
	    {"saved", false},
	    {"saved_all", saved < 0},
	};
	for (const auto &view : *views) {
		if (view.article->number == saved) {
			model["saved"] = {{"number", saved}, {"title", view.article->title}, {"anchor", Anchor(saved)}};
		}
	}
	int status = 200;
	Json summary_items = Json::array();
	for (const auto &[number, form] : submitted) {
		if (form.error.message.empty()) {
			continue;
		}
		// A state error is shown on the group of radios; the link focuses the first one.
		const std::string &field = form.error.field;
		const std::string target = field.ends_with("-state") ? field + "-not_started" : field;
		if (summary_items.empty()) {
			model["error_summary"] = ErrorSummary(form.error, target);
			status = HttpStatusFor(form.error.code);
		}
		summary_items.push_back({{"field_id", target}, {"message", web.Describe(request, form.error)}});
	}
	if (!summary_items.empty()) {
		model["error_summary"]["summary_items"] = summary_items;
	}
	web.SendHtml(request, status, web.RenderPage(request, "five_articles", model, "pages.five_articles", access));
}

void ShowFiveArticles(WebApp &web, Request &request, const app::OrgAccess &access) {
	// ?saved=N comes from our own redirect after a save (N = all for the whole form); anything
	// else is ignored.
	int saved = 0;
	const std::string saved_text = request.Param("saved");
	if (saved_text == "all") {
		saved = -1;
	} else if (saved_text.size() == 1 && saved_text[0] >= '1' && saved_text[0] <= '9') {
		saved = saved_text[0] - '0';
	}
	RenderFiveArticles(web, request, access, {}, saved);
}

//! Reads one article's fields, named `prefix`state, `prefix`done_on_year… and `prefix`responsible
//! ("" for the one-article form, "a3-" on the whole page), and checks them as the app layer
//! will. On a problem, form.error names the article and the box to focus.
std::pair<ArticleForm, app::FiveArticleStatus> ReadArticle(WebApp &web, const Request &request,
                                                           const app::OrgAccess &access, const FiveArticle &article,
                                                           const std::string &prefix) {
	ArticleForm form;
	form.number = article.number;
	form.state = request.Param(prefix + "state");
	form.done_on = ReadDateFields(request, prefix + "done_on");
	form.responsible = Trimmed(request.Param(prefix + "responsible"));
	const std::string anchor = Anchor(form.number);
	app::FiveArticleStatus status;
	status.number = form.number;
	status.responsible = form.responsible;
	// One page holds five articles: the message says which article it is about.
	auto about_article = [&](const Error &error, const std::string &field) {
		return Error::Invalid(field, "five_articles.errors.about_article",
		                      {{"number", std::to_string(article.number)},
		                       {"title", article.title},
		                       {"reason", web.Describe(request, error)}});
	};
	const auto state = ParseArticleStateName(form.state);
	if (!state) {
		form.error = about_article(Error::Invalid("state", "five_articles.errors.choose_state"), anchor + "-state");
		return {form, status};
	}
	status.state = *state;
	auto done_on = ParseDateFields(form.done_on, anchor + "-done_on", web.Text(request, "web_dates.label.done_on"), false);
	if (!done_on) {
		form.error = about_article(done_on.error(), done_on.error().field);
		return {form, status};
	}
	status.done_on = *done_on;
	if (auto valid = app::ValidateFiveArticle(web.ctx(), access, status); !valid) {
		// The app layer names its own fields; point them at this article's boxes.
		form.error = about_article(valid.error(), valid.error().field);
		const std::map<std::string, std::string> ids = {{"done_on", anchor + "-done_on-year"},
		                                                {"responsible", anchor + "-responsible"},
		                                                {"state", anchor + "-state"}};
		auto found = ids.find(form.error.field);
		form.error.field = found != ids.end() ? found->second : anchor + "-state";
	}
	return {form, status};
}

//! The whole checklist in one form (issue 13): every article is checked, all problems are
//! listed at once, and nothing is stored unless all five are right.
void SaveFiveArticles(WebApp &web, Request &request, const app::OrgAccess &access) {
	std::map<int, ArticleForm> forms;
	std::vector<app::FiveArticleStatus> statuses;
	bool failed = false;
	for (const FiveArticle &article : access.EditionOf(web.Content(request)).five_articles) {
		auto [form, status] = ReadArticle(web, request, access, article, Anchor(article.number) + "-");
		failed = failed || !form.error.message.empty();
		forms[article.number] = form;
		statuses.push_back(status);
	}
	if (failed) {
		return RenderFiveArticles(web, request, access, forms, 0);
	}
	if (auto updated = app::UpdateFiveArticles(web.ctx(), request.actor(), access, statuses); !updated) {
		return web.SendErrorPage(request, updated.error());
	}
	web.Redirect(request, "/orgs/" + std::to_string(access.org.id) + "/five-articles?saved=all");
}

//! One article alone, for clients that post a single article's fields.
void SaveFiveArticle(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto &articles = access.EditionOf(web.Content(request)).five_articles;
	const auto number = WebApp::ParseId(request.http.matches[2]);
	const auto found_article = std::find_if(articles.begin(), articles.end(), [&](const FiveArticle &candidate) {
		return number && candidate.number == *number;
	});
	if (found_article == articles.end()) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "errors.not_found"));
	}
	auto [form, status] = ReadArticle(web, request, access, *found_article, "");
	if (!form.error.message.empty()) {
		return RenderFiveArticles(web, request, access, {{form.number, form}}, 0);
	}
	if (auto updated = app::UpdateFiveArticle(web.ctx(), request.actor(), access, status); !updated) {
		return web.SendErrorPage(request, updated.error());
	}
	web.Redirect(request, "/orgs/" + std::to_string(access.org.id) + "/five-articles?saved=" +
	                          std::to_string(form.number) + "#" + Anchor(form.number));
}

} // namespace

RouteTable FiveArticleRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/five-articles)",
	     OrgStaff("gates.five_articles"), ShowFiveArticles},
	    {Method::kPost, R"(/orgs/(\d+)/five-articles)",
	     OrgEditor("gates.five_articles_update"), SaveFiveArticles},
	    {Method::kPost, R"(/orgs/(\d+)/five-articles/(\d+))",
	     OrgEditor("gates.five_articles_update"), SaveFiveArticle},
	};
}

} // namespace mamori::web
