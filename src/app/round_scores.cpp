// mamori/app/round_scores.cpp
#include "app/round_scores.hpp"

#include "core/selfcheck/aggregation.hpp"
#include "core/selfcheck/answer_code.hpp"
#include "core/selfcheck/scoring.hpp"

namespace mamori::app {
namespace {

const Edition &EditionOfOrg(const Catalog &catalog, const storage::Organization &org) {
	const Edition *edition = catalog.FindEdition(org.edition);
	return edition != nullptr ? *edition : catalog.DefaultEdition();
}

constexpr int kBatch = 500;

} // namespace

Status KeepRoundScore(AppContext &ctx, const storage::Organization &org, Id round_id) {
	const std::vector<storage::SelfcheckResponse> responses = MAMORI_TRY(ctx.store.ListResponses(org.id, round_id));
	// A round without answers is kept too (respondents 0, never complete; the portfolio's trend
	// leaves it out), so that a row a hand-over package carried cannot outlive its answers.
	std::vector<RespondentAnswers> respondents;
	for (const auto &response : responses) {
		respondents.push_back(RespondentAnswers{response.respondent, response.answers});
	}
	const Edition &edition = EditionOfOrg(ctx.catalog, org);
	const AnswerSheet combined = AggregateAnswers(respondents);
	const SelfcheckScore score = ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(), combined);
	storage::RoundScore kept;
	kept.org_id = org.id;
	kept.round_id = round_id;
	kept.edition = org.edition;
	kept.respondents = static_cast<int>(responses.size());
	kept.total = score.total;
	kept.max = score.max;
	kept.complete = score.Complete();
	kept.answers = EncodeAnswerCode(combined);
	return ctx.store.PutRoundScore(kept);
}

Status KeepRoundScores(AppContext &ctx, const storage::Organization &org) {
	for (const auto &round : MAMORI_TRY(ctx.store.ListRounds(org.id))) {
		MAMORI_TRY(KeepRoundScore(ctx, org, round.id));
	}
	return OkStatus();
}

Result<int> ScoreUnscoredRounds(AppContext &ctx) {
	int scored = 0;
	for (;;) {
		const std::vector<storage::SelfcheckRound> rounds = MAMORI_TRY(ctx.store.ListUnscoredRounds(kBatch));
		if (rounds.empty()) {
			return scored;
		}
		MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
			for (const auto &round : rounds) {
				const std::optional<storage::Organization> org = MAMORI_TRY(ctx.store.FindOrganization(round.org_id));
				if (!org) {
					return Error::Make(ErrorCode::kStorage, "a self-check round without its organisation");
				}
				MAMORI_TRY(KeepRoundScore(ctx, *org, round.id));
			}
			return OkStatus();
		}));
		scored += static_cast<int>(rounds.size());
	}
}

} // namespace mamori::app
