// mamori/bench/benchmark_bench.cpp
//
// Google Benchmark for the anonymous benchmark over many firms (issue 12, goal: 100,000 firms in
// ≤ 50 ms in process). The app reads one row per firm (its latest complete round's kept total
// and combined answers, storage ListLatestCompleteScores) and computes here; these measure that
// computation over synthetic firms, from the rows as storage returns them:
//   BM_BenchmarkPosition: a firm's percentile and 偏差値 overall, in its 業種 and its size band
//     (app BenchmarkOfFirm: the rows made into BenchmarkFirm, then core PositionOf);
//   BM_BenchmarkInstallation: the operator's distributions per score range, 業種, size band,
//     自社診断 group and item (app BenchmarkOfInstallation: core BenchmarkOfPopulation).
// Run with `make bench`; figures go to docs/performance.md.
#include "core/benchmark/population.hpp"
#include "core/benchmark/position.hpp"
#include "core/selfcheck/answer_code.hpp"
#include "core/selfcheck/scoring.hpp"
#include "bench_content.hpp"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace {

using mamori::bench::Content;

//! One row as storage returns it (storage::BenchmarkScore, without the storage library).
struct Row {
	int64_t org_id = 0;
	std::string industry;
	int employees = 0;
	int total = 0;
	std::string answers;
};

//! `count` firms with answers drawn from a fixed sequence (the same every run), spread over the
//! industries and sizes that exist.
const std::vector<Row> &Rows(int count) {
	static std::map<int, std::vector<Row>> made;
	auto &rows = made[count];
	if (!rows.empty()) {
		return rows;
	}
	const mamori::Edition &edition = Content().DefaultEdition();
	const char *industries[] = {"manufacturing", "wholesale", "retail", "services", "other"};
	uint64_t state = 12345;
	auto next = [&] {
		state = state * 6364136223846793005ULL + 1442695040888963407ULL;
		return static_cast<int>(state >> 33);
	};
	for (int i = 0; i < count; ++i) {
		mamori::AnswerSheet sheet;
		for (int item = 1; item <= edition.ItemCount(); ++item) {
			sheet[item] = static_cast<mamori::Answer>(next() % 4);
		}
		const auto score = mamori::ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(), sheet);
		rows.push_back(Row{i + 1, industries[next() % 5], next() % 400, score.total, mamori::EncodeAnswerCode(sheet)});
	}
	return rows;
}

void BM_BenchmarkPosition(benchmark::State &state) {
	const auto &rules = Content().benchmark;
	const auto &rows = Rows(static_cast<int>(state.range(0)));
	const int64_t target_id = static_cast<int64_t>(rows.size() / 2);
	for (auto _ : state) {
		std::vector<mamori::BenchmarkFirm> firms;
		firms.reserve(rows.size());
		size_t target = 0;
		for (const auto &row : rows) {
			if (row.org_id == target_id) {
				target = firms.size();
			}
			firms.push_back(mamori::BenchmarkFirm{std::to_string(row.org_id), row.total, row.industry, row.employees});
		}
		auto position = mamori::PositionOf(rules, firms, target, rules.default_min_group);
		benchmark::DoNotOptimize(position);
	}
	state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BenchmarkPosition)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_BenchmarkInstallation(benchmark::State &state) {
	const mamori::Catalog &catalog = Content();
	const auto &rows = Rows(static_cast<int>(state.range(0)));
	// The app moves the rows' strings into these (app BenchmarkOfInstallation): made once here.
	std::vector<mamori::PopulationFirm> firms;
	firms.reserve(rows.size());
	for (const auto &row : rows) {
		firms.push_back(
		    mamori::PopulationFirm{row.total, row.industry, row.employees, row.answers, &catalog.DefaultEdition()});
	}
	for (auto _ : state) {
		auto statistics = mamori::BenchmarkOfPopulation(catalog.benchmark, firms, catalog.DefaultEdition().ItemCount());
		benchmark::DoNotOptimize(statistics);
	}
	state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BenchmarkInstallation)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

} // namespace
