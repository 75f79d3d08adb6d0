// mamori/app/portfolio.cpp
#include "app/portfolio.hpp"

#include "core/selfcheck/aggregation.hpp"
#include "core/selfcheck/scoring.hpp"

#include <map>

namespace mamori::app {

namespace {

struct RoundAnswers {
	int number = 0;
	std::string started_at;
	std::map<Id, AnswerSheet> by_response;  // response id → answers, in response order
};

//! The store's rows, grouped by organisation and round (the rows come ordered so).
std::map<Id, std::vector<RoundAnswers>> GroupAnswers(const std::vector<storage::PortfolioAnswer> &rows) {
	std::map<Id, std::vector<RoundAnswers>> grouped;
	for (const auto &row : rows) {
		auto &rounds = grouped[row.org_id];
		if (rounds.empty() || rounds.back().number != row.round_number) {
			rounds.push_back(RoundAnswers{row.round_number, row.started_at, {}});
		}
		rounds.back().by_response[row.response_id][row.item] = row.answer;
	}
	return grouped;
}

AnswerSheet Combined(const RoundAnswers &round) {
	std::vector<RespondentAnswers> respondents;
	for (const auto &[response, answers] : round.by_response) {
		respondents.push_back(RespondentAnswers{std::to_string(response), answers});
	}
	return AggregateAnswers(respondents);
}

ProgressFacts FactsOf(const storage::PortfolioClient &client, const Edition &edition,
                      const std::vector<PortfolioRound> &trend) {
	ProgressFacts facts;
	facts.five_articles_total = static_cast<int>(edition.five_articles.size());
	// Only the counts matter to the path rule; the numbers stand for the articles not done.
	const int pending = std::max(0, facts.five_articles_total - client.five_done);
	const int not_started = std::max(0, pending - client.five_in_progress);
	for (int i = 1; i <= pending; ++i) {
		facts.five_articles_pending.push_back(i);
	}
	for (int i = 1; i <= not_started; ++i) {
		facts.five_articles_not_started.push_back(i);
	}
	facts.selfcheck_started = !trend.empty();
	for (const auto &round : trend) {
		facts.selfcheck_completed = facts.selfcheck_completed || round.complete;
	}
	facts.policy_drafted = client.policy_drafted;
	// Publishing needs the 制定日 (app/policy_service), so a published policy is established.
	facts.policy_published = client.policy_published;
	facts.policy_established = client.policy_published;
	facts.handbook_started = client.handbook_started;
	facts.handbook_published = client.handbook_published;
	facts.risk_assets = client.risk_assets;
	const auto checks = edition.risk_catalog.check_items.size();
	facts.risk_check_complete = checks > 0 && static_cast<size_t>(client.control_answers) >= checks;
	facts.risks_needing_decision = client.risk_assets > 0 && client.treatments == 0 ? 1 : 0;
	return facts;
}

} // namespace

Result<std::vector<PortfolioEntry>> BuildPortfolio(AppContext &ctx, Id user_id, const Catalog *content) {
	const Catalog &catalog = content != nullptr ? *content : ctx.catalog;
	auto clients = MAMORI_TRY(ctx.store.ListPortfolio(user_id, ctx.clock.TodayInJapan()));
	const auto answers = GroupAnswers(MAMORI_TRY(ctx.store.ListPortfolioAnswers(user_id)));
	std::vector<PortfolioEntry> entries;
	entries.reserve(clients.size());
	for (auto &client : clients) {
		PortfolioEntry entry;
		const Edition *found = catalog.FindEdition(client.org.edition);
		const Edition &edition = found != nullptr ? *found : catalog.DefaultEdition();
		std::vector<AnswerSheet> combined;
		std::vector<std::string> dates;
		if (auto rounds = answers.find(client.org.id); rounds != answers.end()) {
			for (const auto &round : rounds->second) {
				combined.push_back(Combined(round));
				const SelfcheckScore score = ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(), combined.back());
				entry.trend.push_back(
				    PortfolioRound{round.number, round.started_at.substr(0, 10), score.total, score.max, score.Complete()});
				dates.push_back(round.started_at);
			}
		}
		if (auto seen = coaching::RoundSeenAt(dates, client.last_visit_on)) {
			entry.baseline = entry.trend[*seen].number;
			entry.changes = coaching::ChangedAnswers(combined[*seen], combined.back());
		}
		entry.position = LocateOnPath(edition.step_path, TaskStatusesFromFacts(FactsOf(client, edition, entry.trend)));
		entry.client = std::move(client);
		entries.push_back(std::move(entry));
	}
	return entries;
}

} // namespace mamori::app
