// mamori/core/selfcheck/aggregation.cpp
#include "core/selfcheck/aggregation.hpp"

namespace mamori {

AnswerSheet AggregateAnswers(const std::vector<RespondentAnswers> &respondents) {
	AnswerSheet combined;
	for (const auto &respondent : respondents) {
		for (const auto &[item, answer] : respondent.answers) {
			auto [slot, inserted] = combined.emplace(item, answer);
			if (!inserted && slot->second != answer) {
				slot->second = Answer::kPartial;
			}
		}
	}
	return combined;
}

} // namespace mamori
