// mamori/bench/scoring_bench.cpp
//
// Google Benchmark for the self-diagnosis scoring and aggregation.
// Run with `make bench`; figures go to docs/performance.md.
#include "core/selfcheck/aggregation.hpp"
#include "core/selfcheck/scoring.hpp"
#include "bench_content.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>

namespace {

using mamori::bench::Content;

mamori::AnswerSheet MakeSheet(int seed) {
	mamori::AnswerSheet sheet;
	for (int item = 1; item <= 25; ++item) {
		sheet[item] = static_cast<mamori::Answer>((item * 7 + seed * 3) % 4);
	}
	return sheet;
}

void BM_ScoreSelfcheck(benchmark::State &state) {
	const auto &edition = Content().DefaultEdition();
	const auto sheet = MakeSheet(1);
	for (auto _ : state) {
		auto score = mamori::ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(), sheet);
		benchmark::DoNotOptimize(score);
	}
}
BENCHMARK(BM_ScoreSelfcheck);

void BM_AggregateRespondents(benchmark::State &state) {
	std::vector<mamori::RespondentAnswers> respondents;
	for (int idx = 0; idx < state.range(0); ++idx) {
		respondents.push_back({"dept" + std::to_string(idx), MakeSheet(idx)});
	}
	const auto &edition = Content().DefaultEdition();
	for (auto _ : state) {
		auto combined = mamori::AggregateAnswers(respondents);
		auto score = mamori::ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(), combined);
		benchmark::DoNotOptimize(score);
	}
	state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_AggregateRespondents)->Arg(1)->Arg(10)->Arg(100)->Arg(1000);

} // namespace

// BENCHMARK_MAIN lives in bench/main.cpp: one binary holds every suite.
