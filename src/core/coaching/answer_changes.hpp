// mamori/core/coaching/answer_changes.hpp
//
// "What changed since the last visit" (issue 12): the self-diagnosis items whose combined answer
// differs between the round the consultant saw at the visit and the latest round.
#pragma once

#include "core/selfcheck/answer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::coaching {

struct AnswerChange {
	int item = 0;
	std::optional<Answer> before;  // nullopt: not answered then
	std::optional<Answer> after;   // nullopt: not answered now
};

//! Every item answered differently (or answered in only one of the two), by item number.
std::vector<AnswerChange> ChangedAnswers(const AnswerSheet &before, const AnswerSheet &after);

//! The round a visit on `visit_on` (YYYY-MM-DD) saw: the index of the last round, in
//! `round_dates` (start dates, oldest first), that started on or before that day.
std::optional<size_t> RoundSeenAt(const std::vector<std::string> &round_dates, const std::string &visit_on);

} // namespace mamori::coaching
