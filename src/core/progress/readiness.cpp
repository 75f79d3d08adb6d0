// mamori/core/progress/readiness.cpp
#include "core/progress/readiness.hpp"

namespace mamori {

StarReadiness OneStarReadiness(const ProgressFacts &facts) {
	StarReadiness result;
	result.star = Star::kOne;
	if (!facts.five_articles_pending.empty()) {
		result.missing.push_back("five_articles");
	}
	result.ready = result.missing.empty();
	return result;
}

StarReadiness TwoStarReadiness(const ProgressFacts &facts) {
	StarReadiness result;
	result.star = Star::kTwo;
	if (!facts.selfcheck_completed) {
		result.missing.push_back("selfcheck");
	}
	if (!facts.policy_established) {
		result.missing.push_back("policy_established");
	}
	if (!facts.policy_published) {
		result.missing.push_back("policy_published");
	}
	result.ready = result.missing.empty();
	return result;
}

} // namespace mamori
