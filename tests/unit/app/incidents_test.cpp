// mamori/tests/unit/app/incidents_test.cpp
//
// The incident register (issue 9): a 回答者 can report but not classify;
// reports are validated field by field (nothing is stored on refusal); the
// level follows from the four damage facts; the checklist is the procedure
// of the kind and level, ticked with timestamps; the personal-data answers
// give the 速報/確報 dates until they are done; a member sees only their own
// reports; closed incidents refuse further work; every change is audited.
#include "app/audit.hpp"
#include "app/incidents.hpp"
#include "support/catalog.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

class IncidentsTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		owner_ = MakeUser("owner@example.jp");
		auto ctx = Ctx();
		const Id org_id = CreateOrganization(ctx, owner_, {"事故対応株式会社", "manufacturing", 10'000'000, 20}).value();
		owner_access_ = AccessOrganization(ctx, owner_.user_id, org_id).value();
		respondent_ = MakeUser("staff@example.jp");
		respondent_access_ = Join(respondent_, storage::Role::kRespondent);
	}

	Actor MakeUser(const std::string &email) {
		storage::User user;
		user.email = email;
		Actor actor;
		actor.user_id = store_->CreateUser(user).value();
		actor.email = email;
		return actor;
	}

	OrgAccess Join(const Actor &actor, storage::Role role) {
		storage::Membership membership;
		membership.org_id = owner_access_.org.id;
		membership.user_id = actor.user_id;
		membership.role = role;
		EXPECT_TRUE(store_->AddMembership(membership).ok());
		auto ctx = Ctx();
		return AccessOrganization(ctx, actor.user_id, owner_access_.org.id).value();
	}

	AppContext Ctx() { return AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_}; }

	Id Report(const std::string &what = "添付ファイルを開いたら画面に警告が出た") {
		auto ctx = Ctx();
		return ReportIncident(ctx, respondent_, respondent_access_, {what, "2026-12-01T09:30", "営業のノートPC"}).value();
	}

	testing_support::TempDir dir_{"incidents"};
	std::unique_ptr<storage::Store> store_;
	// 2026-12-01 10:00 in Japan.
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2026-12-01T01:00:00Z");
	Actor owner_;
	OrgAccess owner_access_;
	Actor respondent_;
	OrgAccess respondent_access_;
};

TEST_F(IncidentsTest, RespondentReportsButCannotClassify) {
	const Id id = Report();
	auto ctx = Ctx();
	auto incident = GetIncident(ctx, respondent_, respondent_access_, id);
	ASSERT_TRUE(incident.ok());
	EXPECT_EQ(incident->reported_at, "2026-12-01T01:00:00Z");
	EXPECT_EQ(incident->device, "営業のノートPC");
	auto refused = ClassifyIncident(ctx, respondent_, respondent_access_, id, {"malware", {}});
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
	auto timeline = ListIncidentTimeline(ctx, respondent_, respondent_access_, id);
	ASSERT_TRUE(timeline.ok());
	ASSERT_EQ(timeline->size(), 1u);
	EXPECT_EQ((*timeline)[0].type, "reported");
	auto audit = ListAuditEntries(ctx, owner_access_, 10, 0);
	ASSERT_TRUE(audit.ok());
	ASSERT_FALSE(audit->empty());
	EXPECT_EQ((*audit)[0].action, "incident.report");
	EXPECT_EQ((*audit)[0].target, "incident:" + std::to_string(id));
}

TEST_F(IncidentsTest, BadReportsNameTheFieldAndStoreNothing) {
	auto ctx = Ctx();
	const struct {
		IncidentReport report;
		const char *field;
		const char *key;
	} cases[] = {
	    {{"  ", "2026-12-01T09:30", ""}, "what", "app_incidents.what_required"},
	    {{std::string(2001, 'a'), "2026-12-01T09:30", ""}, "what", "app_incidents.what_too_long"},
	    {{"x", "", ""}, "noticed_at", "app_incidents.noticed_at_required"},
	    {{"x", "2026-02-30T09:30", ""}, "noticed_at", "app_incidents.noticed_at_invalid"},
	    {{"x", "2026-12-01T24:00", ""}, "noticed_at", "app_incidents.noticed_at_invalid"},
	    {{"x", "2026-12-01T10:01", ""}, "noticed_at", "app_incidents.noticed_at_future"},
	    {{"x", "2026-12-01T09:30", std::string(301, 'd')}, "device", "app_incidents.device_too_long"},
	};
	for (const auto &c : cases) {
		auto refused = ReportIncident(ctx, respondent_, respondent_access_, c.report);
		ASSERT_FALSE(refused.ok()) << c.key;
		EXPECT_EQ(refused.error().field, c.field);
		EXPECT_EQ(refused.error().message, c.key);
	}
	// Noticed this very minute (Japan time) is fine.
	EXPECT_TRUE(ReportIncident(ctx, respondent_, respondent_access_, {"x", "2026-12-01T10:00", ""}).ok());
	EXPECT_EQ(store_->ListIncidents(owner_access_.org.id, std::nullopt)->size(), 1u);
}

TEST_F(IncidentsTest, LevelFollowsTheDamageFacts) {
	auto ctx = Ctx();
	const Id id = Report();
	ASSERT_TRUE(ClassifyIncident(ctx, owner_, owner_access_, id, {"malware", {}}).ok());
	EXPECT_EQ(GetIncident(ctx, owner_, owner_access_, id)->level, std::optional<int>(0));
	incident::DamageFacts facts;
	facts.work_impact = true;
	ASSERT_TRUE(ClassifyIncident(ctx, owner_, owner_access_, id, {"malware", facts}).ok());
	EXPECT_EQ(GetIncident(ctx, owner_, owner_access_, id)->level, std::optional<int>(1));
	facts.business_impact = true;
	ASSERT_TRUE(ClassifyIncident(ctx, owner_, owner_access_, id, {"tampering", facts}).ok());
	EXPECT_EQ(GetIncident(ctx, owner_, owner_access_, id)->level, std::optional<int>(2));
	facts.personal_data_leak = true;
	ASSERT_TRUE(ClassifyIncident(ctx, owner_, owner_access_, id, {"leak", facts}).ok());
	auto incident = GetIncident(ctx, owner_, owner_access_, id).value();
	EXPECT_EQ(incident.level, std::optional<int>(3));
	EXPECT_EQ(incident.kind, std::optional<std::string>("leak"));
	auto assessed = AssessIncident(ctx.catalog.incident.damage, incident);
	ASSERT_TRUE(assessed && assessed->lead);
	EXPECT_EQ(assessed->lead->id, "top_executive");

	auto unknown = ClassifyIncident(ctx, owner_, owner_access_, id, {"earthquake", facts});
	ASSERT_FALSE(unknown.ok());
	EXPECT_EQ(unknown.error().field, "kind");
}

TEST_F(IncidentsTest, StepsAreTheProcedureTickedWithTimes) {
	auto ctx = Ctx();
	const Id id = Report();
	EXPECT_EQ(MarkIncidentStepDone(ctx, owner_, owner_access_, id, "report").error().message, "app_incidents.not_classified");
	incident::DamageFacts facts;
	facts.personal_data_leak = true;
	ASSERT_TRUE(ClassifyIncident(ctx, owner_, owner_access_, id, {"leak", facts}).ok());
	clock_.Advance(600);
	ASSERT_TRUE(MarkIncidentStepDone(ctx, owner_, owner_access_, id, "preserve_evidence").ok());
	clock_.Advance(600);
	ASSERT_TRUE(MarkIncidentStepDone(ctx, owner_, owner_access_, id, "preserve_evidence").ok());  // no second tick
	auto refused = MarkIncidentStepDone(ctx, owner_, owner_access_, id, "no_such_step");
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().field, "step");

	auto events = ListIncidentTimeline(ctx, owner_, owner_access_, id).value();
	const auto steps = IncidentSteps(ctx.catalog.incident, GetIncident(ctx, owner_, owner_access_, id).value(), events);
	ASSERT_FALSE(steps.empty());
	EXPECT_EQ(steps[0].step->id, "report");
	EXPECT_FALSE(steps[0].done);
	bool found = false;
	for (const auto &step : steps) {
		if (step.step->id == "preserve_evidence") {
			found = true;
			ASSERT_TRUE(step.done);
			EXPECT_EQ(step.done->at, "2026-12-01T01:10:00Z");
			EXPECT_TRUE(step.step->evidence);
		}
	}
	EXPECT_TRUE(found);
	ASSERT_TRUE(RecordIncidentEvent(ctx, owner_, owner_access_, id, IncidentRecord::kDeviceIsolated, "LANケーブルを抜いた").ok());
	EXPECT_EQ(RecordIncidentEvent(ctx, owner_, owner_access_, id, IncidentRecord::kNote, " ").error().field, "text");
	events = ListIncidentTimeline(ctx, owner_, owner_access_, id).value();
	ASSERT_EQ(events.size(), 4u);  // reported, classified, step_done, device_isolated
	EXPECT_EQ(events.back().type, "device_isolated");
}

TEST_F(IncidentsTest, ReportDutyDatesShowUntilDone) {
	auto ctx = Ctx();
	const Id id = Report();
	LeakAnswers answers;
	answers.personal_data = true;
	answers.affected_people = 1000;
	answers.aware_on = "2026-11-30";
	ASSERT_TRUE(AnswerLeakQuestions(ctx, owner_, owner_access_, id, answers).ok());
	auto duty = IncidentReportDuty(ctx.catalog.incident.report, GetIncident(ctx, owner_, owner_access_, id).value());
	ASSERT_TRUE(duty);
	EXPECT_FALSE(duty->required);  // 1,000 people is not more than 1,000
	EXPECT_EQ(MarkReportSent(ctx, owner_, owner_access_, id, ReportStage::kPreliminary).error().message,
	          "app_incidents.report_not_required");

	answers.affected_people = 1001;
	ASSERT_TRUE(AnswerLeakQuestions(ctx, owner_, owner_access_, id, answers).ok());
	auto summary = SummarizeIncidents(ctx, owner_, owner_access_).value();
	ASSERT_EQ(summary.open.size(), 1u);
	ASSERT_EQ(summary.due.size(), 2u);
	EXPECT_EQ(IsoDate(summary.due[0].due), "2026-12-03");  // 速報: aware_on + 3
	EXPECT_EQ(summary.due[0].stage, ReportStage::kPreliminary);
	EXPECT_EQ(IsoDate(summary.due[1].due), "2026-12-29");  // 確報: 30 days, day of awareness = day 1

	ASSERT_TRUE(MarkReportSent(ctx, owner_, owner_access_, id, ReportStage::kPreliminary).ok());
	summary = SummarizeIncidents(ctx, owner_, owner_access_).value();
	ASSERT_EQ(summary.due.size(), 1u);
	EXPECT_EQ(summary.due[0].stage, ReportStage::kFinal);

	answers.aware_on = "2026-12-02";
	EXPECT_EQ(AnswerLeakQuestions(ctx, owner_, owner_access_, id, answers).error().field, "aware_on");
	answers.aware_on = "2026-11-30";
	answers.affected_people = -1;
	EXPECT_EQ(AnswerLeakQuestions(ctx, owner_, owner_access_, id, answers).error().field, "affected_people");
}

TEST_F(IncidentsTest, MembersSeeOnlyTheirOwnReports) {
	const Id mine = Report();
	const Actor other = MakeUser("other@example.jp");
	const OrgAccess other_access = Join(other, storage::Role::kViewer);
	auto ctx = Ctx();
	EXPECT_EQ(GetIncident(ctx, other, other_access, mine).error().code, ErrorCode::kNotFound);
	EXPECT_TRUE(ListIncidents(ctx, other, other_access)->empty());
	EXPECT_EQ(ListIncidents(ctx, respondent_, respondent_access_)->size(), 1u);
	EXPECT_EQ(ListIncidents(ctx, owner_, owner_access_)->size(), 1u);
	EXPECT_TRUE(SummarizeIncidents(ctx, other, other_access)->open.empty());
}

TEST_F(IncidentsTest, ClosedIncidentsRefuseWork) {
	auto ctx = Ctx();
	const Id id = Report();
	ASSERT_TRUE(CloseIncident(ctx, owner_, owner_access_, id, {"誤検知だった", "検知ルールを見直す", ""}).ok());
	auto incident = GetIncident(ctx, owner_, owner_access_, id).value();
	EXPECT_TRUE(incident.closed);
	EXPECT_EQ(incident.closed_at, std::optional<std::string>("2026-12-01T01:00:00Z"));
	EXPECT_EQ(ClassifyIncident(ctx, owner_, owner_access_, id, {"malware", {}}).error().code, ErrorCode::kConflict);
	EXPECT_TRUE(SummarizeIncidents(ctx, owner_, owner_access_)->open.empty());
}

TEST_F(IncidentsTest, ClosingKeepsCausepreventionAndStatement) {
	auto ctx = Ctx();
	const Id id = Report();
	ASSERT_TRUE(CloseIncident(ctx, owner_, owner_access_, id,
	                          {"添付ファイル経由の感染", "メール訓練を行う", "お客さまへのお知らせ"})
	                .ok());
	const auto incident = GetIncident(ctx, owner_, owner_access_, id).value();
	EXPECT_EQ(incident.cause, "添付ファイル経由の感染");
	EXPECT_EQ(incident.prevention, "メール訓練を行う");
	EXPECT_EQ(incident.public_statement, "お客さまへのお知らせ");
	const auto events = ListIncidentTimeline(ctx, owner_, owner_access_, id).value();
	EXPECT_EQ(events.back().type, "closed");
}

TEST_F(IncidentsTest, ClosingRefusesNameTheFieldAndChangeNothing) {
	auto ctx = Ctx();
	const Id id = Report();
	const std::string too_long(4001, 'a');
	const std::string statement_too_long(8001, 'a');
	struct Case {
		IncidentClosing closing;
		const char *field;
	};
	const Case cases[] = {
	    {{"", "対策", ""}, "cause"},
	    {{"原因", "", ""}, "prevention"},
	    {{too_long, "対策", ""}, "cause"},
	    {{"原因", too_long, ""}, "prevention"},
	    {{"原因", "対策", statement_too_long}, "public_statement"},
	};
	for (const auto &c : cases) {
		const auto status = CloseIncident(ctx, owner_, owner_access_, id, c.closing);
		ASSERT_FALSE(status.ok()) << c.field;
		EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
		EXPECT_EQ(status.error().field, c.field);
	}
	const auto incident = GetIncident(ctx, owner_, owner_access_, id).value();
	EXPECT_FALSE(incident.closed);
	EXPECT_EQ(incident.cause, "");
	// The limits are inclusive: exactly 4,000 and 8,000 bytes are accepted.
	EXPECT_TRUE(CloseIncident(ctx, owner_, owner_access_, id,
	                          {std::string(4000, 'a'), std::string(4000, 'b'), std::string(8000, 'c')})
	                .ok());
	// A 回答者 cannot close.
	EXPECT_FALSE(CloseIncident(ctx, respondent_, respondent_access_, Report(), {"原因", "対策", ""}).ok());
}

TEST_F(IncidentsTest, PublicStatementDraftFillsWhatIsKnown) {
	auto ctx = Ctx();
	const Id id = Report("顧客名簿を保存したUSBメモリを紛失した");
	const auto incident = GetIncident(ctx, owner_, owner_access_, id).value();
	const std::string draft = DraftPublicStatement(ctx.catalog.incident.procedures, "事故対応株式会社", incident);
	EXPECT_NE(draft.find("事故対応株式会社において、2026-12-01に"), std::string::npos) << draft;
	EXPECT_NE(draft.find("顧客名簿を保存したUSBメモリを紛失した"), std::string::npos);
	EXPECT_EQ(draft.find("{{"), std::string::npos);
	EXPECT_NE(draft.find("【"), std::string::npos);  // the response and contact stay to be written
}

} // namespace
} // namespace mamori::app
