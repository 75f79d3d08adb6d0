// mamori/core/selfcheck/answer.hpp
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace mamori {

//! One answer to a self-diagnosis item (付録3: the four check boxes).
enum class Answer {
	kImplemented,     // 実施している
	kPartial,         // 一部実施している
	kNotImplemented,  // 実施していない
	kUnknown,         // わからない
};

//! Item number (1-based) → answer. A missing number is unanswered.
using AnswerSheet = std::map<int, Answer>;

//! Machine names used by the CLI, the API and storage: "implemented", ...
std::string_view AnswerName(Answer answer);
std::optional<Answer> ParseAnswerName(std::string_view name);
//! Japanese label: 実施している, ...
std::string_view AnswerLabel(Answer answer);

} // namespace mamori
