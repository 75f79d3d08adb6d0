// mamori/bench/analysis_bench.cpp
//
// Google Benchmark for the 詳細リスク分析 over large registers (issue 3:
// evaluating a register of 10,000 assets).
#include "core/risk/analysis.hpp"
#include "platform/files.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>

namespace {

const mamori::Edition &RealEdition() {
	static const mamori::Catalog catalog = [] {
		auto loaded = mamori::platform::LoadCatalog(std::string(MAMORI_SOURCE_DIR) + "/content");
		if (!loaded) {
			std::abort();
		}
		return loaded.value();
	}();
	return catalog.DefaultEdition();
}

mamori::AnalysisInput MakeInput(const mamori::Edition &edition, int asset_count) {
	mamori::AnalysisInput input;
	const auto &media = edition.risk_catalog.media;
	for (int idx = 0; idx < asset_count; ++idx) {
		mamori::RegisterAsset asset;
		asset.key = std::to_string(idx + 1);
		asset.name = "資産" + std::to_string(idx + 1);
		asset.medium = media[static_cast<size_t>(idx) % media.size()].id;
		asset.rating = {idx % 3, (idx / 3) % 3, (idx / 9) % 3, idx % 7 == 0, false, idx % 31 == 0, idx % 11 == 0};
		input.assets.push_back(asset);
	}
	int item_idx = 0;
	for (const auto &item : edition.risk_catalog.check_items) {
		input.answers[item.id] = static_cast<mamori::CheckAnswer>(1 + item_idx++ % 4);
	}
	return input;
}

void BM_AnalyzeRegister(benchmark::State &state) {
	const auto &edition = RealEdition();
	const auto input = MakeInput(edition, static_cast<int>(state.range(0)));
	for (auto _ : state) {
		auto result = mamori::AnalyzeRegister(edition, input);
		benchmark::DoNotOptimize(result);
	}
	state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_AnalyzeRegister)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_WhatIf(benchmark::State &state) {
	const auto &edition = RealEdition();
	const auto input = MakeInput(edition, static_cast<int>(state.range(0)));
	auto planned = input;
	for (auto &[item, answer] : planned.answers) {
		answer = mamori::CheckAnswer::kImplemented;
	}
	for (auto _ : state) {
		auto before = mamori::AnalyzeRegister(edition, input);
		auto after = mamori::AnalyzeRegister(edition, planned);
		auto changes = mamori::CompareWhatIf(before, after);
		benchmark::DoNotOptimize(changes);
	}
}
BENCHMARK(BM_WhatIf)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace
