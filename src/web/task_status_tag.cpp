// mamori/web/task_status_tag.cpp
#include "web/task_status_tag.hpp"

namespace mamori::web {

Json TaskStatusTag(const PageText &words, TaskStatus status, bool supported) {
	if (!supported) {
		return {{"label", words("web_orgs.status.preparing")}, {"class", "tag--blocked"}};
	}
	switch (status) {
	case TaskStatus::kDone:
		return {{"label", words("web_orgs.status.done")}, {"class", "tag--done"}};
	case TaskStatus::kInProgress:
		return {{"label", words("web_orgs.status.in_progress")}, {"class", "tag--progress"}};
	case TaskStatus::kNotStarted:
		return {{"label", words("web_orgs.status.not_started")}, {"class", "tag--todo"}};
	case TaskStatus::kCannotStartYet:
		return {{"label", words("web_orgs.status.cannot_start")}, {"class", "tag--blocked"}};
	}
	return {{"label", words("web_orgs.status.not_started")}, {"class", "tag--todo"}};
}

} // namespace mamori::web
