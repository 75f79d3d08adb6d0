// mamori/platform/programme_files.cpp
#include "platform/programme_files.hpp"

#include "platform/files.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace mamori::platform {

Result<std::vector<ProgrammeFile>> LoadProgrammes(const std::string &content_dir,
                                                  const std::vector<std::string> &document_kinds) {
	namespace fs = std::filesystem;
	const fs::path dir = fs::path(content_dir) / "programmes";
	std::error_code error;
	std::vector<std::string> paths;
	for (const auto &entry : fs::directory_iterator(dir, error)) {
		if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
			paths.push_back(entry.path().string());
		}
	}
	if (error) {
		return Error::Make(ErrorCode::kCatalogInvalid, dir.string() + ": " + error.message());
	}
	std::sort(paths.begin(), paths.end());
	std::vector<ProgrammeFile> files;
	std::set<std::string> ids;
	for (const auto &path : paths) {
		ProgrammeFile file{path, MAMORI_TRY(ReadWholeFile(path)), {}};
		auto programme = coaching::ParseProgramme(file.text, coaching::ProgrammeOrigin::kContent, document_kinds);
		if (!programme) {
			return Error::Make(ErrorCode::kCatalogInvalid,
			                   path + ": " + programme.error().field + ": " + programme.error().message);
		}
		if (!ids.insert(programme->id).second) {
			return Error::Make(ErrorCode::kCatalogInvalid, path + ": id " + programme->id + " is used twice");
		}
		file.programme = std::move(programme.value());
		files.push_back(std::move(file));
	}
	if (files.empty()) {
		return Error::Make(ErrorCode::kCatalogInvalid, dir.string() + ": no programme");
	}
	return files;
}

} // namespace mamori::platform
