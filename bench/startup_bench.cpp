// mamori/bench/startup_bench.cpp
//
// What a `mamori serve` start spends its time on before it answers: reading
// and checking the guideline content (catalogs in both languages, the
// messages, the retention schedule). Issue 11 keeps a cold start at 100 ms or
// less; docs/performance.md has the figures.
#include "platform/files.hpp"
#include "platform/message_files.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

namespace {

const std::string &ContentDir() {
	static const std::string dir = std::string(MAMORI_SOURCE_DIR) + "/content";
	return dir;
}

void BM_StartReadContentFiles(benchmark::State &state) {
	for (auto _ : state) {
		auto files = mamori::platform::ReadContentFiles(ContentDir());
		if (!files) {
			state.SkipWithError("content/ could not be read");
			return;
		}
		benchmark::DoNotOptimize(files);
	}
}
BENCHMARK(BM_StartReadContentFiles)->Unit(benchmark::kMillisecond);

void BM_StartParseCatalogs(benchmark::State &state) {
	auto files = mamori::platform::ReadContentFiles(ContentDir());
	if (!files) {
		state.SkipWithError("content/ could not be read");
		return;
	}
	for (auto _ : state) {
		auto catalogs = mamori::ParseCatalogs(files.value());
		if (!catalogs) {
			state.SkipWithError("the catalogs did not load");
			return;
		}
		benchmark::DoNotOptimize(catalogs);
	}
}
BENCHMARK(BM_StartParseCatalogs)->Unit(benchmark::kMillisecond);

void BM_StartLoadMessages(benchmark::State &state) {
	for (auto _ : state) {
		auto messages = mamori::platform::LoadMessages(ContentDir());
		if (!messages) {
			state.SkipWithError("the messages did not load");
			return;
		}
		benchmark::DoNotOptimize(messages);
	}
}
BENCHMARK(BM_StartLoadMessages)->Unit(benchmark::kMillisecond);

} // namespace

namespace {

void BM_StartParseOneCatalog(benchmark::State &state) {
	auto files = mamori::platform::ReadContentFiles(ContentDir());
	if (!files) {
		state.SkipWithError("content/ could not be read");
		return;
	}
	const auto locale = state.range(0) == 0 ? mamori::Locale::kJa : mamori::Locale::kEn;
	for (auto _ : state) {
		auto catalog = mamori::ParseCatalog(files.value(), locale);
		if (!catalog) {
			state.SkipWithError("the catalog did not load");
			return;
		}
		benchmark::DoNotOptimize(catalog);
	}
}
BENCHMARK(BM_StartParseOneCatalog)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace
