// mamori/core/training/quiz_scoring.cpp
#include "core/training/quiz_scoring.hpp"

namespace mamori::training {

std::optional<std::string> FirstInvalidAnswer(const QuizSet &set, const QuizAnswers &answers) {
	for (const auto &question : set.questions) {
		auto found = answers.find(question.id);
		if (found == answers.end() || question.FindChoice(found->second) == nullptr) {
			return question.id;
		}
	}
	return std::nullopt;
}

QuizScore ScoreQuiz(const QuizSet &set, const QuizAnswers &answers, int pass_percent) {
	QuizScore score;
	score.total = static_cast<int>(set.questions.size());
	for (const auto &question : set.questions) {
		auto found = answers.find(question.id);
		if (found != answers.end() && found->second == question.correct) {
			++score.correct;
		}
	}
	// Integer comparison, so 4 of 5 at 80 % passes exactly.
	score.passed = score.total > 0 && score.correct * 100 >= pass_percent * score.total;
	return score;
}

} // namespace mamori::training
