// mamori/core/progress/step_path.hpp
//
// Where the organisation stands on the guideline's step-up path (表3:
// Step 1 できるところから始める … Step 4 より強固にするための方策), and what
// to do next. The steps and their tasks are edition content; this code only
// decides statuses.
#pragma once

#include "core/catalog/edition.hpp"
#include "core/progress/readiness.hpp"

#include <map>
#include <string>
#include <vector>

namespace mamori {

enum class TaskStatus {
	kNotStarted,     // 未着手
	kInProgress,     // 途中
	kDone,           // 完了
	kCannotStartYet, // まだ開始できません (an earlier step is unfinished)
};

struct PathTask {
	const PathTaskDefinition *definition = nullptr;
	TaskStatus status = TaskStatus::kNotStarted;
	bool supported = false;  // mamori has a screen for it in this version
};

struct PathStep {
	const PathStepDefinition *definition = nullptr;
	std::vector<PathTask> tasks;
	bool complete = false;
};

struct StepPosition {
	std::vector<PathStep> steps;
	int current_step = 1;      // first step with unfinished tasks (steps.size() + 1 when all done)
	int reached_step = 0;      // last fully completed step
	std::vector<PathTask> next_tasks;  // at most three, in path order
};

//! The raw status of the tasks mamori tracks, derived from the facts.
std::map<std::string, TaskStatus> TaskStatusesFromFacts(const ProgressFacts &facts);

//! Applies the path rule: a step more than one step beyond the current one
//! cannot be started yet. Tasks missing from `statuses` are unsupported and
//! count as not started.
StepPosition LocateOnPath(const std::vector<PathStepDefinition> &path,
                          const std::map<std::string, TaskStatus> &statuses);

} // namespace mamori
