// mamori/app/benchmark_service.hpp
//
// The anonymous benchmark in the web app (issue 12, methodology.md §7): a
// firm's position (percentile, 偏差値) overall, in its 業種 and in its band
// of employees among the firms of this installation, and, for the
// installation administrator (the program operator), the distributions per
// 自社診断 item and group. Each firm counts with its latest complete
// 自社診断 and the industry and employees of its profile. The computation is
// core/benchmark/position (the same as `mamori benchmark position`) and
// core/benchmark/population, over one row per firm that storage reads in one
// query (the round's score kept when its answers changed, app/round_scores).
//
// Privacy: only aggregates leave this file, never a firm's name or score
// other than the caller's own; a group of fewer than min_group firms
// (content/benchmark.yaml) comes back withheld, without its figures.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/benchmark/population.hpp"
#include "core/benchmark/position.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

struct FirmBenchmark {
	std::optional<int> score;  // none while the firm has no complete 自社診断
	std::string industry;
	std::string band;  // the employee band's id ("6-20")
	int min_group = 5;
	BenchmarkPosition position;  // empty groups while score is none
};
Result<FirmBenchmark> BenchmarkOfFirm(AppContext &ctx, const OrgAccess &access);

// The operator's aggregates are core/benchmark/population's.
using ::mamori::Distribution;
using ::mamori::InstallationBenchmark;

//! The installation administrator only (kNotFound for anyone else).
Result<InstallationBenchmark> BenchmarkOfInstallation(AppContext &ctx, const Actor &actor);

} // namespace mamori::app
