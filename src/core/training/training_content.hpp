// mamori/core/training/training_content.hpp
//
// The education plan's content (issue 9, coaching theme 5 従業員向けのセキュリティ
// 教育), as loaded from content/training/quizzes.yaml: the quiz sets a session
// may use, each a few questions with their choices, the correct one and a
// one-line explanation, and the numbers the overdue rule and the 自社診断
// hint use. Data, so changing a question is a change of the file.
#pragma once

#include "core/catalog/source_ref.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace mamori::training {

struct QuizChoice {
	std::string id;  // "a", "b", ... (what a form posts and a result stores)
	std::string text;
};

struct QuizQuestion {
	std::string id;
	std::string text;
	std::vector<QuizChoice> choices;  // 2 to 4
	std::string correct;              // a choice id
	std::string explanation;          // one line, shown after answering

	const QuizChoice *FindChoice(std::string_view choice_id) const;
};

struct QuizSet {
	std::string id;
	std::string title;
	std::vector<QuizQuestion> questions;
	SourceRef source;  // the part of the guideline the questions come from
};

struct TrainingContent {
	SourceRef source;
	int pass_percent = 80;            // correct answers needed to pass, in percent
	int overdue_days = 14;            // days after a held session before a member is overdue
	int selfcheck_item = 0;           // the 自社診断 item the records are evidence for
	int hint_within_days = 365;       // a held session this recent counts as current
	int hint_attendance_percent = 80; // attendance that suggests 「実施している」
	std::vector<QuizSet> quiz_sets;

	const QuizSet *FindQuizSet(std::string_view id) const;
};

} // namespace mamori::training
