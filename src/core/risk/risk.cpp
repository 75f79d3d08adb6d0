// mamori/core/risk/risk.cpp
#include "core/risk/risk.hpp"

#include <algorithm>

namespace mamori {

int Importance(const RiskScale &scale, const AssetRating &rating, bool *overridden) {
	const int by_rating = std::max({rating.confidentiality, rating.integrity, rating.availability});
	const bool forced = rating.personal_info || rating.sensitive_personal_info || rating.my_number ||
	                    rating.business_critical;
	const int importance = forced ? std::max(by_rating, scale.override_importance) : by_rating;
	if (overridden != nullptr) {
		*overridden = importance != by_rating;
	}
	return importance;
}

int DamagePossibility(int threat, int vulnerability) {
	const int divisor = 4 - vulnerability;
	// Integer ceiling; both operands are positive on a valid scale.
	return (threat + divisor - 1) / divisor;
}

const RiskLevelBand *RiskLevelFor(const RiskScale &scale, int risk_value) {
	for (const auto &level : scale.levels) {
		if (risk_value >= level.min && risk_value <= level.max) {
			return &level;
		}
	}
	return nullptr;
}

std::vector<int> RiskValuesByReduction(const RiskScale &scale, int importance, int threat, int vulnerability) {
	std::vector<int> values;
	for (int v = std::min(vulnerability, scale.vulnerability_max); v >= scale.vulnerability_min; --v) {
		const int value = importance * DamagePossibility(threat, v);
		if (std::find(values.begin(), values.end(), value) == values.end()) {
			values.push_back(value);
		}
	}
	return values;
}

static Status CheckRange(const char *field, int value, int min, int max) {
	if (value < min || value > max) {
		return Error::Invalid(field, "errors.risk.rating_out_of_range",
		                      {{"min", std::to_string(min)}, {"max", std::to_string(max)}, {"value", std::to_string(value)}});
	}
	return OkStatus();
}

Result<RiskAssessment> AssessRisk(const RiskScale &scale, const RiskInput &input) {
	const struct {
		const char *field;
		int value;
		int min;
		int max;
	} checks[] = {
	    {"confidentiality", input.rating.confidentiality, scale.rating_min, scale.rating_max},
	    {"integrity", input.rating.integrity, scale.rating_min, scale.rating_max},
	    {"availability", input.rating.availability, scale.rating_min, scale.rating_max},
	    {"threat", input.threat, scale.threat_min, scale.threat_max},
	    {"vulnerability", input.vulnerability, scale.vulnerability_min, scale.vulnerability_max},
	};
	for (const auto &check : checks) {
		if (auto status = CheckRange(check.field, check.value, check.min, check.max); !status) {
			return status.error();
		}
	}
	RiskAssessment result;
	result.importance = Importance(scale, input.rating, &result.importance_overridden);
	result.possibility = DamagePossibility(input.threat, input.vulnerability);
	result.risk_value = result.importance * result.possibility;
	result.level = RiskLevelFor(scale, result.risk_value);
	if (result.level == nullptr) {
		return Error::Make(ErrorCode::kCatalogInvalid,
		                   "risk value " + std::to_string(result.risk_value) + " has no level in the edition's scale");
	}
	return result;
}

} // namespace mamori
