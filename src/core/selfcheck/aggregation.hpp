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
//! answered the item gave the same answer, that answer; otherwise, when at
//! least one said 実施している or 一部実施している, 一部実施している (the 2009
//! sheet counts a measure carried out by only part of the staff as partial);
//! otherwise, with only 実施していない and わからない, わからない. Respondents who
//! left the item blank are ignored; an item nobody answered stays unanswered.
AnswerSheet AggregateAnswers(const std::vector<RespondentAnswers> &respondents);

} // namespace mamori
