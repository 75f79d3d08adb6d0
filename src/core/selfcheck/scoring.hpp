// mamori/core/selfcheck/scoring.hpp
//
// Scoring of the 25-item self-diagnosis (付録3; methodology §2). Points per
// answer, group boundaries and score bands all come from the edition's rules.
#pragma once

#include "core/catalog/edition.hpp"
#include "core/selfcheck/answer.hpp"

#include <string>
#include <vector>

namespace mamori {

struct GroupScore {
	std::string id;
	std::string name;
	int score = 0;
	int max = 0;
	int answered = 0;
	int item_count = 0;
};

struct SelfcheckScore {
	int total = 0;
	int max = 0;
	std::vector<GroupScore> groups;  // in the edition's order
	std::vector<int> unknown_items;     // answered わからない, ascending
	std::vector<int> unanswered_items;  // no answer at all, ascending
	//! Items answered 実施していない or 一部実施 (the ones to improve), ascending.
	std::vector<int> weak_items;
	const ScoreBand *band = nullptr;  // points into the rules; never null for valid rules

	bool Complete() const { return unanswered_items.empty(); }
};

int PointsFor(const SelfcheckRules &rules, Answer answer);

//! Scores a sheet. Item numbers outside 1..item_count must have been rejected
//! by the caller (see codec); they are ignored here.
SelfcheckScore ScoreSelfcheck(const SelfcheckRules &rules, int item_count, const AnswerSheet &answers);

//! The band whose [min, max] holds total; the worst band when none does.
const ScoreBand &BandFor(const SelfcheckRules &rules, int total);

} // namespace mamori
