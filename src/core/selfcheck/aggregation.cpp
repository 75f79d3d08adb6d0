// mamori/core/selfcheck/aggregation.cpp
#include "core/selfcheck/aggregation.hpp"

namespace mamori {

namespace {

//! What the respondents who answered one item said, as far as the rule needs it.
struct ItemVotes {
	Answer first = Answer::kUnknown;
	bool all_same = true;
	bool anything_in_place = false;  // someone said 実施している or 一部実施している
};

bool ReportsMeasureInPlace(Answer answer) {
	return answer == Answer::kImplemented || answer == Answer::kPartial;
}

} // namespace

AnswerSheet AggregateAnswers(const std::vector<RespondentAnswers> &respondents) {
	std::map<int, ItemVotes> votes;
	for (const auto &respondent : respondents) {
		for (const auto &[item, answer] : respondent.answers) {
			auto [slot, inserted] = votes.emplace(item, ItemVotes{answer});
			if (!inserted && slot->second.first != answer) {
				slot->second.all_same = false;
			}
			slot->second.anything_in_place = slot->second.anything_in_place || ReportsMeasureInPlace(answer);
		}
	}
	AnswerSheet combined;
	for (const auto &[item, vote] : votes) {
		if (vote.all_same) {
			combined.emplace(item, vote.first);
		} else if (vote.anything_in_place) {
			combined.emplace(item, Answer::kPartial);
		} else {
			// Only 実施していない and わからない: nobody reported a measure, and
			// someone does not know, so the item must be found out.
			combined.emplace(item, Answer::kUnknown);
		}
	}
	return combined;
}

} // namespace mamori
