// mamori/core/selfcheck/aggregation.hpp
//
// Combining several respondents (事業所・部署ごと) into the organisation's answer.
#pragma once

#include "core/selfcheck/answer.hpp"

#include <string>
#include <vector>

namespace mamori {

struct RespondentAnswers {
	std::string name;
	AnswerSheet answers;
};

//! Per item (methodology §2, defined there): when every respondent who
//! answered the item gave the same answer, that answer; when they differ,
//! 一部実施している, following the 2009 sheet's instruction that a measure
//! carried out by only part of the staff counts as partial. Respondents who
//! left the item blank are ignored; an item nobody answered stays unanswered.
AnswerSheet AggregateAnswers(const std::vector<RespondentAnswers> &respondents);

} // namespace mamori
