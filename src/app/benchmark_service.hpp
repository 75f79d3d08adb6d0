// mamori/app/benchmark_service.hpp
//
// The anonymous benchmark in the web app (issue 12, methodology.md §7): a
// firm's position (percentile, 偏差値) overall, in its 業種 and in its band
// of employees among the firms of this installation, and, for the
// installation administrator (the program operator), the distributions per
// 自社診断 item and group. Each firm counts with its latest complete
// 自社診断 and the industry and employees of its profile. The computation is
// core/benchmark/position (the same as `mamori benchmark position`).
//
// Privacy: only aggregates leave this file, never a firm's name or score
// other than the caller's own; a group of fewer than min_group firms
// (content/benchmark.yaml) comes back withheld, without its figures.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
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

//! Counts per score range, or withheld.
struct Distribution {
	std::string key;   // "overall", an industry id, a band id, an item number, a group name
	int n = 0;         // firms in the group (0 when withheld: not even the count is shown)
	bool shown = false;
	double mean = 0;   // one decimal
	std::vector<int> counts;  // per bin (score ranges) or per answer (item distributions)
};

struct InstallationBenchmark {
	int firms = 0;  // firms with a complete 自社診断
	int min_group = 5;
	std::vector<std::string> score_bins;  // labels of the score ranges ("-25–-1", "0–9", …, "90–100")
	Distribution overall;
	std::vector<Distribution> by_industry;
	std::vector<Distribution> by_size;
	std::vector<Distribution> by_group;  // 自社診断 groups: mean points and counts per rate range
	std::vector<Distribution> by_item;   // counts per answer: implemented / partial / not / unknown
};
//! The installation administrator only (kNotFound for anyone else).
Result<InstallationBenchmark> BenchmarkOfInstallation(AppContext &ctx, const Actor &actor);

} // namespace mamori::app
