// mamori/web/routes_training_quiz.cpp
//
// A member takes a session's quiz (issue 9): one page, one fieldset of radio
// buttons per question, easy on a phone; after sending, the score and every
// question's explanation. The questions come from content/training/ in the
// reader's language; the scoring is app/training_quiz.
#include "app/training_quiz.hpp"
#include "web/register_pages.hpp"
#include "web/training_routes.hpp"

namespace mamori::web::training_pages {
namespace {

struct QuizPage {
	storage::TrainingSession session;
	const training::QuizSet *set = nullptr;
};

std::optional<QuizPage> Open(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = WebApp::ParseId(request.http.matches[2]);
	auto session = id ? app::GetTrainingSession(web.ctx(), access, *id)
	                  : Result<storage::TrainingSession>(Error::Make(ErrorCode::kNotFound, "app_training.not_found"));
	if (!session) {
		web.SendErrorPage(request, session.error());
		return std::nullopt;
	}
	auto set = app::SessionQuizSet(web.Content(request).training, *session);
	if (!set) {
		web.SendErrorPage(request, set.error());
		return std::nullopt;
	}
	return QuizPage{*session, *set};
}

training::QuizAnswers ReadAnswers(const Request &request, const training::QuizSet &set) {
	training::QuizAnswers answers;
	for (const auto &question : set.questions) {
		const std::string chosen = request.Param("q_" + question.id);
		if (!chosen.empty()) {
			answers[question.id] = chosen;
		}
	}
	return answers;
}

//! The questions with their choices; after scoring (`scored`), each marks the
//! member's answer and the correct one and shows the explanation.
Json Questions(WebApp &web, Request &request, const training::QuizSet &set, const training::QuizAnswers &answers,
               bool scored, const std::optional<Error> &error) {
	Json questions = Json::array();
	int number = 0;
	for (const auto &question : set.questions) {
		++number;
		const std::string field = "q_" + question.id;
		auto chosen = answers.find(question.id);
		Json choices = Json::array();
		for (const auto &choice : question.choices) {
			const bool picked = chosen != answers.end() && chosen->second == choice.id;
			choices.push_back({{"id", field + "-" + choice.id},
			                   {"name", field},
			                   {"value", choice.id},
			                   {"text", choice.text},
			                   {"checked", picked},
			                   {"correct", scored && choice.id == question.correct},
			                   {"picked_wrong", scored && picked && choice.id != question.correct}});
		}
		const bool right = chosen != answers.end() && chosen->second == question.correct;
		questions.push_back({{"number", number},
		                     {"field", field},
		                     {"first_id", field + "-" + question.choices.front().id},
		                     {"text", question.text},
		                     {"choices", choices},
		                     {"right", scored && right},
		                     {"wrong", scored && !right},
		                     {"explanation", scored ? Json(question.explanation) : Json(false)},
		                     {"error", error && error->field == field ? Json(web.Describe(request, *error)) : Json(false)}});
	}
	return questions;
}

void Render(WebApp &web, Request &request, const app::OrgAccess &access, const QuizPage &page,
            const training::QuizAnswers &answers, const storage::TrainingQuizResult *result,
            const std::optional<Error> &error) {
	const std::string href = SessionPath(access, page.session.id);
	Json model = {{"session_href", href},
	              {"action", href + "/quiz"},
	              {"session_title", page.session.title},
	              {"quiz_title", page.set->title},
	              {"source_document", page.set->source.document},
	              {"source_location", page.set->source.location},
	              {"questions", Questions(web, request, *page.set, answers, result != nullptr, error)},
	              {"scored", result != nullptr}};
	if (result != nullptr) {
		model["score"] = web.Text(request, "web_training.score",
		                          {{"correct", std::to_string(result->correct)}, {"total", std::to_string(result->total)}});
		model["passed"] = result->passed;
		model["pass_percent"] = web.Content(request).training.pass_percent;
	}
	if (error) {
		model["error_summary"] = ErrorSummary(*error, error->field + "-" + page.set->questions.front().choices.front().id);
		for (const auto &question : page.set->questions) {
			if ("q_" + question.id == error->field) {
				model["error_summary"] = ErrorSummary(*error, error->field + "-" + question.choices.front().id);
			}
		}
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "training_quiz", model, "web_training.title.quiz", access));
}

} // namespace

void ShowQuiz(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (auto page = Open(web, request, access)) {
		Render(web, request, access, *page, {}, nullptr, std::nullopt);
	}
}

void TakeQuiz(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto page = Open(web, request, access);
	if (!page) {
		return;
	}
	const training::QuizAnswers answers = ReadAnswers(request, *page->set);
	auto result = app::TakeTrainingQuiz(web.ctx(), request.actor(), access, page->session.id, answers);
	if (!result) {
		if (result.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, result.error());
		}
		return Render(web, request, access, *page, answers, nullptr, result.error());
	}
	Render(web, request, access, *page, answers, &*result, std::nullopt);
}

} // namespace mamori::web::training_pages
