// mamori/tests/unit/app/owner_report_test.cpp
//
// The owner's report (document kind owner_report, issue 12) and the use cases
// behind it: the 重要7項目 judged from a firm's data, the 点検と改善 cycle
// (plan, results, a finding with its corrective action, the report to the
// 経営者) with its rules (editors change, the 経営者 may record the report,
// dates not in the future, the action's owner a member), and the owner's
// records. The HTML of a firm with nothing and of a firm under way is golden
// (tests/golden/documents/owner_report_*.expected.html, exact text;
// MAMORI_UPDATE_GOLDEN=1 rewrites them, read the diff before committing).
#include "app/documents/document_kinds.hpp"
#include "app/inspections.hpp"
#include "app/owner_view.hpp"
#include "app/selfcheck_service.hpp"
#include "export/document_html.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"
#include "support/golden_text.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

class OwnerReportTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		editor_ = MakeUser("editor@example.jp");
		auto ctx = Ctx();
		org_id_ = CreateOrganization(ctx, editor_, {"甲野製作所株式会社", "manufacturing", 10'000'000, 20}).value();
		access_ = AccessOrganization(ctx, editor_.user_id, org_id_).value();
		boss_ = MakeUser("boss@example.jp");
		staff_ = MakeUser("staff@example.jp");
		ASSERT_TRUE(store_->AddMembership({.org_id = org_id_, .user_id = boss_.user_id, .role = storage::Role::kExecutive}).ok());
		ASSERT_TRUE(store_->AddMembership({.org_id = org_id_, .user_id = staff_.user_id, .role = storage::Role::kViewer}).ok());
		boss_access_ = AccessOrganization(ctx, boss_.user_id, org_id_).value();
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

	storage::Inspection Plan() {
		storage::Inspection plan;
		plan.title = "持出しPCの更新状況の点検";
		plan.standard = "five_articles";
		plan.scope = "5か条 No.1";
		plan.methods = {"question", "review"};
		plan.planned_on = "2026-11-01";
		return plan;
	}

	//! A firm under way: a finished self-diagnosis, the budget recorded, an
	//! inspection with one finding closed and reported to the 経営者.
	void WorkUnderWay() {
		auto ctx = Ctx();
		AnswerSheet answers;
		for (int item = 1; item <= 25; ++item) {
			answers[item] = item % 5 == 0 ? Answer::kPartial : Answer::kImplemented;
		}
		ASSERT_TRUE(SaveAnswers(ctx, editor_, access_, "全社", answers, SaveMode::kReplace, true).ok());
		ASSERT_TRUE(SaveOwnerRecord(ctx, boss_, boss_access_, "budget", "年30万円", "2026-04-01").ok());
		const Id id = PlanInspection(ctx, editor_, access_, Plan()).value();
		ASSERT_TRUE(RecordInspectionResult(ctx, editor_, access_, id, "2026-11-02", "1台の更新が止まっていた").ok());
		storage::InspectionFinding finding;
		finding.description = "持出しPCの更新が2か月止まっていた";
		finding.severity = "high";
		finding.action = "出発前に更新する手順を決める";
		finding.action_owner = staff_.user_id;
		finding.due_on = "2026-11-20";
		const Id finding_id = AddFinding(ctx, editor_, access_, id, finding).value();
		ASSERT_TRUE(CloseCorrectiveAction(ctx, editor_, access_, finding_id, "2026-11-15").ok());
		ASSERT_TRUE(ReportInspectionToOwner(ctx, boss_, boss_access_, id, "2026-11-16", "続けてください").ok());
	}

	std::string Html() {
		auto ctx = Ctx();
		access_ = AccessOrganization(ctx, editor_.user_id, org_id_).value();
		auto doc = BuildDocument(ctx, testing_support::ShippedMessages(), access_, "owner_report");
		EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().Describe());
		return doc.ok() ? exporting::RenderDocumentHtmlArticle(*doc) : "";
	}

	static std::string GoldenPath(const std::string &name) {
		return testing_support::SourcePath("tests/golden/documents/" + name);
	}

	testing_support::TempDir dir_{"app_owner_report"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2026-12-01T01:00:00Z");
	Actor editor_;
	Actor boss_;
	Actor staff_;
	Id org_id_ = 0;
	OrgAccess access_;
	OrgAccess boss_access_;
	OrgAccess staff_access_;
};

TEST_F(OwnerReportTest, NothingYetIsAllNotStarted) {
	const std::string html = Html();
	for (const char *text : {"情報セキュリティ対策の状況（経営者向け報告書）", "7項目中0項目 実施済み", "未実施",
	                         "情報セキュリティ基本方針はまだありません。", "点検の結果はまだありません",
	                         "情報セキュリティ対策は経営者のリーダーシップで進める"}) {
		EXPECT_NE(html.find(text), std::string::npos) << text;
	}
	EXPECT_EQ(golden::CompareTextFile(GoldenPath("owner_report_nothing.expected.html"), html), "");
}

TEST_F(OwnerReportTest, AFirmUnderWayShowsItsEvidence) {
	WorkUnderWay();
	const std::string html = Html();
	for (const char *text : {"90点（100点満点）", "自社診断は終わりました。", "2026年11月2日に点検し、2026年11月16日に経営者へ報告しました。",
	                         "指摘1件、是正済み1件、未完了0件", "対策の予算は記録していますが"}) {
		EXPECT_NE(html.find(text), std::string::npos) << text << "\n" << html;
	}
	EXPECT_EQ(golden::CompareTextFile(GoldenPath("owner_report_under_way.expected.html"), html), "");
	// The same facts drive the owner's view: 点検と改善 is done on the step path.
	auto ctx = Ctx();
	auto view = ComputeOwnerView(ctx, access_);
	ASSERT_TRUE(view.ok());
	EXPECT_EQ(view->items[3].status, owner::ItemStatus::kDone);
	bool review_done = false;
	for (const auto &step : view->position.steps) {
		for (const auto &task : step.tasks) {
			review_done = review_done || (task.definition->id == "review" && task.status == TaskStatus::kDone);
		}
	}
	EXPECT_TRUE(review_done);
}

TEST_F(OwnerReportTest, InspectionRulesRefuseWhatTheGuidelineCycleCannotHold) {
	auto ctx = Ctx();
	// Only editors plan; a 閲覧者 and the 経営者 are refused.
	EXPECT_EQ(PlanInspection(ctx, staff_, staff_access_, Plan()).error().code, ErrorCode::kForbidden);
	EXPECT_EQ(PlanInspection(ctx, boss_, boss_access_, Plan()).error().code, ErrorCode::kForbidden);
	storage::Inspection no_method = Plan();
	no_method.methods.clear();
	EXPECT_EQ(PlanInspection(ctx, editor_, access_, no_method).error().field, "methods");
	storage::Inspection twice = Plan();
	twice.methods = {"question", "question"};
	EXPECT_EQ(PlanInspection(ctx, editor_, access_, twice).error().field, "methods");
	storage::Inspection bad_date = Plan();
	bad_date.planned_on = "2026-02-30";
	EXPECT_EQ(PlanInspection(ctx, editor_, access_, bad_date).error().field, "planned_on");

	const Id id = PlanInspection(ctx, editor_, access_, Plan()).value();
	// No report before the results; no results in the future.
	EXPECT_EQ(ReportInspectionToOwner(ctx, boss_, boss_access_, id, "2026-11-05", "").error().field, "reported_on");
	EXPECT_EQ(RecordInspectionResult(ctx, editor_, access_, id, "2026-12-02", "").error().field, "done_on");
	ASSERT_TRUE(RecordInspectionResult(ctx, editor_, access_, id, "2026-11-30", "").ok());
	EXPECT_EQ(ReportInspectionToOwner(ctx, staff_, staff_access_, id, "2026-11-30", "").error().code, ErrorCode::kForbidden);
	EXPECT_EQ(ReportInspectionToOwner(ctx, boss_, boss_access_, id, "2026-11-29", "").error().field, "reported_on");

	// The action's owner must be a member.
	const Actor outsider = MakeUser("outsider@example.jp");
	storage::InspectionFinding finding;
	finding.description = "x";
	finding.severity = "medium";
	finding.action = "y";
	finding.action_owner = outsider.user_id;
	finding.due_on = "2026-12-10";
	EXPECT_EQ(AddFinding(ctx, editor_, access_, id, finding).error().field, "action_owner");
	finding.action_owner = staff_.user_id;
	finding.severity = "critical";
	EXPECT_EQ(AddFinding(ctx, editor_, access_, id, finding).error().field, "severity");
	finding.severity = "medium";
	finding.due_on = "2026-11-30";  // before today (2026-12-01 in Japan): overdue at once
	const Id finding_id = AddFinding(ctx, editor_, access_, id, finding).value();
	auto overview = InspectionHistory(ctx, access_);
	ASSERT_TRUE(overview.ok());
	EXPECT_EQ(overview->overdue_actions, 1);
	ASSERT_TRUE(CloseCorrectiveAction(ctx, editor_, access_, finding_id, "").ok());
	EXPECT_EQ(CloseCorrectiveAction(ctx, editor_, access_, finding_id, "").error().code, ErrorCode::kConflict);
	EXPECT_EQ(InspectionHistory(ctx, access_)->overdue_actions, 0);
}

} // namespace
} // namespace mamori::app
