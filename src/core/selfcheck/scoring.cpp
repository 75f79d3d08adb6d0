// mamori/core/selfcheck/scoring.cpp
#include "core/selfcheck/scoring.hpp"

#include <cassert>

namespace mamori {

int PointsFor(const SelfcheckRules &rules, Answer answer) {
	switch (answer) {
	case Answer::kImplemented:
		return rules.implemented_points;
	case Answer::kPartial:
		return rules.partial_points;
	case Answer::kNotImplemented:
		return rules.not_implemented_points;
	case Answer::kUnknown:
		return rules.unknown_points;
	}
	return 0;
}

const ScoreBand &BandFor(const SelfcheckRules &rules, int total) {
	assert(!rules.bands.empty() && "catalog loader guarantees at least one band");
	for (const auto &band : rules.bands) {
		if (total >= band.min && total <= band.max) {
			return band;
		}
	}
	// Totals below every band (negative scores from many わからない) read as the worst band.
	return rules.bands.back();
}

SelfcheckScore ScoreSelfcheck(const SelfcheckRules &rules, int item_count, const AnswerSheet &answers) {
	SelfcheckScore result;
	result.max = item_count * rules.implemented_points;
	for (const auto &group : rules.groups) {
		GroupScore group_score;
		group_score.id = group.id;
		group_score.name = group.name;
		group_score.item_count = group.last_item - group.first_item + 1;
		group_score.max = group_score.item_count * rules.implemented_points;
		result.groups.push_back(group_score);
	}

	for (int item = 1; item <= item_count; ++item) {
		auto found = answers.find(item);
		if (found == answers.end()) {
			result.unanswered_items.push_back(item);
			continue;
		}
		const Answer answer = found->second;
		const int points = PointsFor(rules, answer);
		result.total += points;
		if (answer == Answer::kUnknown) {
			result.unknown_items.push_back(item);
		}
		if (answer == Answer::kPartial || answer == Answer::kNotImplemented) {
			result.weak_items.push_back(item);
		}
		for (size_t group_idx = 0; group_idx < rules.groups.size(); ++group_idx) {
			const auto &group = rules.groups[group_idx];
			if (item >= group.first_item && item <= group.last_item) {
				result.groups[group_idx].score += points;
				result.groups[group_idx].answered += 1;
			}
		}
	}
	result.band = &BandFor(rules, result.total);
	return result;
}

} // namespace mamori
