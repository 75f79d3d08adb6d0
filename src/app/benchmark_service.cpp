// mamori/app/benchmark_service.cpp
#include "app/benchmark_service.hpp"

#include <memory>
#include <mutex>

namespace mamori::app {
namespace {

using PopulationRows = std::shared_ptr<const std::vector<storage::BenchmarkScore>>;

//! The population as last read, with the installation's revision (the audit chain's head) it
//! was read at and the store it came from.
struct KeptPopulation {
	std::mutex mutex;
	const void *store = nullptr;
	std::string revision;
	PopulationRows rows;
};

//! Every firm of the population (an organisation in use with a complete 自社診断): its latest
//! complete round's kept score and its profile, in one query; nothing is rescored per request.
//! Reading 100,000 rows is most of an owner's screen in a large installation (~64 ms of CPU on
//! SQLite), so the rows are kept until anything in the installation changes. The lock is held
//! while reading, so requests that arrive meanwhile wait for that one read instead of each
//! reading (and holding) the rows of their own.
Result<PopulationRows> Population(AppContext &ctx) {
	static KeptPopulation kept;
	const std::string revision = MAMORI_TRY(ctx.store.AuditHead());
	std::lock_guard lock(kept.mutex);
	if (kept.rows && kept.store == &ctx.store && kept.revision == revision) {
		return kept.rows;
	}
	auto rows = std::make_shared<const std::vector<storage::BenchmarkScore>>(MAMORI_TRY(ctx.store.ListLatestCompleteScores()));
	kept.store = &ctx.store;
	kept.revision = revision;
	kept.rows = rows;
	return PopulationRows(std::move(rows));
}

const Edition &EditionNamed(const Catalog &catalog, const std::string &id) {
	const Edition *edition = catalog.FindEdition(id);
	return edition != nullptr ? *edition : catalog.DefaultEdition();
}

} // namespace

Result<FirmBenchmark> BenchmarkOfFirm(AppContext &ctx, const OrgAccess &access) {
	const BenchmarkRules &rules = ctx.catalog.benchmark;
	FirmBenchmark result;
	result.min_group = rules.default_min_group;
	result.industry = access.org.industry;
	const EmployeeBand *band = rules.BandOf(access.org.employees);
	result.band = band != nullptr ? band->id : "";
	const PopulationRows population_rows = MAMORI_TRY(Population(ctx));
	const std::vector<storage::BenchmarkScore> &population = *population_rows;
	std::vector<BenchmarkFirm> firms;
	firms.reserve(population.size());
	std::optional<size_t> target;
	for (const auto &firm : population) {
		if (firm.org_id == access.org.id) {
			target = firms.size();
		}
		firms.push_back(BenchmarkFirm{std::to_string(firm.org_id), firm.total, firm.industry, firm.employees});
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
	const PopulationRows population = MAMORI_TRY(Population(ctx));
	std::vector<PopulationFirm> firms;
	firms.reserve(population->size());
	for (const auto &firm : *population) {
		firms.push_back(PopulationFirm{firm.total, firm.industry, firm.employees, firm.answers,
		                               &EditionNamed(ctx.catalog, firm.edition)});
	}
	return BenchmarkOfPopulation(ctx.catalog.benchmark, firms, ctx.catalog.DefaultEdition().ItemCount());
}

} // namespace mamori::app
