// mamori/core/sme/classification.cpp
#include "core/sme/classification.hpp"

namespace mamori {

Result<SmeClassification> ClassifySme(const SmeCriteria &criteria, const CompanyProfile &profile) {
	const SmeIndustryLimit *limit = criteria.Find(profile.industry);
	if (limit == nullptr) {
		return Error::Invalid("industry", "errors.sme.industry_choose", {{"industries", criteria.IndustryNames()}});
	}
	if (profile.capital_yen < 0) {
		return Error::Invalid("capital_yen", "errors.sme.capital_negative");
	}
	if (profile.employees < 0) {
		return Error::Invalid("employees", "errors.sme.employees_negative");
	}
	SmeClassification result;
	result.limit = limit;
	result.capital_within_limit = profile.capital_yen <= limit->capital_limit_yen;
	result.employees_within_limit = profile.employees <= limit->employee_limit;
	result.is_sme = result.capital_within_limit || result.employees_within_limit;
	// 小規模企業者 is defined by headcount alone, and is a subset of 中小企業.
	result.is_small_business = result.is_sme && profile.employees <= limit->small_business_employee_limit;
	return result;
}

} // namespace mamori
