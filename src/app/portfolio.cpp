// mamori/app/portfolio.cpp
#include "app/portfolio.hpp"

#include "core/selfcheck/answer_code.hpp"

#include <map>

namespace mamori::app {

namespace {

//! The kept scores grouped by organisation (the rows come ordered by organisation, then round).
std::map<Id, std::vector<storage::RoundScore>> GroupScores(std::vector<storage::RoundScore> rows) {
	std::map<Id, std::vector<storage::RoundScore>> grouped;
	for (auto &row : rows) {
		grouped[row.org_id].push_back(std::move(row));
	}
	return grouped;
}

Result<AnswerSheet> CombinedAnswers(const storage::RoundScore &round) {
	std::optional<AnswerSheet> sheet = DecodeAnswerCode(round.answers);
	if (!sheet) {
		return Error::Make(ErrorCode::kStorage, "selfcheck_round_scores.answers");
	}
	return std::move(*sheet);
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
	// Each round's score and combined answers were kept when its answers changed (app/round_scores):
	// nothing is rescored here, whatever the number of clients and respondents.
	const auto scores = GroupScores(MAMORI_TRY(ctx.store.ListPortfolioScores(user_id)));
	std::vector<PortfolioEntry> entries;
	entries.reserve(clients.size());
	for (auto &client : clients) {
		PortfolioEntry entry;
		const Edition *found = catalog.FindEdition(client.org.edition);
		const Edition &edition = found != nullptr ? *found : catalog.DefaultEdition();
		const std::vector<storage::RoundScore> *rounds = nullptr;
		std::vector<std::string> dates;
		if (auto kept = scores.find(client.org.id); kept != scores.end()) {
			rounds = &kept->second;
			for (const auto &round : *rounds) {
				entry.trend.push_back(
				    PortfolioRound{round.round_number, round.started_at.substr(0, 10), round.total, round.max, round.complete});
				dates.push_back(round.started_at);
			}
		}
		if (auto seen = coaching::RoundSeenAt(dates, client.last_visit_on)) {
			entry.baseline = entry.trend[*seen].number;
			entry.changes = coaching::ChangedAnswers(MAMORI_TRY(CombinedAnswers((*rounds)[*seen])),
			                                         MAMORI_TRY(CombinedAnswers(rounds->back())));
		}
		entry.position = LocateOnPath(edition.step_path, TaskStatusesFromFacts(FactsOf(client, edition, entry.trend)));
		entry.client = std::move(client);
		entries.push_back(std::move(entry));
	}
	return entries;
}

Result<std::string> PortfolioRevision(AppContext &ctx) {
	// The day too: which measures are overdue changes with it.
	return MAMORI_TRY(ctx.store.AuditHead()) + "/" + ctx.clock.TodayInJapan();
}

} // namespace mamori::app
