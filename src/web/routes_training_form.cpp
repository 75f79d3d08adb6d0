// mamori/web/routes_training_form.cpp
//
// Planning and editing a training session (issue 9): title, content,
// method, planned date, quiz set and audience (everyone, or the members
// ticked in a fieldset). Refusals keep what was typed and name the field.
#include "app/selfcheck_views.hpp"
#include "web/register_pages.hpp"
#include "web/training_routes.hpp"

#include <algorithm>

namespace mamori::web::training_pages {
namespace {

using register_pages::AddError;
using register_pages::TextField;

app::TrainingSessionInput ReadForm(const Request &request) {
	app::TrainingSessionInput input;
	input.session.title = app::TrimSpaces(request.Param("title"));
	input.session.content = app::TrimSpaces(request.Param("content"));
	input.session.method = app::TrimSpaces(request.Param("method"));
	input.session.planned_on = app::TrimSpaces(request.Param("planned_on"));
	input.session.quiz_set = request.Param("quiz_set");
	input.session.audience_all = request.Param("audience") != "chosen";
	input.chosen = TickedIds(request, "member");
	return input;
}

void RenderForm(WebApp &web, Request &request, const app::OrgAccess &access, const app::TrainingSessionInput &input,
                std::optional<Id> session_id, const std::optional<Error> &error) {
	auto members = web.ctx().store.ListMembers(access.org.id);
	if (!members) {
		return web.SendErrorPage(request, members.error());
	}
	const PageText words{web, request};
	Json texts = Json::array({
	    TextField(words, "title", "web_training.field.title", "web_training.field.title_hint", input.session.title,
	              true, false, error),
	    TextField(words, "content", "web_training.field.content", "web_training.field.content_hint",
	              input.session.content, false, true, error),
	    TextField(words, "method", "web_training.field.method", "web_training.field.method_hint",
	              input.session.method, false, false, error),
	});
	Json quiz_sets = Json::array({{{"value", ""},
	                               {"label", words("web_training.no_quiz")},
	                               {"selected", input.session.quiz_set.empty()}}});
	for (const auto &set : web.Content(request).training.quiz_sets) {
		quiz_sets.push_back({{"value", set.id}, {"label", set.title}, {"selected", set.id == input.session.quiz_set}});
	}
	Json people = Json::array();
	for (const auto &member : *members) {
		people.push_back({{"id", "member-" + std::to_string(member.user_id)},
		                  {"value", member.user_id},
		                  {"name", MemberName(member)},
		                  {"checked", std::find(input.chosen.begin(), input.chosen.end(), member.user_id) !=
		                                  input.chosen.end()}});
	}
	auto field_error = [&](const char *field) {
		return error && error->field == field ? Json(words.Describe(*error)) : Json(false);
	};
	Json model = {{"base", TrainingBase(access)},
	              {"action", session_id ? SessionPath(access, *session_id) + "/edit" : TrainingBase(access) + "/new"},
	              {"is_new", !session_id},
	              {"texts", texts},
	              {"planned_on", input.session.planned_on},
	              {"planned_on_error", field_error("planned_on")},
	              {"quiz_sets", quiz_sets},
	              {"quiz_set_error", field_error("quiz_set")},
	              {"audience_all", input.session.audience_all},
	              {"members", people},
	              {"audience_error", field_error("audience")}};
	if (error) {
		AddError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "training_form", model,
	                            session_id ? "web_training.title.edit" : "web_training.title.new", access));
}

std::optional<Id> SessionId(WebApp &web, Request &request) {
	const auto id = WebApp::ParseId(request.http.matches[2]);
	if (!id) {
		web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_training.not_found"));
	}
	return id;
}

} // namespace

void ShowNew(WebApp &web, Request &request, const app::OrgAccess &access) {
	app::TrainingSessionInput input;
	input.session.planned_on = web.ctx().clock.TodayInJapan();
	RenderForm(web, request, access, input, std::nullopt, std::nullopt);
}

void Create(WebApp &web, Request &request, const app::OrgAccess &access) {
	const app::TrainingSessionInput input = ReadForm(request);
	auto created = app::CreateTrainingSession(web.ctx(), request.actor(), access, input);
	if (!created) {
		if (created.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, created.error());
		}
		return RenderForm(web, request, access, input, std::nullopt, created.error());
	}
	web.Redirect(request, SessionPath(access, *created) + "?done=created");
}

void ShowEdit(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = SessionId(web, request);
	if (!id) {
		return;
	}
	auto records = app::LoadTrainingRecords(web.ctx(), access);
	if (!records) {
		return web.SendErrorPage(request, records.error());
	}
	const auto *session = records->FindSession(*id);
	if (session == nullptr) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_training.not_found"));
	}
	app::TrainingSessionInput input{*session, {}};
	if (!session->audience_all) {
		const auto &audience = records->audience.at(*id);
		input.chosen.assign(audience.begin(), audience.end());
	}
	RenderForm(web, request, access, input, *id, std::nullopt);
}

void Update(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = SessionId(web, request);
	if (!id) {
		return;
	}
	const app::TrainingSessionInput input = ReadForm(request);
	if (auto updated = app::UpdateTrainingSession(web.ctx(), request.actor(), access, *id, input); !updated) {
		if (updated.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, updated.error());
		}
		return RenderForm(web, request, access, input, *id, updated.error());
	}
	web.Redirect(request, SessionPath(access, *id) + "?done=updated");
}

} // namespace mamori::web::training_pages
