// mamori/app/progress_service.cpp
#include "app/progress_service.hpp"

#include "app/five_articles_service.hpp"
#include "app/org_views.hpp"
#include "app/policy_service.hpp"
#include "app/selfcheck_service.hpp"

#include <set>

namespace mamori::app {

namespace {

Result<std::shared_ptr<const Progress>> MakeProgress(AppContext &ctx, const OrgAccess &access, const Catalog *content,
                                                     const Edition &edition) {
	auto made = std::make_shared<Progress>();
	Progress &progress = *made;

	auto articles = CountFiveArticles(ctx, access);
	if (!articles) {
		return articles.error();
	}
	progress.facts.five_articles_total = static_cast<int>(edition.five_articles.size());
	progress.facts.five_articles_not_started = articles->not_started;
	progress.facts.five_articles_pending = articles->not_started;
	progress.facts.five_articles_pending.insert(progress.facts.five_articles_pending.end(),
	                                            articles->in_progress.begin(), articles->in_progress.end());
	progress.five_articles = *articles;

	auto trend = ScoreTrend(ctx, access, content);
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

	const PolicyState policy = MAMORI_TRY(LoadPolicyState(ctx, access));
	progress.facts.policy_drafted = policy.latest.has_value();
	progress.facts.policy_published = policy.published.has_value();
	progress.facts.policy_established = policy.published && !policy.published->input.established_on.empty();

	auto handbook = ctx.store.FindDocument(access.org.id, "handbook", "");
	if (!handbook) {
		return handbook.error();
	}
	progress.facts.handbook_started = handbook->has_value();
	progress.facts.handbook_published =
	    handbook->has_value() && (*handbook)->state == storage::DocumentState::kPublished;

	auto analysis = AnalyzeOrganization(ctx, access, false, content);
	if (!analysis) {
		return analysis.error();
	}
	auto treatments = ctx.store.ListTreatments(access.org.id);
	if (!treatments) {
		return treatments.error();
	}
	std::set<std::pair<std::string, std::string>> decided;
	for (const auto &treatment : *treatments) {
		decided.insert({std::to_string(treatment.asset_id), treatment.threat_id});
	}
	progress.facts.risk_assets = static_cast<int>((*analysis)->assets.size());
	progress.facts.risk_check_complete =
	    (*analysis)->input.answers.size() >= edition.risk_catalog.check_items.size() && !edition.risk_catalog.check_items.empty();
	for (const auto &asset : (*analysis)->result.assets) {
		if (asset.level != nullptr && asset.level->id == "high") {
			++progress.high_risks;
		}
		for (const auto &threat : asset.threats) {
			const bool needs_decision = threat.level != nullptr && threat.level->id != "low";
			if (needs_decision && decided.count({asset.asset->key, threat.threat->id}) == 0) {
				++progress.facts.risks_needing_decision;
			}
		}
	}
	auto overdue = OverdueTreatments(ctx, access, content);
	if (!overdue) {
		return overdue.error();
	}
	progress.overdue = std::move(overdue.value());

	progress.one_star = OneStarReadiness(progress.facts);
	progress.two_star = TwoStarReadiness(progress.facts);
	progress.position = LocateOnPath(edition.step_path, TaskStatusesFromFacts(progress.facts));
	return std::shared_ptr<const Progress>(std::move(made));
}

} // namespace

Result<Progress> ComputeProgress(AppContext &ctx, const OrgAccess &access, const Catalog *content) {
	const Edition &edition = access.EditionOf(content != nullptr ? *content : ctx.catalog);
	// The overdue treatments depend on the day as well as on the data.
	const std::string key = "progress:" + KeyOf(&edition) + ":" + ctx.clock.TodayInJapan();
	auto progress = CachedOrgView<Progress>(
	    ctx, access.org.id, key, [&] { return MakeProgress(ctx, access, content, edition); },
	    [](const Progress &made) { return 4096 + made.overdue.size() * 512; });
	if (!progress) {
		return progress.error();
	}
	return **progress;
}

} // namespace mamori::app
