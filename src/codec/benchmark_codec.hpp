// mamori/codec/benchmark_codec.hpp
//
// JSON shape of `benchmark position` (contract.md, "CLI: benchmark"):
//   {"target": "f3", "min_group": 5, "firms": [{"id", "score", "industry", "employees"}, ...]}
// out: {"overall": {...} | null, "industry": {...} | null, "size": {...} | null}.
#pragma once

#include "codec/json_input.hpp"
#include "core/benchmark/position.hpp"
#include "core/catalog/edition.hpp"

#include <vector>

namespace mamori::codec {

//! Firms enough for an operator's whole programme (issue 12 measures 100,000).
inline constexpr size_t kMaxBenchmarkFirms = 1'000'000;

struct BenchmarkRequest {
	std::vector<BenchmarkFirm> firms;
	size_t target = 0;  // index into firms
	int min_group = 5;
};

//! Errors name the field ("firms.3.score", "target"): an unknown target, a
//! duplicate id, a score outside −25..100, an industry `sme classify` does not know.
Result<BenchmarkRequest> DecodeBenchmarkRequest(const Json &document, const SmeCriteria &industries,
                                                const BenchmarkRules &rules);
Json EncodeBenchmarkPosition(const BenchmarkPosition &position);

} // namespace mamori::codec
