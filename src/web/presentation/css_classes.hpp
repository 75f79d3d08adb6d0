// mamori/web/presentation/css_classes.hpp
//
// The CSS classes pages use for states and levels (web/static/app.css). app/
// says what state a thing is in; only this file says how that looks.
#pragma once

#include "app/risk_views.hpp"
#include "app/selfcheck_views.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace mamori::web {

//! The tag of a task: "tag--todo", "tag--progress" or "tag--done".
std::string ProgressTagClass(app::TaskProgress progress);
//! A task that cannot start yet.
inline constexpr const char *kBlockedTagClass = "tag--blocked";
//! The tag of a respondent's sheet in the current round.
std::string ResponseTagClass(app::ResponseState state);
//! CSS classes of a cell showing a risk level: "risk-level risk-level--high" (or --medium, --low).
//! The cell always prints 大/中/小 as text too, so colour is never the only cue.
std::string RiskLevelClass(const RiskLevelBand *level);

//! {"label", "class"} for a task tag, as the templates take it.
nlohmann::json TagJson(const app::TaskTag &tag);

} // namespace mamori::web
