// mamori/web/task_status_tag.hpp
//
// The tag (label and class) of a step-up path task's status, shared by the
// dashboard and the owner's view, so the two say the same words.
#pragma once

#include "core/progress/step_path.hpp"
#include "web/web_app.hpp"

namespace mamori::web {

//! {label, class}: 完了 / 途中 / 未着手 / まだ開始できません, or 準備中 when mamori has no screen for it yet.
Json TaskStatusTag(const PageText &words, TaskStatus status, bool supported);

} // namespace mamori::web
