// mamori/codec/sme_codec.cpp
#include "codec/sme_codec.hpp"

namespace mamori::codec {

Result<CompanyProfile> DecodeCompanyProfile(const Json &document, const SmeCriteria &criteria) {
	if (auto object = RequireObject(document, ""); !object) {
		return object.error();
	}
	CompanyProfile profile;
	auto industry_value = RequireMember(document, "industry", "industry");
	if (!industry_value) {
		return industry_value.error();
	}
	auto industry = RequireString(**industry_value, "industry", 50);
	if (!industry) {
		return industry.error();
	}
	if (criteria.Find(*industry) == nullptr) {
		return Error::Invalid("industry", "errors.sme.industry_unknown",
		                      {{"industry", *industry}, {"industries", criteria.IndustryNames()}});
	}
	profile.industry = *industry;

	auto capital_value = RequireMember(document, "capital_yen", "capital_yen");
	if (!capital_value) {
		return capital_value.error();
	}
	auto capital = RequireInteger(**capital_value, "capital_yen", 0, kMaxCapitalYen);
	if (!capital) {
		return capital.error();
	}
	profile.capital_yen = *capital;

	auto employees_value = RequireMember(document, "employees", "employees");
	if (!employees_value) {
		return employees_value.error();
	}
	auto employees = RequireInteger(**employees_value, "employees", 0, kMaxEmployees);
	if (!employees) {
		return employees.error();
	}
	profile.employees = static_cast<int>(*employees);
	return profile;
}

Json EncodeSmeClassification(const SmeClassification &result) {
	Json out = {
	    {"is_sme", result.is_sme},
	    {"is_small_business", result.is_small_business},
	    {"capital_within_limit", result.capital_within_limit},
	    {"employees_within_limit", result.employees_within_limit},
	};
	if (result.limit != nullptr) {
		out["industry_label"] = result.limit->label;
		out["capital_limit_yen"] = result.limit->capital_limit_yen;
		out["employee_limit"] = result.limit->employee_limit;
		out["small_business_employee_limit"] = result.limit->small_business_employee_limit;
		// Which rule applied: the law's table or a 政令 special case, and where it is written.
		out["basis"] = result.limit->basis == SmeBasis::kSpecialCase ? "special_case" : "general";
		out["source"] = {{"document", result.limit->source.document}, {"location", result.limit->source.location}};
		Json matched = Json::array();
		if (result.capital_within_limit) matched.push_back("capital");
		if (result.employees_within_limit) matched.push_back("employees");
		out["matched_criteria"] = matched;
	}
	return out;
}

} // namespace mamori::codec
