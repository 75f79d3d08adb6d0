// mamori/core/benchmark/position.hpp
//
// Where one firm's 自社診断 score stands among others (methodology.md §7,
// after IPA's ベンチマーク): per group (all firms, the firm's industry, the
// firm's band of employees) the count, mean, population standard deviation,
// percentile and 偏差値, with a group smaller than the minimum withheld so
// that no small group's scores can be inferred. Pure: the CLI
// (`benchmark position`) and the web app both call it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mamori {

//! One band of regular employees; the last has no upper bound.
struct EmployeeBand {
	std::string id;     // "1-5", "6-20", … as in content/benchmark.yaml
	int min = 0;        // inclusive
	std::optional<int> max;  // inclusive; none for the open last band
};

struct BenchmarkRules {
	std::vector<EmployeeBand> size_bands;  // ascending, without gaps, the first from 0
	int default_min_group = 5;

	//! The band holding `employees`, or nullptr for a count below the first band.
	const EmployeeBand *BandOf(int employees) const;
};

struct BenchmarkFirm {
	std::string id;
	int score = 0;  // −25..100 (the 自社診断 total)
	std::string industry;
	int employees = 0;
};

//! Every number already rounded to one decimal place.
struct GroupPosition {
	int n = 0;
	double mean = 0;
	double sd = 0;
	double percentile = 0;
	double deviation = 0;
};

struct BenchmarkPosition {
	std::optional<GroupPosition> overall;   // none when the group is below the minimum
	std::optional<GroupPosition> industry;
	std::optional<GroupPosition> size;
};

//! The position of `target` (an index into `firms`) in each group; a group of
//! fewer than `min_group` firms is none. `firms` must be non-empty.
BenchmarkPosition PositionOf(const BenchmarkRules &rules, const std::vector<BenchmarkFirm> &firms, size_t target,
                             int min_group);

//! One group's figures for `score` among `scores` (which include it): the
//! rule of §7, exposed for the property tests.
GroupPosition PositionInGroup(const std::vector<int> &scores, int score);

//! Rounds half away from zero to one decimal place, robust to the binary
//! representation (48.75 → 48.8).
double RoundToTenth(double value);

} // namespace mamori
