// mamori/tests/unit/app/coaching_reports_test.cpp
//
// The coaching reports (issue 12): the 実施報告書 of a visit prints its pre-work with when each
// request was done, the programme's agenda, the notes of the day, the deliverables with where
// their documents stand, the latest self-diagnosis and the next visit's pre-work; the 最終報告書
// prints the visits, the score trend, the deliverables and what remains. Both from the client's
// data only. The HTML is golden (tests/golden/documents/{visit,final}_report.expected.html,
// exact text; MAMORI_UPDATE_GOLDEN=1 rewrites them, read the diff before committing).
#include "app/coaching.hpp"
#include "app/documents/document_kinds.hpp"
#include "export/document_html.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"
#include "support/golden_text.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

class CoachingReportsTest : public ::testing::Test {
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

	AppContext Ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalogs().Default(), .store = *store_, .catalogs = &testing_support::ShippedCatalogs(), .clock = clock_};
	}

	void AddRound(const std::string &started_at, storage::Id round_number, mamori::Answer item3) {
		storage::SelfcheckRound round;
		round.org_id = org_id_;
		round.number = static_cast<int>(round_number);
		round.started_at = started_at;
		round.edition = "3.0";
		storage::SelfcheckResponse response;
		response.round_id = store_->CreateRound(round).value();
		response.respondent = "本社";
		for (int item = 1; item <= 25; ++item) {
			response.answers[item] = mamori::Answer::kImplemented;
		}
		response.answers[3] = item3;
		response.answers[7] = mamori::Answer::kPartial;
		response.updated_at = started_at;
		ASSERT_TRUE(store_->UpsertResponse(org_id_, response).ok());
	}

	//! Theme 1 started, visit 1 held with notes and all its pre-work done, visit 2 planned.
	void Coach() {
		auto ctx = Ctx();
		ASSERT_TRUE(StartEngagement(ctx, expert_, access_, {"theme1_regulations", "", "2026-11-01"}).ok());
		AddRound("2026-11-05T01:00:00Z", 1, mamori::Answer::kNotImplemented);
		auto coaching = LoadCoaching(ctx, access_).value();
		for (const auto &request : coaching->visits[0].requests) {
			ASSERT_TRUE(MarkRequest(ctx, expert_, access_, request.id, true).ok());
		}
		ASSERT_TRUE(UpdateVisit(ctx, expert_, access_, {1, "2026-11-20", "2026-11-20", "規程の整備状況を確認した\n次回までに基本方針の案を作る"}).ok());
		ASSERT_TRUE(UpdateVisit(ctx, expert_, access_, {2, "2026-12-10", "", ""}).ok());
		clock_.Advance(86400);
		AddRound("2026-12-02T01:00:00Z", 2, mamori::Answer::kImplemented);
	}

	std::string Html(std::string_view kind) {
		auto ctx = Ctx();
		auto doc = BuildDocument(ctx, testing_support::ShippedMessages(), access_, kind);
		EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().Describe());
		return doc.ok() ? exporting::RenderDocumentHtmlArticle(*doc) : "";
	}

	static std::string GoldenPath(const std::string &name) {
		return testing_support::SourcePath("tests/golden/documents/" + name);
	}

	testing_support::TempDir dir_{"app_coaching_reports"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2026-11-21T01:00:00Z");
	Actor expert_;
	Id org_id_ = 0;
	OrgAccess access_;
};

TEST_F(CoachingReportsTest, VisitReportOfTheLatestVisitHeld) {
	Coach();
	const std::string html = Html("visit_report");
	for (const char *text : {"実施報告書（第1回）", "第1回 チェックシートに基づく", "2026年11月20日",
	                         "提供可能な社内資料の準備", "2026年11月21日 完了", "規程の整備状況を確認した",
	                         "次回までに基本方針の案を作る", "自社診断の結果のまとめ", "規程チェックシート",
	                         "第2回 新規規程案の作成", "2026年12月10日（予定）", "依頼された必要情報の準備"}) {
		EXPECT_NE(html.find(text), std::string::npos) << text;
	}
	EXPECT_EQ(golden::CompareTextFile(GoldenPath("visit_report.expected.html"), html), "");
	// --visit 1 is the same report; a visit the programme does not have names the field.
	auto ctx = Ctx();
	auto first = BuildVisitReportDocument(ctx, testing_support::ShippedMessages(), access_, 1);
	ASSERT_TRUE(first.ok());
	EXPECT_EQ(exporting::RenderDocumentHtmlArticle(*first), html);
	auto missing = BuildVisitReportDocument(ctx, testing_support::ShippedMessages(), access_, 4);
	ASSERT_FALSE(missing.ok());
	EXPECT_EQ(missing.error().field, "visit");
}

TEST_F(CoachingReportsTest, FinalReportShowsVisitsTrendAndWhatRemains) {
	Coach();
	const std::string html = Html("final_report");
	for (const char *text : {"最終報告書", "テーマ① 情報セキュリティ規程の整備", "4 / 4", "0 / 2", "自社診断の推移",
	                         "依頼された必要情報の準備", "情報セキュリティ基本方針", "No.7"}) {
		EXPECT_NE(html.find(text), std::string::npos) << text;
	}
	EXPECT_EQ(golden::CompareTextFile(GoldenPath("final_report.expected.html"), html), "");
}

TEST_F(CoachingReportsTest, WithoutAnEngagementBothSaySo) {
	for (const char *kind : {"visit_report", "final_report"}) {
		EXPECT_NE(Html(kind).find("まだ専門家の指導を始めていません"), std::string::npos) << kind;
	}
}

TEST_F(CoachingReportsTest, RespondentsDoNotGetTheCoachingRecord) {
	storage::User user;
	user.email = "staff@example.jp";
	const Id staff = store_->CreateUser(user).value();
	ASSERT_TRUE(store_->AddMembership({.org_id = org_id_, .user_id = staff, .role = storage::Role::kRespondent}).ok());
	auto ctx = Ctx();
	const OrgAccess respondent = AccessOrganization(ctx, staff, org_id_).value();
	auto refused = LoadCoaching(ctx, respondent);
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
	auto start = StartEngagement(ctx, {staff, user.email, false}, respondent, {"theme1_regulations", "", ""});
	ASSERT_FALSE(start.ok());
	EXPECT_EQ(start.error().code, ErrorCode::kForbidden);
}

} // namespace
} // namespace mamori::app
