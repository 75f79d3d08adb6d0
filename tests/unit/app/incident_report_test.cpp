// mamori/tests/unit/app/incident_report_test.cpp
//
// The インシデント報告書 (document kind incident_report, issue 9): an incident
// worked to closure prints its facts, level and lead, timeline with times,
// steps with when they were done, evidence and isolation records, the
// personal-data assessment with the 速報/確報 dates and when they were made,
// and the three closing texts. Without a closed incident the kind renders a
// sample of blanks. Only editors and the 経営者 get it. The HTML of both is
// golden (tests/golden/documents/incident_report_*.expected.html, exact text;
// MAMORI_UPDATE_GOLDEN=1 rewrites them, read the diff before committing).
#include "app/documents/document_kinds.hpp"
#include "app/incidents.hpp"
#include "app/languages.hpp"
#include "export/document_html.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"
#include "support/golden_text.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

class IncidentReportTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		editor_ = MakeUser("editor@example.jp");
		auto ctx = Ctx();
		org_id_ = CreateOrganization(ctx, editor_, {"甲野製作所株式会社", "manufacturing", 10'000'000, 20}).value();
		access_ = AccessOrganization(ctx, editor_.user_id, org_id_).value();
		staff_ = MakeUser("staff@example.jp");
		storage::Membership membership{.org_id = org_id_, .user_id = staff_.user_id, .role = storage::Role::kRespondent};
		ASSERT_TRUE(store_->AddMembership(membership).ok());
		staff_access_ = AccessOrganization(ctx, staff_.user_id, org_id_).value();
	}

	Actor MakeUser(const std::string &email) {
		storage::User user;
		user.email = email;
		Actor actor;
		actor.user_id = store_->CreateUser(user).value();
		actor.email = email;
		return actor;
	}

	AppContext Ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalogs().Default(), .store = *store_, .catalogs = &testing_support::ShippedCatalogs(), .clock = clock_};
	}

	//! A lost USB stick with a customer list, worked step by step, an hour apart.
	Id WorkToClosure() {
		auto ctx = Ctx();
		const Id id = ReportIncident(ctx, staff_, staff_access_,
		                             {"顧客名簿を保存したUSBメモリを紛失した", "2026-12-01T09:30", "営業部のUSBメモリ"})
		                  .value();
		clock_.Advance(3600);
		EXPECT_TRUE(ClassifyIncident(ctx, editor_, access_, id, {"leak", {.external_impact = false, .personal_data_leak = true}}).ok());
		clock_.Advance(3600);
		EXPECT_TRUE(MarkIncidentStepDone(ctx, editor_, access_, id, "report").ok());
		clock_.Advance(3600);
		EXPECT_TRUE(RecordIncidentEvent(ctx, editor_, access_, id, IncidentRecord::kEvidencePreserved, "貸出記録を保存").ok());
		EXPECT_TRUE(RecordIncidentEvent(ctx, editor_, access_, id, IncidentRecord::kDeviceIsolated, "").ok());
		LeakAnswers answers;
		answers.personal_data = true;
		answers.affected_people = 1001;
		answers.aware_on = "2026-12-01";
		EXPECT_TRUE(AnswerLeakQuestions(ctx, editor_, access_, id, answers).ok());
		clock_.Advance(86400);
		EXPECT_TRUE(MarkReportSent(ctx, editor_, access_, id, ReportStage::kPreliminary).ok());
		clock_.Advance(3600);
		EXPECT_TRUE(CloseIncident(ctx, editor_, access_, id,
		                          {"持ち出し手順が守られていなかった", "USBメモリの持ち出しを許可制にする\n暗号化機能付きに切り替える",
		                           "お客さまへ\n個人情報を含むUSBメモリを紛失しました。"})
		                .ok());
		return id;
	}

	std::string Html(std::optional<Id> id) {
		auto ctx = Ctx();
		access_ = AccessOrganization(ctx, editor_.user_id, org_id_).value();
		auto doc = id ? BuildIncidentReportDocument(ctx, testing_support::ShippedMessages(), access_, id)
		              : BuildDocument(ctx, testing_support::ShippedMessages(), access_, "incident_report");
		EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().Describe());
		return doc.ok() ? exporting::RenderDocumentHtmlArticle(*doc) : "";
	}

	static std::string GoldenPath(const std::string &name) {
		return testing_support::SourcePath("tests/golden/documents/" + name);
	}

	testing_support::TempDir dir_{"app_incident_report"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2026-12-01T01:00:00Z");
	Actor editor_;
	Actor staff_;
	Id org_id_ = 0;
	OrgAccess access_;
	OrgAccess staff_access_;
};

TEST_F(IncidentReportTest, ClosedIncidentPrintsEverySection) {
	const Id id = WorkToClosure();
	const std::string html = Html(id);
	for (const char *text : {"インシデント報告書（第1号）", "顧客名簿を保存したUSBメモリを紛失した", "2026年12月1日 09:30",
	                         "営業部のUSBメモリ", "漏えい・流出", "レベル3", "貸出記録を保存", "機器を切り離し",
	                         "本人の数が1,000人を超える", "期限 2026年12月4日、2026年12月2日 13:00に報告済み",
	                         "期限 2026年12月30日（未了）", "持ち出し手順が守られていなかった",
	                         "暗号化機能付きに切り替える", "個人情報を含むUSBメモリを紛失しました。"}) {
		EXPECT_NE(html.find(text), std::string::npos) << text;
	}
	EXPECT_EQ(golden::CompareTextFile(GoldenPath("incident_report_closed.expected.html"), html), "");
	// The kind without an id is the same report: the most recently closed incident.
	EXPECT_EQ(Html(std::nullopt), html);
}

TEST_F(IncidentReportTest, WithoutAClosedIncidentTheSampleHasBlanks) {
	auto ctx = Ctx();
	ASSERT_TRUE(ReportIncident(ctx, staff_, staff_access_, {"開いたままの報告", "2026-12-01T09:30", ""}).ok());
	const std::string html = Html(std::nullopt);
	EXPECT_NE(html.find("【原因】"), std::string::npos);
	EXPECT_EQ(html.find("開いたままの報告"), std::string::npos);  // an open incident is not reported
	EXPECT_EQ(golden::CompareTextFile(GoldenPath("incident_report_sample.expected.html"), html), "");
}

TEST_F(IncidentReportTest, OnlyEditorsAndTheExecutiveGetIt) {
	const Id id = WorkToClosure();
	auto ctx = Ctx();
	auto refused = BuildIncidentReportDocument(ctx, testing_support::ShippedMessages(), staff_access_, id);
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
	const Id open = ReportIncident(ctx, staff_, staff_access_, {"まだ対応中", "2026-12-01T09:30", ""}).value();
	auto not_closed = BuildIncidentReportDocument(ctx, testing_support::ShippedMessages(), access_, open);
	ASSERT_FALSE(not_closed.ok());
	EXPECT_EQ(not_closed.error().code, ErrorCode::kConflict);
	auto missing = BuildIncidentReportDocument(ctx, testing_support::ShippedMessages(), access_, 999);
	ASSERT_FALSE(missing.ok());
	EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(IncidentReportTest, EnglishOrganisationGetsAnEnglishReport) {
	const Id id = WorkToClosure();
	auto ctx = Ctx();
	ASSERT_TRUE(SetDocumentLanguage(ctx, editor_, access_, Locale::kEn).ok());
	const std::string html = Html(id);
	EXPECT_NE(html.find("Incident report (No. 1)"), std::string::npos);
	EXPECT_NE(html.find("Leak or loss of information"), std::string::npos);
	EXPECT_NE(html.find("More than 1,000 people are affected"), std::string::npos);
}

} // namespace
} // namespace mamori::app
