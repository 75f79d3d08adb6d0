// mamori/tests/unit/app/portfolio_test.cpp
//
// The portfolio and the anonymous benchmark read each round's kept score (app/round_scores,
// migration 0028) instead of rescoring every answer: the kept score is the round's own result
// (SummarizeRound), it follows a changed answer at once, the differences since the last visit
// come from the kept combined answers, and rounds answered before the kept scores existed get
// theirs from ScoreUnscoredRounds (the server's start).
#include "app/benchmark_service.hpp"
#include "app/coaching.hpp"
#include "app/portfolio.hpp"
#include "app/round_scores.hpp"
#include "app/selfcheck_service.hpp"
#include "platform/clock.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

class PortfolioTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		storage::User user;
		user.email = "expert@example.jp";
		expert_.user_id = store_->CreateUser(user).value();
		expert_.email = user.email;
		auto ctx = Ctx();
		org_id_ = CreateClient(ctx, expert_, {"甲野製作所株式会社", "manufacturing", 10'000'000, 20}).value();
		access_ = AccessOrganization(ctx, expert_.user_id, org_id_).value();
	}

	AppContext Ctx() { return AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_}; }

	AnswerSheet AllImplemented() const {
		AnswerSheet sheet;
		for (int item = 1; item <= testing_support::ShippedEdition().ItemCount(); ++item) {
			sheet[item] = Answer::kImplemented;
		}
		return sheet;
	}

	void Save(const std::string &respondent, const AnswerSheet &answers, SaveMode mode = SaveMode::kReplace) {
		auto ctx = Ctx();
		auto saved = SaveAnswers(ctx, expert_, access_, respondent, answers, mode, false);
		ASSERT_TRUE(saved.ok()) << saved.error().Describe();
	}

	//! The round's own result, as its result page scores it.
	SelfcheckScore ResultOf(Id round_id) {
		auto ctx = Ctx();
		return SummarizeRound(ctx, access_, round_id).value()->score;
	}

	testing_support::TempDir dir_{"app_portfolio"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2026-11-21T01:00:00Z");
	Actor expert_;
	Id org_id_ = 0;
	OrgAccess access_;
};

TEST_F(PortfolioTest, KeptScoreIsTheRoundsResultAndFollowsAChangedAnswer) {
	AnswerSheet sales = AllImplemented();
	sales[3] = Answer::kNotImplemented;
	Save("営業部", sales);
	Save("本社", {{1, Answer::kUnknown}, {2, Answer::kPartial}});
	auto ctx = Ctx();
	const Id round_id = store_->CurrentRound(org_id_).value()->id;
	auto portfolio = BuildPortfolio(ctx, expert_.user_id);
	ASSERT_TRUE(portfolio.ok()) << portfolio.error().Describe();
	ASSERT_EQ(portfolio->size(), 1u);
	ASSERT_EQ((*portfolio)[0].trend.size(), 1u);
	const SelfcheckScore before = ResultOf(round_id);
	EXPECT_EQ((*portfolio)[0].trend[0].total, before.total);
	EXPECT_EQ((*portfolio)[0].trend[0].max, before.max);
	EXPECT_EQ((*portfolio)[0].trend[0].complete, before.Complete());

	// One answer changes: the very next portfolio shows the new score.
	Save("本社", {{2, Answer::kImplemented}}, SaveMode::kMerge);
	const SelfcheckScore after = ResultOf(round_id);
	ASSERT_NE(after.total, before.total);
	portfolio = BuildPortfolio(ctx, expert_.user_id);
	ASSERT_TRUE(portfolio.ok());
	EXPECT_EQ((*portfolio)[0].trend[0].total, after.total);
	const storage::RoundScore kept = store_->ListRoundScores(org_id_).value().at(0);
	EXPECT_EQ(kept.respondents, 2);
	EXPECT_EQ(kept.total, after.total);
}

TEST_F(PortfolioTest, ChangesSinceTheLastVisitComeFromTheKeptAnswers) {
	auto ctx = Ctx();
	Save("本社", AllImplemented());
	clock_.Advance(86400);
	ASSERT_TRUE(StartEngagement(ctx, expert_, access_, {"theme1_regulations", "", "2026-11-01"}).ok());
	ASSERT_TRUE(UpdateVisit(ctx, expert_, access_, {1, "2026-11-22", "2026-11-22", ""}).ok());
	clock_.Advance(7 * 86400);
	ASSERT_TRUE(StartRound(ctx, expert_, access_, "").ok());
	AnswerSheet second = AllImplemented();
	second[5] = Answer::kPartial;
	Save("本社", second);
	auto portfolio = BuildPortfolio(ctx, expert_.user_id).value();
	ASSERT_EQ(portfolio[0].trend.size(), 2u);
	ASSERT_EQ(portfolio[0].baseline, std::optional<int>(1));
	ASSERT_EQ(portfolio[0].changes.size(), 1u);
	EXPECT_EQ(portfolio[0].changes[0].item, 5);
}

TEST_F(PortfolioTest, RoundsAnsweredBeforeKeptScoresGetThemAtStart) {
	// Written below the use case, as data from before migration 0028 is: no kept score.
	storage::SelfcheckRound round;
	round.org_id = org_id_;
	round.started_at = "2026-10-01T00:00:00Z";
	round.edition = "3.0";
	storage::SelfcheckResponse response;
	response.round_id = store_->CreateRound(round).value();
	response.respondent = "本社";
	response.answers = AllImplemented();
	response.answers[1] = Answer::kUnknown;
	response.updated_at = round.started_at;
	ASSERT_TRUE(store_->UpsertResponse(org_id_, response).ok());
	auto ctx = Ctx();
	EXPECT_TRUE(BuildPortfolio(ctx, expert_.user_id).value()[0].trend.empty());

	auto scored = ScoreUnscoredRounds(ctx);
	ASSERT_TRUE(scored.ok()) << scored.error().Describe();
	EXPECT_EQ(*scored, 1);
	EXPECT_EQ(ScoreUnscoredRounds(ctx).value(), 0);
	const auto trend = BuildPortfolio(ctx, expert_.user_id).value()[0].trend;
	ASSERT_EQ(trend.size(), 1u);
	EXPECT_EQ(trend[0].total, ResultOf(response.round_id).total);
	EXPECT_TRUE(trend[0].complete);

	// The firm's benchmark position reads the same kept score.
	auto bench = BenchmarkOfFirm(ctx, access_);
	ASSERT_TRUE(bench.ok()) << bench.error().Describe();
	EXPECT_EQ(bench->score, std::optional<int>(trend[0].total));
}

} // namespace
} // namespace mamori::app
