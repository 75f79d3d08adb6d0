// mamori/app/benchmark_service.cpp
#include "app/benchmark_service.hpp"

namespace mamori::app {
namespace {

//! Every firm of the population (an organisation in use with a complete 自社診断): its latest
//! complete round's kept score and its profile, in one query; nothing is rescored per request.
Result<std::vector<storage::BenchmarkScore>> Population(AppContext &ctx) { return ctx.store.ListLatestCompleteScores(); }

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
	const std::vector<storage::BenchmarkScore> population = MAMORI_TRY(Population(ctx));
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
	std::vector<storage::BenchmarkScore> population = MAMORI_TRY(Population(ctx));
	std::vector<PopulationFirm> firms;
	firms.reserve(population.size());
	for (auto &firm : population) {
		firms.push_back(PopulationFirm{firm.total, std::move(firm.industry), firm.employees, std::move(firm.answers),
		                               &EditionNamed(ctx.catalog, firm.edition)});
	}
	return BenchmarkOfPopulation(ctx.catalog.benchmark, firms, ctx.catalog.DefaultEdition().ItemCount());
}

} // namespace mamori::app
