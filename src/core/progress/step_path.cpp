// mamori/core/progress/step_path.cpp
#include "core/progress/step_path.hpp"

namespace mamori {

std::map<std::string, TaskStatus> TaskStatusesFromFacts(const ProgressFacts &facts) {
	std::map<std::string, TaskStatus> statuses;

	// The task is done when all five are 実施済み; any article under way or
	// done makes it 途中.
	const int started_articles = facts.five_articles_total - static_cast<int>(facts.five_articles_not_started.size());
	const int done_articles = facts.five_articles_total - static_cast<int>(facts.five_articles_pending.size());
	statuses["five_articles"] = facts.five_articles_pending.empty()       ? TaskStatus::kDone
	                            : done_articles > 0 || started_articles > 0 ? TaskStatus::kInProgress
	                                                                        : TaskStatus::kNotStarted;

	statuses["selfcheck"] = facts.selfcheck_completed ? TaskStatus::kDone
	                        : facts.selfcheck_started ? TaskStatus::kInProgress
	                                                  : TaskStatus::kNotStarted;

	statuses["basic_policy"] = facts.policy_published && facts.policy_established ? TaskStatus::kDone
	                           : facts.policy_drafted                             ? TaskStatus::kInProgress
	                                                                              : TaskStatus::kNotStarted;

	// Step 2 ends with the handbook in employees' hands (issue 8).
	statuses["handbook"] = facts.handbook_published ? TaskStatus::kDone
	                       : facts.handbook_started ? TaskStatus::kInProgress
	                                                : TaskStatus::kNotStarted;

	const bool analysed = facts.risk_assets > 0 && facts.risk_check_complete && facts.risks_needing_decision == 0;
	statuses["risk_analysis"] = analysed                ? TaskStatus::kDone
	                            : facts.risk_assets > 0 ? TaskStatus::kInProgress
	                                                    : TaskStatus::kNotStarted;
	return statuses;
}

StepPosition LocateOnPath(const std::vector<PathStepDefinition> &path,
                          const std::map<std::string, TaskStatus> &statuses) {
	StepPosition position;
	position.current_step = static_cast<int>(path.size()) + 1;
	bool found_current = false;

	for (const auto &step_definition : path) {
		PathStep step;
		step.definition = &step_definition;
		step.complete = true;
		for (const auto &task_definition : step_definition.tasks) {
			PathTask task;
			task.definition = &task_definition;
			auto found = statuses.find(task_definition.id);
			task.supported = found != statuses.end();
			task.status = task.supported ? found->second : TaskStatus::kNotStarted;
			if (task.status != TaskStatus::kDone) {
				step.complete = false;
			}
			step.tasks.push_back(task);
		}
		if (!step.complete && !found_current) {
			position.current_step = step_definition.number;
			found_current = true;
		}
		position.steps.push_back(std::move(step));
	}

	for (auto &step : position.steps) {
		if (step.complete && step.definition->number < position.current_step) {
			position.reached_step = step.definition->number;
		}
		// The guideline builds each step on the previous one: a firm works on
		// its current step and may look ahead one step, not further.
		if (step.definition->number > position.current_step + 1) {
			for (auto &task : step.tasks) {
				if (task.status == TaskStatus::kNotStarted) {
					task.status = TaskStatus::kCannotStartYet;
				}
			}
		}
	}

	for (const auto &step : position.steps) {
		for (const auto &task : step.tasks) {
			if (position.next_tasks.size() >= 3) {
				break;
			}
			if (task.supported &&
			    (task.status == TaskStatus::kNotStarted || task.status == TaskStatus::kInProgress)) {
				position.next_tasks.push_back(task);
			}
		}
	}
	return position;
}

} // namespace mamori
