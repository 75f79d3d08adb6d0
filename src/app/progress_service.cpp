// mamori/app/progress_service.cpp
#include "app/progress_service.hpp"

#include "app/five_articles_service.hpp"
#include "app/selfcheck_service.hpp"

namespace mamori::app {

Result<Progress> ComputeProgress(AppContext &ctx, const OrgAccess &access) {
	Progress progress;
	const Edition &edition = access.EditionOf(ctx.catalog);

	auto pending = PendingFiveArticles(ctx, access);
	if (!pending) {
		return pending.error();
	}
	progress.facts.five_articles_total = static_cast<int>(edition.five_articles.size());
	progress.facts.five_articles_pending = *pending;

	auto trend = ScoreTrend(ctx, access);
	if (!trend) {
		return trend.error();
	}
	progress.facts.selfcheck_started = !trend->empty();
	for (const auto &entry : *trend) {
		// A diagnosis counts as done once the combined answers cover every item.
		if (entry.score.Complete()) {
			progress.facts.selfcheck_completed = true;
		}
	}
	if (!trend->empty()) {
		progress.latest_score = trend->back().score;
	}

	auto latest_policy = ctx.store.LatestPolicy(access.org.id);
	if (!latest_policy) {
		return latest_policy.error();
	}
	auto published_policy = ctx.store.LatestPublishedPolicy(access.org.id);
	if (!published_policy) {
		return published_policy.error();
	}
	progress.facts.policy_drafted = latest_policy->has_value();
	progress.facts.policy_published = published_policy->has_value();
	progress.facts.policy_established =
	    published_policy->has_value() && !(*published_policy)->input.established_on.empty();

	progress.one_star = OneStarReadiness(progress.facts);
	progress.two_star = TwoStarReadiness(progress.facts);
	progress.position = LocateOnPath(edition.step_path, TaskStatusesFromFacts(progress.facts));
	return progress;
}

} // namespace mamori::app
