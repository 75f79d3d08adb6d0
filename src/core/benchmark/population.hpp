// mamori/core/benchmark/population.hpp
//
// The anonymous benchmark's aggregates over a whole installation (issue 12, methodology.md §7):
// the distributions of 自社診断 scores overall, per 業種 and per band of employees, and per item
// and group, each withheld below the minimum group size. Pure: the app reads one row per firm
// (its latest complete round's total and combined answers, kept by storage) and hands them here,
// so nothing is rescored per request (the goal: 100,000 firms in ≤ 50 ms, bench/benchmark_bench).
#pragma once

#include "core/benchmark/position.hpp"
#include "core/catalog/edition.hpp"

#include <string>
#include <vector>

namespace mamori {

//! One firm: its latest complete 自社診断 and its profile.
struct PopulationFirm {
	int score = 0;
	std::string industry;
	int employees = 0;
	std::string answers;  // combined answers as an answer code (core/selfcheck/answer_code.hpp)
	const Edition *edition = nullptr;  // whose groups and points the answers are scored by
};

//! Counts per score range, or withheld.
struct Distribution {
	std::string key;   // "overall", an industry id, a band id, an item number, a group name
	int n = 0;         // firms in the group (0 when withheld: not even the count is shown)
	bool shown = false;
	double mean = 0;   // one decimal
	std::vector<int> counts;  // per bin (score ranges) or per answer (item distributions)
};

struct InstallationBenchmark {
	int firms = 0;  // firms with a complete 自社診断
	int min_group = 5;
	std::vector<std::string> score_bins;  // labels of the score ranges ("-25–-1", "0–9", …, "90–100")
	Distribution overall;
	std::vector<Distribution> by_industry;
	std::vector<Distribution> by_size;
	std::vector<Distribution> by_group;  // 自社診断 groups: mean points and counts per rate range
	std::vector<Distribution> by_item;   // counts per answer: implemented / partial / not / unknown
};

//! The aggregates of `firms`; `item_count`: the items whose answers are counted (the default
//! edition's). Groups come in the order they first appear.
InstallationBenchmark BenchmarkOfPopulation(const BenchmarkRules &rules, const std::vector<PopulationFirm> &firms,
                                            int item_count);

//! The points of each of the edition's 自社診断 groups in `answers` (an answer code), as
//! ScoreSelfcheck counts them (items 1..ItemCount only), without building a sheet.
std::vector<int> GroupPointsOf(const Edition &edition, const std::string &answers);

} // namespace mamori
