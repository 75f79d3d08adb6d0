// mamori/core/benchmark/population.cpp
#include "core/benchmark/population.hpp"

#include "core/selfcheck/answer_code.hpp"
#include "core/selfcheck/scoring.hpp"

#include <algorithm>
#include <map>

namespace mamori {
namespace {

// Score ranges of the histograms: everything below 0, then tens, the last holding 100.
constexpr int kBinCount = 11;
int BinOf(int score) {
	if (score < 0) {
		return 0;
	}
	return std::min(kBinCount - 1, 1 + score / 10);
}
std::vector<std::string> BinLabels() {
	std::vector<std::string> labels = {"-25\u2013-1"};
	for (int low = 0; low < 90; low += 10) {
		labels.push_back(std::to_string(low) + "\u2013" + std::to_string(low + 9));
	}
	labels.push_back("90\u2013100");
	return labels;
}

//! Sums as they grow, one per group: the figures a Distribution needs without keeping every value.
struct Tally {
	long long n = 0;
	double sum = 0;
	std::vector<int> counts;
};

//! A group's figures, or withheld (no count either) below the minimum.
Distribution Summarize(std::string key, Tally tally, int min_group) {
	Distribution out;
	out.key = std::move(key);
	if (tally.n < min_group) {
		return out;
	}
	out.shown = true;
	out.n = static_cast<int>(tally.n);
	out.mean = RoundToTenth(tally.sum / static_cast<double>(tally.n));
	out.counts = std::move(tally.counts);
	return out;
}

void AddScore(Tally &tally, int score) {
	if (tally.counts.empty()) {
		tally.counts.assign(kBinCount, 0);
	}
	++tally.n;
	tally.sum += score;
	++tally.counts[BinOf(score)];
}

//! What the statistics need of one edition, worked out once per edition rather than per firm:
//! the groups each item counts in, the points per answer, and each group's place among all groups.
struct EditionTable {
	const Edition *edition = nullptr;
	int item_count = 0;
	std::vector<std::vector<size_t>> groups_of_item;  // by item index (item − 1)
	int points[4] = {0, 0, 0, 0};                     // by Answer
	std::vector<size_t> tally_of_group;               // the edition's group → the output's group
	std::vector<int> group_max;
};

EditionTable TableOf(const Edition &edition, std::vector<std::string> &group_order) {
	const SelfcheckRules &rules = edition.selfcheck_rules;
	EditionTable table;
	table.edition = &edition;
	table.item_count = edition.ItemCount();
	table.groups_of_item.resize(static_cast<size_t>(std::max(0, table.item_count)));
	for (Answer answer : {Answer::kImplemented, Answer::kPartial, Answer::kNotImplemented, Answer::kUnknown}) {
		table.points[static_cast<int>(answer)] = PointsFor(rules, answer);
	}
	for (size_t g = 0; g < rules.groups.size(); ++g) {
		const auto &group = rules.groups[g];
		for (int item = std::max(1, group.first_item); item <= std::min(table.item_count, group.last_item); ++item) {
			table.groups_of_item[static_cast<size_t>(item) - 1].push_back(g);
		}
		auto known = std::find(group_order.begin(), group_order.end(), group.id);
		table.tally_of_group.push_back(static_cast<size_t>(known - group_order.begin()));
		if (known == group_order.end()) {
			group_order.push_back(group.id);
		}
		table.group_max.push_back((group.last_item - group.first_item + 1) * rules.implemented_points);
	}
	return table;
}

//! Adds the points of item index `i` answered `answer` to the groups it counts in.
void AddPoints(const EditionTable &table, size_t i, Answer answer, std::vector<int> &points) {
	if (i < table.groups_of_item.size()) {
		for (size_t g : table.groups_of_item[i]) {
			points[g] += table.points[static_cast<int>(answer)];
		}
	}
}

//! One pass over the firms for every distribution.
class PopulationTally {
public:
	PopulationTally(const BenchmarkRules &rules, int item_count)
	    : rules_(rules), by_band_(rules.size_bands.size()), items_(static_cast<size_t>(std::max(0, item_count)), Tally{0, 0, std::vector<int>(4, 0)}) {}

	void Add(const PopulationFirm &firm) {
		AddScore(overall_, firm.score);
		AddScore(by_industry_[firm.industry], firm.score);
		const EmployeeBand *band = rules_.BandOf(firm.employees);
		AddScore(band != nullptr ? by_band_[static_cast<size_t>(band - rules_.size_bands.data())] : no_band_, firm.score);
		AddAnswers(firm);
	}

	InstallationBenchmark Result(int firms) {
		InstallationBenchmark out;
		out.firms = firms;
		out.min_group = rules_.default_min_group;
		out.score_bins = BinLabels();
		out.overall = Summarize("overall", std::move(overall_), out.min_group);
		for (auto &[key, tally] : by_industry_) {
			out.by_industry.push_back(Summarize(key, std::move(tally), out.min_group));
		}
		std::map<std::string, Tally> by_size;  // by band id, as the page lists them
		for (size_t b = 0; b < by_band_.size(); ++b) {
			if (by_band_[b].n > 0) {
				by_size[rules_.size_bands[b].id] = std::move(by_band_[b]);
			}
		}
		if (no_band_.n > 0) {
			by_size[""] = std::move(no_band_);
		}
		for (auto &[key, tally] : by_size) {
			out.by_size.push_back(Summarize(key, std::move(tally), out.min_group));
		}
		for (size_t g = 0; g < group_order_.size(); ++g) {
			out.by_group.push_back(Summarize(group_order_[g], std::move(groups_[g]), out.min_group));
		}
		for (size_t i = 0; i < items_.size(); ++i) {
			// The mean of an item is the share of firms that implement it, in per cent, rounded once
			// (issue 12's first version rounded the share to a tenth before the per cent: 83.3 read 80).
			const double share = items_[i].n > 0 ? 100.0 * items_[i].sum / static_cast<double>(items_[i].n) : 0.0;
			Distribution item = Summarize(std::to_string(i + 1), std::move(items_[i]), out.min_group);
			item.mean = item.shown ? RoundToTenth(share) : 0.0;
			out.by_item.push_back(std::move(item));
		}
		return out;
	}

private:
	const EditionTable &TableFor(const Edition &edition) {
		for (const auto &table : tables_) {
			if (table.edition == &edition) {
				return table;
			}
		}
		tables_.push_back(TableOf(edition, group_order_));
		groups_.resize(group_order_.size(), Tally{0, 0, std::vector<int>(5, 0)});
		return tables_.back();
	}

	void AddAnswers(const PopulationFirm &firm) {
		const EditionTable *table = firm.edition != nullptr ? &TableFor(*firm.edition) : nullptr;
		if (table != nullptr) {
			points_.assign(table->tally_of_group.size(), 0);
		}
		const size_t letters = firm.answers.size();
		for (size_t i = 0; i < letters; ++i) {
			const std::optional<Answer> answer = AnswerOfCodeLetter(firm.answers[i]);
			if (!answer) {
				continue;
			}
			if (i < items_.size()) {
				Tally &item = items_[i];
				++item.n;
				item.sum += *answer == Answer::kImplemented ? 1.0 : 0.0;
				++item.counts[static_cast<int>(*answer)];
			}
			if (table != nullptr) {
				AddPoints(*table, i, *answer, points_);
			}
		}
		if (table == nullptr) {
			return;
		}
		// Per 自社診断 group: the mean of its points, and the firms per fifth of its maximum.
		for (size_t g = 0; g < points_.size(); ++g) {
			Tally &tally = groups_[table->tally_of_group[g]];
			const int max = table->group_max[g];
			++tally.n;
			tally.sum += points_[g];
			const double rate = max > 0 ? std::clamp(static_cast<double>(points_[g]) / max, 0.0, 1.0) : 0.0;
			++tally.counts[std::min(4, static_cast<int>(rate * 5))];
		}
	}

	const BenchmarkRules &rules_;
	Tally overall_;
	std::map<std::string, Tally, std::less<>> by_industry_;
	std::vector<Tally> by_band_;  // by the rules' band
	Tally no_band_;
	std::vector<Tally> items_;
	std::vector<std::string> group_order_;  // group ids in the order they first appear
	std::vector<Tally> groups_;             // by group_order_
	std::vector<EditionTable> tables_;      // one per edition met (a handful at most)
	std::vector<int> points_;               // the current firm's points per group of its edition
};

} // namespace

std::vector<int> GroupPointsOf(const Edition &edition, const std::string &answers) {
	std::vector<std::string> order;
	const EditionTable table = TableOf(edition, order);
	std::vector<int> points(table.tally_of_group.size(), 0);
	for (size_t i = 0; i < answers.size(); ++i) {
		if (const std::optional<Answer> answer = AnswerOfCodeLetter(answers[i])) {
			AddPoints(table, i, *answer, points);
		}
	}
	return points;
}

InstallationBenchmark BenchmarkOfPopulation(const BenchmarkRules &rules, const std::vector<PopulationFirm> &firms,
                                            int item_count) {
	PopulationTally tally(rules, item_count);
	for (const auto &firm : firms) {
		tally.Add(firm);
	}
	return tally.Result(static_cast<int>(firms.size()));
}

} // namespace mamori
