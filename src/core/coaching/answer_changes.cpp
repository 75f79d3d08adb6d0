// mamori/core/coaching/answer_changes.cpp
#include "core/coaching/answer_changes.hpp"

#include <set>

namespace mamori::coaching {

std::vector<AnswerChange> ChangedAnswers(const AnswerSheet &before, const AnswerSheet &after) {
	std::set<int> items;
	for (const auto &[item, answer] : before) {
		items.insert(item);
	}
	for (const auto &[item, answer] : after) {
		items.insert(item);
	}
	std::vector<AnswerChange> changes;
	for (int item : items) {
		auto was = before.find(item);
		auto now = after.find(item);
		AnswerChange change{item, was == before.end() ? std::nullopt : std::optional<Answer>(was->second),
		                    now == after.end() ? std::nullopt : std::optional<Answer>(now->second)};
		if (change.before != change.after) {
			changes.push_back(change);
		}
	}
	return changes;
}

std::optional<size_t> RoundSeenAt(const std::vector<std::string> &round_dates, const std::string &visit_on) {
	if (visit_on.empty()) {
		return std::nullopt;
	}
	std::optional<size_t> seen;
	for (size_t i = 0; i < round_dates.size(); ++i) {
		// Dates compare as text ("YYYY-MM-DD…"); a round started later that day was not seen.
		if (round_dates[i].substr(0, 10) <= visit_on) {
			seen = i;
		}
	}
	return seen;
}

} // namespace mamori::coaching
