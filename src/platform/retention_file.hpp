// mamori/platform/retention_file.hpp
// Reads the retention schedule of content/ (content/retention/schedule.yaml).
#pragma once

#include "core/retention/retention_schedule.hpp"

#include <string>

namespace mamori::platform {

Result<RetentionSchedule> LoadRetentionSchedule(const std::string &content_dir);

} // namespace mamori::platform
