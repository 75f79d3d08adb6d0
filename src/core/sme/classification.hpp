// mamori/core/sme/classification.hpp
//
// 中小企業 and 小規模企業者 under 中小企業基本法 第2条 (methodology §3).
#pragma once

#include "core/catalog/edition.hpp"
#include "core/common/result.hpp"

#include <string>

namespace mamori {

struct CompanyProfile {
	std::string industry;  // manufacturing / wholesale / retail / services / other
	long long capital_yen = 0;
	int employees = 0;
};

struct SmeClassification {
	bool is_sme = false;
	bool capital_within_limit = false;    // capital ≤ the industry's limit
	bool employees_within_limit = false;  // regular employees ≤ the industry's limit
	bool is_small_business = false;       // 小規模企業者
	const SmeIndustryLimit *limit = nullptr;
};

//! SME when capital OR employees are within the industry's (inclusive) limit.
//! Fails with kInvalidInput for an unknown industry or negative numbers.
Result<SmeClassification> ClassifySme(const SmeCriteria &criteria, const CompanyProfile &profile);

} // namespace mamori
