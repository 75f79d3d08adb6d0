// mamori/platform/retention_file.cpp
#include "platform/retention_file.hpp"

#include "platform/files.hpp"

namespace mamori::platform {

Result<RetentionSchedule> LoadRetentionSchedule(const std::string &content_dir) {
	const std::string path = content_dir + "/retention/schedule.yaml";
	const std::string text = MAMORI_TRY(ReadWholeFile(path));
	return ParseRetentionSchedule(text, path);
}

} // namespace mamori::platform
