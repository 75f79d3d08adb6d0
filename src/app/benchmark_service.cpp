// mamori/app/benchmark_service.cpp
#include "app/benchmark_service.hpp"

#include "app/selfcheck_service.hpp"

#include <algorithm>
#include <map>

namespace mamori::app {
namespace {

//! One firm of the population: its profile and its latest complete 自社診断.
struct Sample {
	storage::Organization org;
	RoundSummary summary;
};

//! The latest complete 自社診断 of an organisation, read as the installation
//! (no member's view is involved: nothing of it leaves except aggregates).
Result<std::optional<RoundSummary>> LatestComplete(AppContext &ctx, const storage::Organization &org) {
	const OrgAccess access{org, storage::Membership{org.id, 0, storage::Role::kViewer, std::nullopt, "", "", ""}};
	const auto trend = MAMORI_TRY(ScoreTrend(ctx, access));
	for (auto entry = trend.rbegin(); entry != trend.rend(); ++entry) {
		if (entry->score.Complete()) {
			return SummarizeRound(ctx, access, entry->round.id);
		}
	}
	return std::optional<RoundSummary>();
}

Result<std::vector<Sample>> Population(AppContext &ctx) {
	std::vector<Sample> samples;
	for (const auto &org : MAMORI_TRY(ctx.store.ListOrganizationsInUse())) {
		auto summary = MAMORI_TRY(LatestComplete(ctx, org));
		if (summary) {
			samples.push_back(Sample{org, std::move(*summary)});
		}
	}
	return samples;
}

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

//! A group's figures, or withheld (no count either) below the minimum.
Distribution Summarize(std::string key, const std::vector<double> &values, std::vector<int> counts, int min_group) {
	Distribution out;
	out.key = std::move(key);
	if (static_cast<int>(values.size()) < min_group) {
		return out;
	}
	out.shown = true;
	out.n = static_cast<int>(values.size());
	double sum = 0;
	for (double value : values) {
		sum += value;
	}
	out.mean = RoundToTenth(sum / static_cast<double>(values.size()));
	out.counts = std::move(counts);
	return out;
}

Distribution ScoreDistribution(std::string key, const std::vector<const Sample *> &group, int min_group) {
	std::vector<double> values;
	std::vector<int> counts(kBinCount, 0);
	for (const Sample *sample : group) {
		values.push_back(sample->summary.score.total);
		++counts[BinOf(sample->summary.score.total)];
	}
	return Summarize(std::move(key), values, std::move(counts), min_group);
}

template <typename KeyOf>
std::vector<Distribution> ScoreDistributionsBy(const std::vector<Sample> &samples, int min_group, KeyOf key_of) {
	std::map<std::string, std::vector<const Sample *>> groups;
	for (const auto &sample : samples) {
		groups[key_of(sample)].push_back(&sample);
	}
	std::vector<Distribution> out;
	for (const auto &[key, group] : groups) {
		out.push_back(ScoreDistribution(key, group, min_group));
	}
	return out;
}

std::vector<Distribution> GroupDistributions(const std::vector<Sample> &samples, int min_group) {
	// Per 自社診断 group: the mean of its points, and the firms per fifth of its maximum.
	std::map<std::string, std::pair<std::vector<double>, std::vector<int>>> groups;
	std::vector<std::string> order;
	for (const auto &sample : samples) {
		for (const auto &group : sample.summary.score.groups) {
			auto &[values, counts] = groups[group.id];
			if (counts.empty()) {
				counts.assign(5, 0);
				order.push_back(group.id);
			}
			values.push_back(group.score);
			const double rate = group.max > 0 ? std::clamp(static_cast<double>(group.score) / group.max, 0.0, 1.0) : 0.0;
			++counts[std::min(4, static_cast<int>(rate * 5))];
		}
	}
	std::vector<Distribution> out;
	for (const auto &id : order) {
		out.push_back(Summarize(id, groups[id].first, groups[id].second, min_group));
	}
	return out;
}

std::vector<Distribution> ItemDistributions(const std::vector<Sample> &samples, int item_count, int min_group) {
	std::vector<Distribution> out;
	for (int number = 1; number <= item_count; ++number) {
		std::vector<double> values;
		std::vector<int> counts(4, 0);  // implemented / partial / not implemented / unknown
		for (const auto &sample : samples) {
			auto answer = sample.summary.combined.find(number);
			if (answer == sample.summary.combined.end()) {
				continue;
			}
			values.push_back(answer->second == Answer::kImplemented ? 1.0 : 0.0);
			++counts[static_cast<int>(answer->second)];
		}
		Distribution item = Summarize(std::to_string(number), values, std::move(counts), min_group);
		// The mean of an item is the share of firms that implement it, in per cent.
		item.mean = RoundToTenth(item.mean * 100.0);
		out.push_back(std::move(item));
	}
	return out;
}

} // namespace

Result<FirmBenchmark> BenchmarkOfFirm(AppContext &ctx, const OrgAccess &access) {
	const BenchmarkRules &rules = ctx.catalog.benchmark;
	FirmBenchmark result;
	result.min_group = rules.default_min_group;
	result.industry = access.org.industry;
	const EmployeeBand *band = rules.BandOf(access.org.employees);
	result.band = band != nullptr ? band->id : "";
	const std::vector<Sample> samples = MAMORI_TRY(Population(ctx));
	std::vector<BenchmarkFirm> firms;
	std::optional<size_t> target;
	for (const auto &sample : samples) {
		if (sample.org.id == access.org.id) {
			target = firms.size();
		}
		firms.push_back(BenchmarkFirm{std::to_string(sample.org.id), sample.summary.score.total, sample.org.industry,
		                              sample.org.employees});
	}
	if (!target) {
		return result;
	}
	result.score = firms[*target].score;
	result.position = PositionOf(rules, firms, *target, rules.default_min_group);
	return result;
}

Result<InstallationBenchmark> BenchmarkOfInstallation(AppContext &ctx, const Actor &actor) {
	if (!actor.is_admin) {
		return Error::Make(ErrorCode::kNotFound, "errors.not_found");
	}
	const BenchmarkRules &rules = ctx.catalog.benchmark;
	const std::vector<Sample> samples = MAMORI_TRY(Population(ctx));
	InstallationBenchmark out;
	out.firms = static_cast<int>(samples.size());
	out.min_group = rules.default_min_group;
	out.score_bins = BinLabels();
	std::vector<const Sample *> all;
	for (const auto &sample : samples) {
		all.push_back(&sample);
	}
	out.overall = ScoreDistribution("overall", all, out.min_group);
	out.by_industry = ScoreDistributionsBy(samples, out.min_group, [](const Sample &s) { return s.org.industry; });
	out.by_size = ScoreDistributionsBy(samples, out.min_group, [&](const Sample &s) {
		const EmployeeBand *band = rules.BandOf(s.org.employees);
		return band != nullptr ? band->id : std::string();
	});
	out.by_group = GroupDistributions(samples, out.min_group);
	out.by_item = ItemDistributions(samples, ctx.catalog.DefaultEdition().ItemCount(), out.min_group);
	return out;
}

} // namespace mamori::app
