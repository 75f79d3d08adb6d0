// mamori/core/progress/readiness.cpp
#include "core/progress/readiness.hpp"

namespace mamori {

std::string_view ArticleStateName(ArticleState state) {
	switch (state) {
	case ArticleState::kNotStarted:
		return "not_started";
	case ArticleState::kInProgress:
		return "in_progress";
	case ArticleState::kDone:
		return "done";
	}
	return "not_started";
}

std::optional<ArticleState> ParseArticleStateName(std::string_view name) {
	for (ArticleState state : {ArticleState::kNotStarted, ArticleState::kInProgress, ArticleState::kDone}) {
		if (ArticleStateName(state) == name) {
			return state;
		}
	}
	return std::nullopt;
}

StarReadiness OneStarReadiness(const ProgressFacts &facts) {
	StarReadiness result;
	result.star = Star::kOne;
	// Declaring ★1 says the firm is working on the five articles; an article
	// still 実施中 does not hold it back, one not yet started does.
	if (!facts.five_articles_not_started.empty()) {
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
