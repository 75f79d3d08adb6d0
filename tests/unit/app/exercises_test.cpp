// mamori/tests/unit/app/exercises_test.cpp
//
// Tabletop exercises in the app layer (issue 9), on the real SQLite store:
// a session is created with members and outsiders; choices are recorded,
// audited and compared with the manual; an unknown option names the
// participant's field; a finished exercise refuses changes (kConflict); a
// 回答者 may not edit; a firm scenario that does not load is refused naming
// the entry and nothing is saved.
#include "app/exercise_scenarios.hpp"
#include "app/exercises.hpp"
#include "app/incident_procedures.hpp"
#include "support/catalog.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>

namespace mamori::app {
namespace {

class ExercisesTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		storage::User user;
		user.email = "editor@example.jp";
		actor_.user_id = store_->CreateUser(user).value();
		actor_.email = user.email;
		auto ctx = Ctx();
		const Id org_id = CreateOrganization(ctx, actor_, {"甲野製作所株式会社", "manufacturing", 10'000'000, 20}).value();
		access_ = AccessOrganization(ctx, actor_.user_id, org_id).value();
	}

	AppContext Ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_};
	}

	ExerciseInput Input() {
		ExerciseInput input;
		input.held_on = "2026-12-04";
		input.scenario_key = "builtin:targeted_mail_attack";
		input.facilitator_id = actor_.user_id;
		input.member_ids = {actor_.user_id};
		input.outsiders = {"委託先 佐藤"};
		return input;
	}

	bool Audited(const std::string &action) {
		auto audit = store_->ListAudit(access_.org.id, 50, 0).value();
		return std::any_of(audit.begin(), audit.end(), [&](const auto &entry) { return entry.action == action; });
	}

	testing_support::TempDir dir_{"app_exercises"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2026-12-04T01:00:00Z");
	Actor actor_;
	OrgAccess access_;
};

TEST_F(ExercisesTest, BadInputNamesTheField) {
	auto ctx = Ctx();
	auto expect_field = [&](ExerciseInput input, const std::string &field) {
		auto created = CreateExercise(ctx, actor_, access_, input);
		ASSERT_FALSE(created.ok()) << field;
		EXPECT_EQ(created.error().code, ErrorCode::kInvalidInput);
		EXPECT_EQ(created.error().field, field);
	};
	auto input = Input();
	input.held_on = "2026-02-30";
	expect_field(input, "held_on");
	input = Input();
	input.scenario_key = "builtin:nothing";
	expect_field(input, "scenario");
	input.scenario_key = "firm:99";
	expect_field(input, "scenario");
	input = Input();
	input.facilitator_id = 12345;
	expect_field(input, "facilitator");
	input = Input();
	input.member_ids = {12345};
	expect_field(input, "participants");
	input = Input();
	input.member_ids.clear();
	input.outsiders = {" "};
	expect_field(input, "participants");
	EXPECT_TRUE(ListExercises(ctx, access_)->empty());
}

TEST_F(ExercisesTest, ChoicesAreRecordedAuditedAndComparedWithTheManual) {
	auto ctx = Ctx();
	const Id id = CreateExercise(ctx, actor_, access_, Input()).value();
	auto record = GetExercise(ctx, access_, id).value();
	ASSERT_EQ(record.participants.size(), 2U);
	EXPECT_EQ(record.participants[1].name, "委託先 佐藤");
	const Id me = record.participants[0].id;
	const Id outsider = record.participants[1].id;

	auto unknown = RecordChoices(ctx, actor_, access_, id, "first_response", {{me, "report_up"}, {outsider, "pray"}});
	ASSERT_FALSE(unknown.ok());
	EXPECT_EQ(unknown.error().field, "choice-" + std::to_string(outsider));
	EXPECT_TRUE(GetExercise(ctx, access_, id)->choices.empty()) << "nothing stored";

	ASSERT_TRUE(RecordChoices(ctx, actor_, access_, id, "first_response", {{me, "report_up"}, {outsider, "wait_and_see"}}).ok());
	EXPECT_EQ(RecordChoices(ctx, actor_, access_, id, "no_such_decision", {{me, "report_up"}}).error().code,
	          ErrorCode::kNotFound);
	record = GetExercise(ctx, access_, id).value();
	EXPECT_EQ(record.ChoiceOf(me, "first_response"), "report_up");
	EXPECT_EQ(record.choices[0].recorded_at, "2026-12-04T01:00:00Z");
	EXPECT_TRUE(Audited("exercise.create"));
	EXPECT_TRUE(Audited("exercise.choices"));

	const auto manual = ExerciseManual(ctx, access_, Locale::kJa).value();
	const auto comparison = CompareExercise(record, manual.procedures);
	ASSERT_EQ(comparison.participants.size(), 2U);
	EXPECT_EQ(comparison.participants[0].agreeing, 1);
	EXPECT_EQ(comparison.participants[1].agreeing, 0);
	EXPECT_EQ(comparison.participants[1].answered, 1);

	// The firm's own manual decides: once its leak procedure no longer has the
	// reporting step, choosing to report up no longer agrees with it.
	const auto &leak3 = *ctx.catalog.incident.procedures.FindKind("leak")->ForLevel(3);
	std::vector<incident::ProcedureStep> adapted_steps;
	std::copy_if(leak3.steps.begin(), leak3.steps.end(), std::back_inserter(adapted_steps),
	             [](const incident::ProcedureStep &step) { return step.id != "report"; });
	ASSERT_TRUE(SaveFirmProcedure(ctx, actor_, access_, "leak", incident::LevelsKey(leak3.levels), adapted_steps).ok());
	const auto adapted = ExerciseManual(ctx, access_, Locale::kJa).value();
	EXPECT_EQ(CompareExercise(record, adapted.procedures).participants[0].agreeing, 0);

	ASSERT_TRUE(FinishExercise(ctx, actor_, access_, id).ok());
	EXPECT_TRUE(Audited("exercise.finish"));
	EXPECT_EQ(RecordChoices(ctx, actor_, access_, id, "first_response", {{me, "call_experts"}}).error().code,
	          ErrorCode::kConflict);
	EXPECT_EQ(FinishExercise(ctx, actor_, access_, id).error().code, ErrorCode::kConflict);
}

TEST_F(ExercisesTest, RespondentsMayNotEdit) {
	auto ctx = Ctx();
	OrgAccess respondent = access_;
	respondent.membership.role = storage::Role::kRespondent;
	EXPECT_EQ(CreateExercise(ctx, actor_, respondent, Input()).error().code, ErrorCode::kForbidden);
	const Id id = CreateExercise(ctx, actor_, access_, Input()).value();
	const Id me = GetExercise(ctx, access_, id)->participants[0].id;
	EXPECT_EQ(RecordChoices(ctx, actor_, respondent, id, "first_response", {{me, "report_up"}}).error().code,
	          ErrorCode::kForbidden);
	EXPECT_EQ(FinishExercise(ctx, actor_, respondent, id).error().code, ErrorCode::kForbidden);
	EXPECT_EQ(CopyBuiltinScenario(ctx, actor_, respondent, "targeted_mail_attack").error().code, ErrorCode::kForbidden);
	EXPECT_TRUE(GetExercise(ctx, respondent, id).ok()) << "a respondent still reads it";
}

TEST_F(ExercisesTest, FirmScenarioIsCheckedAndAnExerciseKeepsItsText) {
	auto ctx = Ctx();
	const Id scenario_id = CopyBuiltinScenario(ctx, actor_, access_, "targeted_mail_attack").value();
	const std::string original = GetFirmScenario(ctx, access_, scenario_id)->yaml;
	EXPECT_TRUE(Audited("exercise_scenario.copy"));

	std::string broken = original;
	broken.replace(broken.find("step: disconnect }"), 18, "step: unplug }");
	auto refused = SaveFirmScenario(ctx, actor_, access_, scenario_id, broken);
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().field, "yaml");
	EXPECT_EQ(refused.error().message, "app_exercises.yaml_invalid_at");
	ASSERT_FALSE(refused.error().params.empty());
	EXPECT_EQ(refused.error().params[0].second, "scenes[6].decision.options[0].steps[0].step");
	EXPECT_EQ(GetFirmScenario(ctx, access_, scenario_id)->yaml, original) << "nothing saved";

	std::string renamed = original;
	const std::string title = "title: \"標的型メールから始まるカード情報の流出\"";
	renamed.replace(renamed.find(title), title.size(), "title: \"当社版\"");
	ASSERT_TRUE(SaveFirmScenario(ctx, actor_, access_, scenario_id, renamed).ok());
	EXPECT_EQ(GetFirmScenario(ctx, access_, scenario_id)->title, "当社版");

	auto input = Input();
	input.scenario_key = "firm:" + std::to_string(scenario_id);
	const Id id = CreateExercise(ctx, actor_, access_, input).value();
	// Editing the scenario afterwards does not change the exercise run with it.
	ASSERT_TRUE(SaveFirmScenario(ctx, actor_, access_, scenario_id, original).ok());
	EXPECT_EQ(GetExercise(ctx, access_, id)->scenario.title.ja, "当社版");
}

} // namespace
} // namespace mamori::app
