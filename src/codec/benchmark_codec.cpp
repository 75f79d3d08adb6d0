// mamori/codec/benchmark_codec.cpp
#include "codec/benchmark_codec.hpp"

#include <unordered_map>

namespace mamori::codec {
namespace {

// The 自社診断 total runs from every item わからない (−1 × 25) to every item 実施 (4 × 25).
constexpr long long kMinScore = -25;
constexpr long long kMaxScore = 100;

Result<BenchmarkFirm> DecodeFirm(const Json &value, const std::string &field, const SmeCriteria &industries) {
	MAMORI_TRY(RequireObject(value, field));
	BenchmarkFirm firm;
	const Json *id = MAMORI_TRY(RequireMember(value, "id", field + ".id"));
	firm.id = MAMORI_TRY(RequireString(*id, field + ".id", 200));
	const Json *score = MAMORI_TRY(RequireMember(value, "score", field + ".score"));
	firm.score = static_cast<int>(MAMORI_TRY(RequireInteger(*score, field + ".score", kMinScore, kMaxScore)));
	const Json *industry = MAMORI_TRY(RequireMember(value, "industry", field + ".industry"));
	firm.industry = MAMORI_TRY(RequireString(*industry, field + ".industry", 50));
	if (industries.Find(firm.industry) == nullptr) {
		return Error::Invalid(field + ".industry", "errors.sme.industry_unknown",
		                      {{"industry", firm.industry}, {"industries", industries.IndustryNames()}});
	}
	const Json *employees = MAMORI_TRY(RequireMember(value, "employees", field + ".employees"));
	firm.employees = static_cast<int>(MAMORI_TRY(RequireInteger(*employees, field + ".employees", 0, 10'000'000)));
	return firm;
}

Json GroupJson(const std::optional<GroupPosition> &group) {
	if (!group) {
		return nullptr;
	}
	return {{"n", group->n},
	        {"mean", group->mean},
	        {"sd", group->sd},
	        {"percentile", group->percentile},
	        {"deviation", group->deviation}};
}

} // namespace

Result<BenchmarkRequest> DecodeBenchmarkRequest(const Json &document, const SmeCriteria &industries,
                                                const BenchmarkRules &rules) {
	MAMORI_TRY(RequireObject(document, ""));
	BenchmarkRequest request;
	request.min_group = rules.default_min_group;
	if (document.contains("min_group")) {
		request.min_group = static_cast<int>(MAMORI_TRY(RequireInteger(document["min_group"], "min_group", 1, 1'000'000)));
	}
	const Json *target = MAMORI_TRY(RequireMember(document, "target", "target"));
	const std::string target_id = MAMORI_TRY(RequireString(*target, "target", 200));
	const Json *firms = MAMORI_TRY(RequireMember(document, "firms", "firms"));
	if (!firms->is_array()) {
		return Error::Invalid("firms", "errors.json.array_required");
	}
	if (firms->size() > kMaxBenchmarkFirms) {
		return Error::Invalid("firms", "errors.benchmark.too_many_firms", {{"max", std::to_string(kMaxBenchmarkFirms)}});
	}
	std::unordered_map<std::string, size_t> seen;
	request.firms.reserve(firms->size());
	for (size_t i = 0; i < firms->size(); ++i) {
		const std::string field = "firms." + std::to_string(i);
		BenchmarkFirm firm = MAMORI_TRY(DecodeFirm((*firms)[i], field, industries));
		if (!seen.emplace(firm.id, i).second) {
			return Error::Invalid(field + ".id", "errors.benchmark.firm_id_duplicate", {{"id", firm.id}});
		}
		request.firms.push_back(std::move(firm));
	}
	auto found = seen.find(target_id);
	if (found == seen.end()) {
		return Error::Invalid("target", "errors.benchmark.target_unknown", {{"id", target_id}});
	}
	request.target = found->second;
	return request;
}

Json EncodeBenchmarkPosition(const BenchmarkPosition &position) {
	return {{"overall", GroupJson(position.overall)},
	        {"industry", GroupJson(position.industry)},
	        {"size", GroupJson(position.size)}};
}

} // namespace mamori::codec
