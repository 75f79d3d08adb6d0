// mamori/tests/unit/core/progress/step_path_test.cpp
//
// Position on the step-up path (表3): the current step is the first with
// unfinished tasks; steps more than one beyond it cannot be started yet;
// at most three next tasks, in path order, only those mamori supports.
#include "core/progress/step_path.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

namespace mamori {
namespace {

const std::vector<PathStepDefinition> &Path() {
	return testing_support::ShippedCatalog().DefaultEdition().step_path;
}

using Statuses = std::map<std::string, TaskStatus>;

std::vector<std::string> StepIds(const std::vector<PathTask> &tasks) {
	std::vector<std::string> ids;
	for (const auto &task : tasks) ids.push_back(task.definition->id);
	return ids;
}

const PathTask &FindTask(const StepPosition &position, const std::string &id) {
	for (const auto &step : position.steps) {
		for (const auto &task : step.tasks) {
			if (task.definition->id == id) return task;
		}
	}
	ADD_FAILURE() << "no task " << id;
	static PathTask none;
	return none;
}

//! Every task of steps 1..last done.
Statuses DoneThrough(int last) {
	Statuses statuses;
	for (const auto &step : Path()) {
		if (step.number > last) break;
		for (const auto &task : step.tasks) statuses[task.id] = TaskStatus::kDone;
	}
	return statuses;
}

ProgressFacts NothingDone() {
	ProgressFacts facts;
	facts.five_articles_pending = {1, 2, 3, 4, 5};
	facts.five_articles_not_started = {1, 2, 3, 4, 5};
	return facts;
}

TEST(StepPathTest, EditionHasFourSteps) {
	ASSERT_EQ(Path().size(), 4u);
	EXPECT_EQ(Path()[0].tasks.front().id, "five_articles");
}

TEST(StepPathTest, StatusesFromFacts) {
	auto statuses = TaskStatusesFromFacts(NothingDone());
	EXPECT_EQ(statuses.at("five_articles"), TaskStatus::kNotStarted);
	EXPECT_EQ(statuses.at("selfcheck"), TaskStatus::kNotStarted);
	EXPECT_EQ(statuses.at("basic_policy"), TaskStatus::kNotStarted);

	ProgressFacts some = NothingDone();
	some.five_articles_pending = {4, 5};
	some.five_articles_not_started = {4, 5};
	some.selfcheck_started = true;
	some.policy_drafted = true;
	statuses = TaskStatusesFromFacts(some);
	EXPECT_EQ(statuses.at("five_articles"), TaskStatus::kInProgress);
	EXPECT_EQ(statuses.at("selfcheck"), TaskStatus::kInProgress);
	EXPECT_EQ(statuses.at("basic_policy"), TaskStatus::kInProgress);

	some.policy_established = true;  // established but not yet published: still in progress
	EXPECT_EQ(TaskStatusesFromFacts(some).at("basic_policy"), TaskStatus::kInProgress);

	ProgressFacts all;
	all.selfcheck_started = all.selfcheck_completed = true;
	all.policy_drafted = all.policy_established = all.policy_published = true;
	statuses = TaskStatusesFromFacts(all);
	EXPECT_EQ(statuses.at("five_articles"), TaskStatus::kDone);
	EXPECT_EQ(statuses.at("selfcheck"), TaskStatus::kDone);
	EXPECT_EQ(statuses.at("basic_policy"), TaskStatus::kDone);
}

TEST(StepPathTest, FiveArticlesUnderWayAreInProgressNotDone) {
	// All five 実施中: ★1 can be declared, but the task itself is not finished.
	ProgressFacts facts = NothingDone();
	facts.five_articles_not_started.clear();
	EXPECT_EQ(TaskStatusesFromFacts(facts).at("five_articles"), TaskStatus::kInProgress);
	facts.five_articles_not_started = {1, 2, 3, 4};  // one of five under way
	EXPECT_EQ(TaskStatusesFromFacts(facts).at("five_articles"), TaskStatus::kInProgress);
}

TEST(StepPathTest, RiskAnalysisStatusFromFacts) {
	ProgressFacts facts = NothingDone();
	EXPECT_EQ(TaskStatusesFromFacts(facts).at("risk_analysis"), TaskStatus::kNotStarted);

	// Answers or decisions without any asset do not start the task.
	facts.risk_check_complete = true;
	EXPECT_EQ(TaskStatusesFromFacts(facts).at("risk_analysis"), TaskStatus::kNotStarted);
	facts.risk_check_complete = false;

	facts.risk_assets = 3;
	EXPECT_EQ(TaskStatusesFromFacts(facts).at("risk_analysis"), TaskStatus::kInProgress);

	// Every item checked but risks still undecided: in progress.
	facts.risk_check_complete = true;
	facts.risks_needing_decision = 2;
	EXPECT_EQ(TaskStatusesFromFacts(facts).at("risk_analysis"), TaskStatus::kInProgress);

	// All decided but the check is incomplete: in progress.
	facts.risk_check_complete = false;
	facts.risks_needing_decision = 0;
	EXPECT_EQ(TaskStatusesFromFacts(facts).at("risk_analysis"), TaskStatus::kInProgress);

	facts.risk_check_complete = true;
	EXPECT_EQ(TaskStatusesFromFacts(facts).at("risk_analysis"), TaskStatus::kDone);

	// The other tasks do not depend on the risk facts.
	const auto statuses = TaskStatusesFromFacts(facts);
	EXPECT_EQ(statuses.at("five_articles"), TaskStatus::kNotStarted);
	EXPECT_EQ(statuses.at("selfcheck"), TaskStatus::kNotStarted);
}

TEST(StepPathTest, RiskAnalysisDoneShowsOnStepFour) {
	ProgressFacts facts = NothingDone();
	facts.risk_assets = 1;
	facts.risk_check_complete = true;
	auto position = LocateOnPath(Path(), TaskStatusesFromFacts(facts));
	EXPECT_TRUE(FindTask(position, "risk_analysis").supported);
	EXPECT_EQ(FindTask(position, "risk_analysis").status, TaskStatus::kDone);  // far ahead, but done stays done

	facts.risk_check_complete = false;
	position = LocateOnPath(Path(), TaskStatusesFromFacts(facts));
	EXPECT_EQ(FindTask(position, "risk_analysis").status, TaskStatus::kInProgress);

	facts.risk_assets = 0;
	position = LocateOnPath(Path(), TaskStatusesFromFacts(facts));
	EXPECT_EQ(FindTask(position, "risk_analysis").status, TaskStatus::kCannotStartYet);  // step 4 from step 1
}

TEST(StepPathTest, NothingDoneStartsAtStepOne) {
	const auto position = LocateOnPath(Path(), TaskStatusesFromFacts(NothingDone()));
	EXPECT_EQ(position.current_step, 1);
	EXPECT_EQ(position.reached_step, 0);
	ASSERT_EQ(position.steps.size(), 4u);
	// Step 2 is the one look-ahead step: open.
	for (const auto &task : position.steps[1].tasks) {
		EXPECT_EQ(task.status, TaskStatus::kNotStarted) << task.definition->id;
	}
	// Steps 3 and 4: more than one beyond → cannot start yet.
	for (size_t idx : {2u, 3u}) {
		for (const auto &task : position.steps[idx].tasks) {
			EXPECT_EQ(task.status, TaskStatus::kCannotStartYet) << task.definition->id;
		}
	}
	EXPECT_EQ(StepIds(position.next_tasks), (std::vector<std::string>{"five_articles", "basic_policy", "selfcheck"}));
}

TEST(StepPathTest, FiveArticlesDoneMovesToStepTwo) {
	ProgressFacts facts = NothingDone();
	facts.five_articles_pending.clear();
	facts.five_articles_not_started.clear();
	const auto position = LocateOnPath(Path(), TaskStatusesFromFacts(facts));
	EXPECT_EQ(position.current_step, 2);
	EXPECT_EQ(position.reached_step, 1);
	EXPECT_TRUE(position.steps[0].complete);
	EXPECT_FALSE(position.steps[1].complete);
	for (const auto &task : position.steps[2].tasks) {
		EXPECT_NE(task.status, TaskStatus::kCannotStartYet) << task.definition->id;
	}
	for (const auto &task : position.steps[3].tasks) {
		EXPECT_EQ(task.status, TaskStatus::kCannotStartYet) << task.definition->id;
	}
	EXPECT_EQ(StepIds(position.next_tasks), (std::vector<std::string>{"basic_policy", "selfcheck", "handbook"}));
}

TEST(StepPathTest, StepTwoEndsWhenTheHandbookIsPublished) {
	ProgressFacts facts;
	facts.five_articles_pending = {};
	facts.selfcheck_started = facts.selfcheck_completed = true;
	facts.policy_drafted = facts.policy_established = facts.policy_published = true;
	auto position = LocateOnPath(Path(), TaskStatusesFromFacts(facts));
	EXPECT_EQ(position.current_step, 2);
	EXPECT_TRUE(FindTask(position, "handbook").supported);
	EXPECT_EQ(FindTask(position, "handbook").status, TaskStatus::kNotStarted);
	EXPECT_EQ(StepIds(position.next_tasks), (std::vector<std::string>{"handbook"}));

	facts.handbook_started = true;
	position = LocateOnPath(Path(), TaskStatusesFromFacts(facts));
	EXPECT_EQ(FindTask(position, "handbook").status, TaskStatus::kInProgress);
	EXPECT_EQ(position.current_step, 2);

	facts.handbook_published = true;
	position = LocateOnPath(Path(), TaskStatusesFromFacts(facts));
	EXPECT_EQ(FindTask(position, "handbook").status, TaskStatus::kDone);
	EXPECT_TRUE(position.steps[1].complete);
	EXPECT_EQ(position.current_step, 3);
}

TEST(StepPathTest, UnsupportedTasksCountAsNotStartedAndAreNotSuggested) {
	// Step 3's tasks have no status from the facts yet: step 3 stays current
	// even when everything before it is done.
	ProgressFacts facts;
	facts.selfcheck_started = facts.selfcheck_completed = true;
	facts.policy_drafted = facts.policy_established = facts.policy_published = true;
	facts.handbook_started = facts.handbook_published = true;
	const auto position = LocateOnPath(Path(), TaskStatusesFromFacts(facts));
	EXPECT_EQ(position.current_step, 3);
	EXPECT_FALSE(FindTask(position, "management_structure").supported);
	EXPECT_EQ(FindTask(position, "management_structure").status, TaskStatus::kNotStarted);
	EXPECT_TRUE(FindTask(position, "handbook").supported);
	for (const auto &task : position.next_tasks) {
		EXPECT_TRUE(task.supported) << task.definition->id << " is suggested without a screen";
	}
}

TEST(StepPathTest, CurrentStepFromExplicitStatuses) {
	for (int last = 0; last <= 3; ++last) {
		const auto position = LocateOnPath(Path(), DoneThrough(last));
		EXPECT_EQ(position.current_step, last + 1) << last;
		EXPECT_EQ(position.reached_step, last) << last;
		for (const auto &step : position.steps) {
			for (const auto &task : step.tasks) {
				const bool far = step.definition->number > last + 2;
				EXPECT_EQ(task.status == TaskStatus::kCannotStartYet, far) << task.definition->id << " at " << last;
			}
		}
	}
}

TEST(StepPathTest, AllDone) {
	const auto position = LocateOnPath(Path(), DoneThrough(4));
	EXPECT_EQ(position.current_step, 5);
	EXPECT_EQ(position.reached_step, 4);
	EXPECT_TRUE(position.next_tasks.empty());
	for (const auto &step : position.steps) EXPECT_TRUE(step.complete);
}

TEST(StepPathTest, FarTasksAlreadyStartedOrDoneKeepTheirStatus) {
	Statuses statuses;
	statuses["five_articles"] = TaskStatus::kInProgress;
	statuses["risk_analysis"] = TaskStatus::kDone;
	statuses["cloud"] = TaskStatus::kInProgress;
	statuses["website"] = TaskStatus::kNotStarted;
	const auto position = LocateOnPath(Path(), statuses);
	EXPECT_EQ(position.current_step, 1);
	EXPECT_EQ(FindTask(position, "risk_analysis").status, TaskStatus::kDone);
	EXPECT_EQ(FindTask(position, "cloud").status, TaskStatus::kInProgress);
	EXPECT_EQ(FindTask(position, "website").status, TaskStatus::kCannotStartYet);
}

TEST(StepPathTest, NextTasksAtMostThreeInPathOrder) {
	Statuses statuses = DoneThrough(2);
	for (const char *id : {"management_structure", "budget", "regulations", "outsourcing", "review", "cloud"}) {
		statuses[id] = TaskStatus::kNotStarted;
	}
	statuses["budget"] = TaskStatus::kDone;
	const auto position = LocateOnPath(Path(), statuses);
	EXPECT_EQ(position.current_step, 3);
	EXPECT_EQ(StepIds(position.next_tasks), (std::vector<std::string>{"management_structure", "regulations", "outsourcing"}));
}

RC_GTEST_PROP(StepPathProperty, CannotStartOnlyBeyondLookAhead, ()) {
	Statuses statuses;
	for (const auto &step : Path()) {
		for (const auto &task : step.tasks) {
			const int code = *rc::gen::inRange(0, 4);  // 3: unsupported
			if (code < 3) statuses[task.id] = static_cast<TaskStatus>(code);
		}
	}
	const auto position = LocateOnPath(Path(), statuses);
	RC_ASSERT(position.current_step >= 1);
	RC_ASSERT(position.current_step <= 5);
	RC_ASSERT(position.reached_step < position.current_step);
	RC_ASSERT(position.next_tasks.size() <= 3u);
	for (const auto &step : position.steps) {
		if (step.definition->number < position.current_step) RC_ASSERT(step.complete);
		if (step.definition->number == position.current_step) RC_ASSERT(!step.complete);
		for (const auto &task : step.tasks) {
			if (task.status == TaskStatus::kCannotStartYet) {
				RC_ASSERT(step.definition->number > position.current_step + 1);
			}
			if (step.definition->number > position.current_step + 1) {
				RC_ASSERT(task.status != TaskStatus::kNotStarted);
			}
		}
	}
	for (const auto &task : position.next_tasks) {
		RC_ASSERT(task.supported);
		RC_ASSERT(task.status == TaskStatus::kNotStarted || task.status == TaskStatus::kInProgress);
	}
}

} // namespace
} // namespace mamori
