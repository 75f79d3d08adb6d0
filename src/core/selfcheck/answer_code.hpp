// mamori/core/selfcheck/answer_code.hpp
//
// A combined answer sheet as a short text, one letter per item number from 1 ('i' 実施している,
// 'p' 一部実施, 'n' 実施していない, 'u' わからない, '-' no answer): how a round's combined answers
// are kept beside its score (storage: selfcheck_round_scores, migration 0028), so that pages over
// many organisations read one short text per round instead of every respondent's answers.
#pragma once

#include "core/selfcheck/answer.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace mamori {

//! "" for an empty sheet; items below 1 are left out (the codec refuses them before).
std::string EncodeAnswerCode(const AnswerSheet &sheet);

//! The sheet, or none when a letter is not one of the five.
std::optional<AnswerSheet> DecodeAnswerCode(std::string_view code);

//! The answer a letter of the code stands for; none for "-" and for anything else. Inline: the
//! benchmark reads it for every item of every firm (100,000 firms per request).
inline std::optional<Answer> AnswerOfCodeLetter(char letter) {
	switch (letter) {
	case 'i':
		return Answer::kImplemented;
	case 'p':
		return Answer::kPartial;
	case 'n':
		return Answer::kNotImplemented;
	case 'u':
		return Answer::kUnknown;
	default:
		return std::nullopt;
	}
}

//! The answer to `item` (1-based), or none when unanswered or beyond the code: without building
//! a sheet, for statistics over many firms.
std::optional<Answer> AnswerInCode(std::string_view code, int item);

} // namespace mamori
