// mamori/core/training/quiz_scoring.hpp
//
// Scores one member's answers to a quiz set. Pure: the caller has checked
// nothing yet, so an unanswered question or an unknown choice is reported
// here by question id, for the form to name.
#pragma once

#include "core/training/training_content.hpp"

#include <map>
#include <optional>
#include <string>

namespace mamori::training {

//! Question id → the chosen choice id.
using QuizAnswers = std::map<std::string, std::string>;

struct QuizScore {
	int correct = 0;
	int total = 0;
	bool passed = false;
};

//! The first question left unanswered or answered with a choice it does not
//! have, or nullopt when every question has a known answer.
std::optional<std::string> FirstInvalidAnswer(const QuizSet &set, const QuizAnswers &answers);

//! Counts the correct answers; passed when correct/total reaches pass_percent.
QuizScore ScoreQuiz(const QuizSet &set, const QuizAnswers &answers, int pass_percent);

} // namespace mamori::training
