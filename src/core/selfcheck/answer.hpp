// mamori/core/selfcheck/answer.hpp
#pragma once

#include "core/i18n/locale.hpp"
#include "core/i18n/message_catalog.hpp"

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
//! The message catalog key of the answer's label as on the 付録3 check
//! boxes ("answer_label.partial": 一部実施している / Partly implemented).
std::string_view AnswerLabelKey(Answer answer);
//! The label in `locale`.
std::string AnswerLabel(const MessageCatalog &messages, Locale locale, Answer answer);

} // namespace mamori
