// mamori/core/benchmark/position.cpp
#include "core/benchmark/position.hpp"

#include <cmath>
#include <cstdlib>

namespace mamori {
namespace {

//! numerator / denominator (denominator > 0) rounded half away from zero to
//! a tenth, in whole numbers, so that exact halves (the mean and percentile
//! are fractions) round the same way on every machine.
double TenthOfFraction(long long numerator, long long denominator) {
	const long long magnitude = std::llabs(numerator);
	// floor(|x| × 10 + ½) = floor((20|n| + d) / 2d)
	const long long tenths = (20 * magnitude + denominator) / (2 * denominator);
	return static_cast<double>(numerator < 0 ? -tenths : tenths) / 10.0;
}

} // namespace

const EmployeeBand *BenchmarkRules::BandOf(int employees) const {
	for (const auto &band : size_bands) {
		if (employees >= band.min && (!band.max || employees <= *band.max)) {
			return &band;
		}
	}
	return nullptr;
}

double RoundToTenth(double value) {
	// A nudge far below a tenth keeps 48.75 (stored as 48.74999…) rounding up.
	const double nudge = value >= 0 ? 1e-9 : -1e-9;
	return std::round(value * 10.0 + nudge) / 10.0;
}

GroupPosition PositionInGroup(const std::vector<int> &scores, int score) {
	GroupPosition position;
	position.n = static_cast<int>(scores.size());
	long long sum = 0;
	long long below = 0;
	long long equal = 0;
	for (int each : scores) {
		sum += each;
		below += each < score ? 1 : 0;
		equal += each == score ? 1 : 0;
	}
	const long long n = position.n;
	double variance = 0;
	const double mean = static_cast<double>(sum) / static_cast<double>(n);
	for (int each : scores) {
		variance += (each - mean) * (each - mean);
	}
	const double sd = std::sqrt(variance / static_cast<double>(n));
	position.mean = TenthOfFraction(sum, n);
	position.sd = RoundToTenth(sd);
	// 100 × (below + ½ × equal) / n = (200 × below + 100 × equal) / (2n)
	position.percentile = TenthOfFraction(200 * below + 100 * equal, 2 * n);
	position.deviation = sd == 0 ? 50.0 : RoundToTenth(50.0 + 10.0 * (score - mean) / sd);
	return position;
}

BenchmarkPosition PositionOf(const BenchmarkRules &rules, const std::vector<BenchmarkFirm> &firms, size_t target,
                             int min_group) {
	const BenchmarkFirm &me = firms.at(target);
	const EmployeeBand *my_band = rules.BandOf(me.employees);
	std::vector<int> all;
	std::vector<int> same_industry;
	std::vector<int> same_size;
	for (const auto &firm : firms) {
		all.push_back(firm.score);
		if (firm.industry == me.industry) {
			same_industry.push_back(firm.score);
		}
		if (my_band != nullptr && rules.BandOf(firm.employees) == my_band) {
			same_size.push_back(firm.score);
		}
	}
	auto shown = [&](const std::vector<int> &scores) -> std::optional<GroupPosition> {
		if (static_cast<int>(scores.size()) < min_group || scores.empty()) {
			return std::nullopt;
		}
		return PositionInGroup(scores, me.score);
	};
	return BenchmarkPosition{shown(all), shown(same_industry), shown(same_size)};
}

} // namespace mamori
