// mamori/web/routes_five_articles.cpp
//
// Step 1: the 情報セキュリティ5か条 checklist. Every article has its own small
// form, so saving one never touches the others, and element ids carry the
// article number (a3-done, a3-done_on-year, ...) to stay unique on the page.
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

Json ArticleModel(const PageText &words, const app::FiveArticleView &view, const std::string &base, bool can_edit,
                  const ArticleForm *submitted) {
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
	const Error *error = mine ? &submitted->error : nullptr;
	auto field_error = [&](const std::string &suffix) -> Json {
		return error != nullptr && error->field == anchor + "-" + suffix ? Json(words.Describe(*error)) : Json(false);
	};
	model["form"] = {
	    {"action", base + "/five-articles/" + std::to_string(article.number)},
	    {"checked", StateFlags(mine ? submitted->state : state_name)},
	    {"state_error", field_error("state")},
	    {"date", DateFieldsModel(DateFieldsView{
	                 anchor + "-done_on", "done_on", words("web_dates.label.done_on"), words("web_dates.hint.done_on"),
	                 false, mine ? submitted->done_on : SplitIsoDate(status.done_on), error,
	                 error != nullptr ? words.Describe(*error) : std::string()})},
	    {"responsible_value", mine ? submitted->responsible : status.responsible},
	    {"responsible_error", field_error("responsible")},
	};
	return model;
}

void RenderFiveArticles(WebApp &web, Request &request, const app::OrgAccess &access, const ArticleForm *submitted,
                        int saved) {
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
		articles.push_back(ArticleModel(PageText{web, request}, view, base, access.CanEdit(), submitted));
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
	    {"saved", false},
	};
	for (const auto &view : *views) {
		if (view.article->number == saved) {
			model["saved"] = {{"number", saved}, {"title", view.article->title}, {"anchor", Anchor(saved)}};
		}
	}
	int status = 200;
	if (submitted != nullptr) {
		// A state error is shown on the group of radios; the link focuses the first one.
		const std::string &field = submitted->error.field;
		model["error_summary"] =
		    ErrorSummary(submitted->error, field.ends_with("-state") ? field + "-not_started" : field);
		status = HttpStatusFor(submitted->error.code);
	}
	web.SendHtml(request, status, web.RenderPage(request, "five_articles", model, "pages.five_articles", access));
}

void ShowFiveArticles(WebApp &web, Request &request, const app::OrgAccess &access) {
	// ?saved=N comes from our own redirect after a save; anything else is ignored.
	int saved = 0;
	const std::string saved_text = request.Param("saved");
	if (saved_text.size() == 1 && saved_text[0] >= '1' && saved_text[0] <= '9') {
		saved = saved_text[0] - '0';
	}
	RenderFiveArticles(web, request, access, nullptr, saved);
}

void SaveFiveArticle(WebApp &web, Request &request, const app::OrgAccess &access) {
	const std::string number_text = request.http.matches[2];
	const auto &articles = access.EditionOf(web.Content(request)).five_articles;
	const auto number = WebApp::ParseId(number_text);
	const auto found_article = std::find_if(articles.begin(), articles.end(), [&](const FiveArticle &candidate) {
		return number && candidate.number == *number;
	});
	if (found_article == articles.end()) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "errors.not_found"));
	}
	const FiveArticle &article = *found_article;

	ArticleForm form;
	form.number = static_cast<int>(*number);
	form.state = request.Param("state");
	form.done_on = ReadDateFields(request, "done_on");
	form.responsible = Trimmed(request.Param("responsible"));
	const std::string anchor = Anchor(form.number);

	app::FiveArticleStatus status;
	status.number = form.number;
	status.responsible = form.responsible;
	// One page holds five forms: the message says which article it is about.
	auto about_article = [&](const Error &error, const std::string &field) {
		return Error::Invalid(field, "five_articles.errors.about_article",
		                      {{"number", std::to_string(article.number)},
		                       {"title", article.title},
		                       {"reason", web.Describe(request, error)}});
	};
	const auto state = ParseArticleStateName(form.state);
	if (!state) {
		form.error = about_article(Error::Invalid("state", "five_articles.errors.choose_state"), anchor + "-state");
		return RenderFiveArticles(web, request, access, &form, 0);
	}
	status.state = *state;
	auto done_on = ParseDateFields(form.done_on, anchor + "-done_on", web.Text(request, "web_dates.label.done_on"), false);
	if (!done_on) {
		form.error = about_article(done_on.error(), done_on.error().field);
		return RenderFiveArticles(web, request, access, &form, 0);
	}
	status.done_on = *done_on;
	if (auto updated = app::UpdateFiveArticle(web.ctx(), request.actor(), access, status); !updated) {
		if (updated.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, updated.error());
		}
		// The app layer names its own fields; point them at this article's boxes.
		form.error = about_article(updated.error(), updated.error().field);
		const std::map<std::string, std::string> ids = {{"done_on", anchor + "-done_on-year"},
		                                                {"responsible", anchor + "-responsible"},
		                                                {"state", anchor + "-state"}};
		auto found = ids.find(form.error.field);
		form.error.field = found != ids.end() ? found->second : anchor + "-state";
		return RenderFiveArticles(web, request, access, &form, 0);
	}
	web.Redirect(request, "/orgs/" + std::to_string(access.org.id) +
	                          "/five-articles?saved=" + std::to_string(form.number) + "#" + anchor);
}

} // namespace

RouteTable FiveArticleRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/five-articles)",
	     OrgStaff("gates.five_articles"), ShowFiveArticles},
	    {Method::kPost, R"(/orgs/(\d+)/five-articles/(\d+))",
	     OrgEditor("gates.five_articles_update"), SaveFiveArticle},
	};
}

} // namespace mamori::web
