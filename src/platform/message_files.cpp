// mamori/platform/message_files.cpp
#include "platform/message_files.hpp"

#include "platform/files.hpp"

#include <algorithm>
#include <filesystem>

namespace mamori::platform {

namespace fs = std::filesystem;

Result<MessageCatalog> LoadMessages(const std::string &content_dir) {
	MessageFiles files;
	for (Locale locale : kAllLocales) {
		const fs::path dir = fs::path(content_dir) / "messages" / std::string(LocaleCode(locale));
		std::error_code error;
		std::vector<fs::path> paths;
		for (auto it = fs::directory_iterator(dir, error); !error && it != fs::end(it); it.increment(error)) {
			if (it->is_regular_file() && it->path().extension() == ".yaml") paths.push_back(it->path());
		}
		if (error) {
			return Error{ErrorCode::kCatalogInvalid, dir.string(), "cannot list the message folder: " + error.message()};
		}
		// Sorted, so a key defined twice is reported the same way on every machine.
		std::sort(paths.begin(), paths.end());
		for (const auto &path : paths) {
			auto text = ReadWholeFile(path.string());
			if (!text) return text.error();
			files[locale].push_back(MessageFile{path.filename().string(), std::move(text.value())});
		}
	}
	return MessageCatalog::Parse(files);
}

} // namespace mamori::platform
