// mamori/app/training_quiz.cpp
#include "app/training_quiz.hpp"

#include "app/audit.hpp"

namespace mamori::app {

Result<const training::QuizSet *> SessionQuizSet(const training::TrainingContent &content,
                                                 const storage::TrainingSession &session) {
	const training::QuizSet *set = session.quiz_set.empty() ? nullptr : content.FindQuizSet(session.quiz_set);
	if (set == nullptr) {
		return Error::Make(ErrorCode::kNotFound, "app_training.no_quiz");
	}
	return set;
}

Result<storage::TrainingQuizResult> TakeTrainingQuiz(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                                     Id session_id, const training::QuizAnswers &answers) {
	const auto records = MAMORI_TRY(LoadTrainingRecords(ctx, access));
	const storage::TrainingSession *session = records.FindSession(session_id);
	if (session == nullptr) {
		return Error::Make(ErrorCode::kNotFound, "app_training.not_found");
	}
	const training::QuizSet *set = MAMORI_TRY(SessionQuizSet(ctx.catalog.training, *session));
	if (!records.InAudience(session_id, actor.user_id)) {
		return Error::Make(ErrorCode::kForbidden, "app_training.not_in_audience");
	}
	if (auto invalid = training::FirstInvalidAnswer(*set, answers)) {
		int number = 1;
		while (set->questions[number - 1].id != *invalid) {
			++number;
		}
		return Error::Invalid("q_" + *invalid, "app_training.answer_invalid", {{"number", std::to_string(number)}});
	}
	const training::QuizScore score = training::ScoreQuiz(*set, answers, ctx.catalog.training.pass_percent);
	nlohmann::json chosen = nlohmann::json::object();
	for (const auto &question : set->questions) {
		chosen[question.id] = answers.at(question.id);
	}
	storage::TrainingQuizResult result{0,           session_id,    actor.user_id,  set->id, score.correct,
	                                   score.total, score.passed, chosen.dump(), ctx.clock.NowIso()};
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		result.id = MAMORI_TRY(ctx.store.AddTrainingQuizResult(access.org.id, result));
		return Audit(ctx, access.org.id, actor.user_id, "training.quiz", "training_session:" + std::to_string(session_id),
		             {{"quiz_set", set->id}, {"correct", score.correct}, {"total", score.total}, {"passed", score.passed}});
	}));
	return result;
}

training::QuizAnswers ResultAnswers(const storage::TrainingQuizResult &result) {
	training::QuizAnswers answers;
	const auto parsed = nlohmann::json::parse(result.answers, nullptr, false);
	if (parsed.is_object()) {
		for (const auto &[question, choice] : parsed.items()) {
			if (choice.is_string()) {
				answers[question] = choice.get<std::string>();
			}
		}
	}
	return answers;
}

} // namespace mamori::app
