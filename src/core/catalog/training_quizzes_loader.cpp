// mamori/core/catalog/training_quizzes_loader.cpp
#include "core/catalog/training_quizzes_loader.hpp"

#include "core/catalog/content_reader.hpp"

#include <set>

namespace mamori {
namespace {

using catalog_detail::CatalogProblem;
using catalog_detail::Reader;

// A phone screen shows two to four choices without scrolling; one choice is
// no question, more than four is a reading test.
constexpr size_t kMinChoices = 2;
constexpr size_t kMaxChoices = 4;

int Bounded(const Reader &file, const std::string &key, int low, int high) {
	const int value = file.Int(key);
	if (value < low || value > high) {
		file.Child(key).Fail("must be between " + std::to_string(low) + " and " + std::to_string(high));
	}
	return value;
}

training::QuizQuestion ReadQuestion(const Reader &entry) {
	training::QuizQuestion question{entry.String("id"), entry.String("text"), {}, entry.String("correct"),
	                                entry.String("explanation")};
	const auto choices = entry.Items("choices");
	if (choices.size() < kMinChoices || choices.size() > kMaxChoices) {
		entry.Child("choices").Fail("a question has 2 to 4 choices");
	}
	for (const auto &item : choices) {
		training::QuizChoice choice{item.String("id"), item.String("text")};
		if (question.FindChoice(choice.id) != nullptr) {
			item.Fail("duplicate choice '" + choice.id + "'");
		}
		question.choices.push_back(std::move(choice));
	}
	if (question.FindChoice(question.correct) == nullptr) {
		entry.Child("correct").Fail("'" + question.correct + "' is not one of the question's choices");
	}
	return question;
}

training::QuizSet ReadQuizSet(const Reader &entry) {
	training::QuizSet set{entry.String("id"), entry.String("title"), {}, entry.Source()};
	std::set<std::string> ids;
	for (const auto &item : entry.Items("questions")) {
		set.questions.push_back(ReadQuestion(item));
		if (!ids.insert(set.questions.back().id).second) {
			item.Fail("duplicate question '" + set.questions.back().id + "'");
		}
	}
	if (set.questions.empty()) {
		entry.Fail("a quiz set needs at least one question");
	}
	return set;
}

} // namespace

std::string TrainingQuizzesFileName() { return "training/quizzes.yaml"; }

training::TrainingContent ReadTrainingContent(const ContentFiles &files, Locale locale) {
	const Reader file = catalog_detail::ParseFile(files, TrainingQuizzesFileName(), locale);
	training::TrainingContent content;
	content.source = file.Source();
	content.pass_percent = Bounded(file, "pass_percent", 1, 100);
	content.overdue_days = Bounded(file, "overdue_days", 1, 366);
	content.selfcheck_item = Bounded(file, "selfcheck_item", 1, 1000);
	content.hint_within_days = Bounded(file, "hint_within_days", 1, 3660);
	content.hint_attendance_percent = Bounded(file, "hint_attendance_percent", 1, 100);
	for (const auto &entry : file.Items("quiz_sets")) {
		training::QuizSet set = ReadQuizSet(entry);
		if (content.FindQuizSet(set.id) != nullptr) {
			entry.Fail("duplicate quiz set '" + set.id + "'");
		}
		content.quiz_sets.push_back(std::move(set));
	}
	if (content.quiz_sets.empty()) {
		file.Fail("'quiz_sets' must list at least one quiz set");
	}
	return content;
}

Result<training::TrainingContent> ParseTrainingContent(const ContentFiles &files, Locale locale) {
	try {
		return ReadTrainingContent(files, locale);
	} catch (const CatalogProblem &problem) {
		return Error{ErrorCode::kCatalogInvalid, problem.where, problem.what};
	} catch (const yaml::Exception &error) {
		return Error{ErrorCode::kCatalogInvalid, TrainingQuizzesFileName(), std::string("YAML error: ") + error.what()};
	}
}

} // namespace mamori
