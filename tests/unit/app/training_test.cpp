// mamori/tests/unit/app/training_test.cpp
//
// The education plan and records (issue 9): validation names the field; only
// editors plan and record, every change audited; a member of the audience
// takes the quiz and the result is stored; the overdue rule on a fixed day;
// reminders go to the overdue members only; the item-20 evidence and its
// suggested answer.
#include "app/training.hpp"
#include "app/training_evidence.hpp"
#include "app/training_quiz.hpp"
#include "app/training_status.hpp"
#include "support/catalog.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace mamori::app {
namespace {

class TrainingMailer final : public platform::Mailer {
public:
	Status Send(const platform::MailMessage &message) override {
		sent.push_back(message);
		return OkStatus();
	}
	std::vector<platform::MailMessage> sent;
};

class TrainingTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		owner_ = MakeUser("owner@example.jp");
		auto ctx = Ctx();
		const Id org_id = CreateOrganization(ctx, owner_, {"教育株式会社", "manufacturing", 10'000'000, 20}).value();
		owner_access_ = AccessOrganization(ctx, owner_.user_id, org_id).value();
		staff_ = MakeUser("staff@example.jp");
		staff_access_ = Join(staff_, storage::Role::kRespondent);
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

	AppContext Ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_,
		                  .mailer = &mailer_};
	}

	static TrainingSessionInput Input(const std::string &title, const std::string &quiz_set = "five_articles") {
		TrainingSessionInput input;
		input.session.title = title;
		input.session.method = "朝礼";
		input.session.planned_on = "2026-11-02";
		input.session.quiz_set = quiz_set;
		return input;
	}

	//! All five answers of the five_articles quiz, correct ones unless `wrong`.
	static training::QuizAnswers FiveArticles(int wrong) {
		training::QuizAnswers answers{{"updates", "b"}, {"antivirus", "b"}, {"password", "c"}, {"sharing", "b"},
		                              {"new_threats", "a"}};
		const char *ids[] = {"updates", "antivirus", "password", "sharing", "new_threats"};
		for (int i = 0; i < wrong; ++i) {
			answers[ids[i]] = answers[ids[i]] == "a" ? "b" : "a";
		}
		return answers;
	}

	bool Audited(const std::string &action) {
		auto audit = store_->ListAudit(owner_access_.org.id, 100, 0).value();
		return std::any_of(audit.begin(), audit.end(), [&](const auto &entry) { return entry.action == action; });
	}

	testing_support::TempDir dir_{"app_training"};
	std::unique_ptr<storage::Store> store_;
	// 2026-12-01 10:00 in Japan.
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2026-12-01T01:00:00Z");
	TrainingMailer mailer_;
	Actor owner_;
	Actor staff_;
	OrgAccess owner_access_;
	OrgAccess staff_access_;
};

TEST_F(TrainingTest, ValidationNamesTheField) {
	auto ctx = Ctx();
	auto field_of = [&](TrainingSessionInput input) {
		auto created = CreateTrainingSession(ctx, owner_, owner_access_, std::move(input));
		EXPECT_FALSE(created.ok());
		return created.ok() ? std::string() : created.error().field;
	};
	EXPECT_EQ(field_of(Input("")), "title");
	auto bad_date = Input("5か条");
	bad_date.session.planned_on = "2026-13-01";
	EXPECT_EQ(field_of(bad_date), "planned_on");
	EXPECT_EQ(field_of(Input("5か条", "no_such_quiz")), "quiz_set");
	auto nobody = Input("5か条");
	nobody.session.audience_all = false;
	EXPECT_EQ(field_of(nobody), "audience");
	auto stranger = Input("5か条");
	stranger.session.audience_all = false;
	stranger.chosen = {MakeUser("outsider@example.jp").user_id};
	EXPECT_EQ(field_of(stranger), "audience");
}

TEST_F(TrainingTest, OnlyEditorsPlanAndRecord) {
	auto ctx = Ctx();
	EXPECT_EQ(CreateTrainingSession(ctx, staff_, staff_access_, Input("5か条")).error().code, ErrorCode::kForbidden);
	const Id id = CreateTrainingSession(ctx, owner_, owner_access_, Input("5か条")).value();
	EXPECT_EQ(MarkTrainingHeld(ctx, staff_, staff_access_, id, "2026-11-02").error().code, ErrorCode::kForbidden);
	EXPECT_EQ(RecordTrainingAttendance(ctx, staff_, staff_access_, id, {staff_.user_id}).error().code,
	          ErrorCode::kForbidden);
	EXPECT_TRUE(Audited("training.create"));
	EXPECT_EQ(MarkTrainingHeld(ctx, owner_, owner_access_, id, "2026-12-02").error().field, "held_on");  // tomorrow
}

TEST_F(TrainingTest, QuizIsScoredStoredAndRefusesUnknownAnswers) {
	auto ctx = Ctx();
	const Id id = CreateTrainingSession(ctx, owner_, owner_access_, Input("5か条")).value();
	auto missing = FiveArticles(0);
	missing["sharing"] = "z";
	auto refused = TakeTrainingQuiz(ctx, staff_, staff_access_, id, missing);
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().field, "q_sharing");
	const auto &params = refused.error().params;
	EXPECT_NE(std::find(params.begin(), params.end(), std::make_pair(std::string("number"), std::string("4"))),
	          params.end());

	auto failed = TakeTrainingQuiz(ctx, staff_, staff_access_, id, FiveArticles(2));
	ASSERT_TRUE(failed.ok()) << failed.error().Describe();
	EXPECT_EQ(failed->correct, 3);
	EXPECT_FALSE(failed->passed);
	auto passed = TakeTrainingQuiz(ctx, staff_, staff_access_, id, FiveArticles(1));
	ASSERT_TRUE(passed.ok());
	EXPECT_EQ(passed->correct, 4);
	EXPECT_TRUE(passed->passed);  // 80 %
	EXPECT_EQ(ResultAnswers(*passed).at("password"), "c");
	EXPECT_TRUE(Audited("training.quiz"));

	// Someone outside a chosen audience cannot take it.
	auto chosen = Input("標的型メール", "suspicious_mail");
	chosen.session.audience_all = false;
	chosen.chosen = {owner_.user_id};
	const Id only_owner = CreateTrainingSession(ctx, owner_, owner_access_, chosen).value();
	EXPECT_EQ(TakeTrainingQuiz(ctx, staff_, staff_access_, only_owner, {}).error().code, ErrorCode::kForbidden);
}

TEST_F(TrainingTest, OverdueAfterTheGracePeriodAndRemindersGoToThoseMembers) {
	auto ctx = Ctx();
	const Id id = CreateTrainingSession(ctx, owner_, owner_access_, Input("5か条")).value();
	ASSERT_TRUE(MarkTrainingHeld(ctx, owner_, owner_access_, id, "2026-11-10").ok());
	ASSERT_TRUE(RecordTrainingAttendance(ctx, owner_, owner_access_, id, {owner_.user_id, staff_.user_id}).ok());
	ASSERT_TRUE(TakeTrainingQuiz(ctx, owner_, owner_access_, id, FiveArticles(0)).ok());

	const auto records = LoadTrainingRecords(ctx, owner_access_).value();
	const auto &content = ctx.catalog.training;
	// Held 11-10, due 11-24 (14 days): on 11-24 nobody is overdue yet.
	EXPECT_TRUE(OverdueTraining(records, content, "2026-11-24").empty());
	const auto overdue = OverdueTraining(records, content, "2026-12-01");
	ASSERT_EQ(overdue.size(), 1u);
	EXPECT_EQ(overdue[0].user_id, staff_.user_id);
	EXPECT_TRUE(overdue[0].missing_quiz);
	EXPECT_FALSE(overdue[0].missing_attendance);
	const auto mine = MyTraining(records, content, staff_.user_id, "2026-12-01");
	ASSERT_EQ(mine.size(), 1u);
	EXPECT_TRUE(mine[0].overdue);
	EXPECT_TRUE(mine[0].attended);

	auto sent = SendTrainingReminders(ctx, testing_support::ShippedMessages(), owner_, owner_access_, "/orgs/1/training");
	ASSERT_TRUE(sent.ok()) << sent.error().Describe();
	ASSERT_EQ(mailer_.sent.size(), 1u);
	EXPECT_EQ(mailer_.sent[0].to, std::vector<std::string>{"staff@example.jp"});
	EXPECT_NE(mailer_.sent[0].body.find("5か条"), std::string::npos);
	EXPECT_TRUE(Audited("training.remind"));
	EXPECT_EQ(SendTrainingReminders(ctx, testing_support::ShippedMessages(), staff_, staff_access_, "").error().code,
	          ErrorCode::kForbidden);
}

TEST(TrainingEvidenceTest, SuggestsFromTheRecords) {
	const auto &content = testing_support::ShippedCatalog().training;
	TrainingRecords records;
	EXPECT_FALSE(TrainingEvidenceFor(records, content, "2026-12-01").has_value());  // nothing recorded: no hint

	storage::TrainingSession planned;
	planned.id = 1;
	planned.title = "予定の研修";
	planned.planned_on = "2027-01-10";
	records.sessions = {planned};
	records.audience[1] = {10, 11, 12, 13, 14};
	auto only_planned = TrainingEvidenceFor(records, content, "2026-12-01");
	ASSERT_TRUE(only_planned.has_value());
	EXPECT_EQ(only_planned->suggested, Answer::kNotImplemented);
	EXPECT_TRUE(only_planned->last_title.empty());

	storage::TrainingSession held = planned;
	held.id = 2;
	held.title = "5か条";
	held.held = true;
	held.held_on = "2026-10-01";
	held.quiz_set = "five_articles";
	records.sessions.push_back(held);
	records.audience[2] = {10, 11, 12, 13, 14};
	records.attended[2] = {10, 11, 12, 13};  // 80 %
	records.passed[2] = {10, 11};            // 40 %
	auto recent = TrainingEvidenceFor(records, content, "2026-12-01");
	ASSERT_TRUE(recent.has_value());
	EXPECT_EQ(recent->last_title, "5か条");
	EXPECT_EQ(recent->attendance_percent, 80);
	EXPECT_EQ(recent->pass_percent, 40);
	EXPECT_EQ(recent->suggested, Answer::kImplemented);

	records.attended[2] = {10};  // 20 %: held, but few attended
	EXPECT_EQ(TrainingEvidenceFor(records, content, "2026-12-01")->suggested, Answer::kPartial);

	records.attended[2] = {10, 11, 12, 13, 14};
	auto old = TrainingEvidenceFor(records, content, "2027-12-01");  // more than 365 days later
	EXPECT_EQ(old->suggested, Answer::kPartial);
	EXPECT_EQ(old->held_recently, 0);
	EXPECT_FALSE(old->pass_percent.has_value());
}

} // namespace
} // namespace mamori::app
