// mamori/web/presentation/css_classes.cpp
#include "web/presentation/css_classes.hpp"

namespace mamori::web {

std::string ProgressTagClass(app::TaskProgress progress) {
	switch (progress) {
	case app::TaskProgress::kNotStarted:
		return "tag--todo";
	case app::TaskProgress::kInProgress:
		return "tag--progress";
	case app::TaskProgress::kDone:
		return "tag--done";
	}
	return "tag--todo";
}

std::string ResponseTagClass(app::ResponseState state) {
	switch (state) {
	case app::ResponseState::kNotStarted:
		return "tag--todo";
	case app::ResponseState::kInProgress:
		return "tag--progress";
	case app::ResponseState::kSubmitted:
		return "tag--done";
	}
	return "tag--todo";
}

std::string RiskLevelClass(const RiskLevelBand *level) {
	const std::string id = level != nullptr ? level->id : "low";
	return "risk-level risk-level--" + id;
}

nlohmann::json TagJson(const app::TaskTag &tag) { return {{"label", tag.label_key}, {"class", ProgressTagClass(tag.progress)}}; }

} // namespace mamori::web
