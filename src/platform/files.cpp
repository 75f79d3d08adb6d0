// mamori/platform/files.cpp
#include "platform/files.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

namespace mamori::platform {

namespace fs = std::filesystem;

Result<std::string> ReadWholeFile(const std::string &path) {
	std::ifstream in(path, std::ios::binary | std::ios::ate);
	if (!in) {
		return Error{ErrorCode::kInvalidInput, path, "errors.file.open"};
	}
	// Sized once from the file's length (a string stream grew and copied it,
	// which showed in a start's profile); read on to the end in case it grew.
	std::string bytes;
	if (const std::streamoff length = in.tellg(); length > 0) {
		bytes.reserve(static_cast<size_t>(length));
	}
	in.seekg(0);
	char chunk[64 * 1024];
	while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
		bytes.append(chunk, static_cast<size_t>(in.gcount()));
	}
	if (in.bad()) {
		return Error{ErrorCode::kInvalidInput, path, "errors.file.read"};
	}
	return bytes;
}

Status WriteWholeFile(const std::string &path, const std::string &bytes) {
	// Written beside the target and renamed over it, so a failure (a full
	// disk, a kill) never leaves a half-written file under the real name.
	const std::string partial = path + ".partial";
	{
		std::ofstream out(partial, std::ios::binary | std::ios::trunc);
		out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
		out.flush();
		if (!out) {
			std::error_code ignored;
			fs::remove(partial, ignored);
			return Error{ErrorCode::kInternal, path, "errors.file.write"};
		}
	}
	std::error_code error;
	fs::rename(partial, path, error);
	if (error) {
		fs::remove(partial, error);
		return Error{ErrorCode::kInternal, path, "errors.file.write"};
	}
	return OkStatus();
}

bool FileExists(const std::string &path) {
	std::error_code ignored;
	return fs::exists(path, ignored);
}

static fs::path ExecutableDir() {
	std::error_code error;
	fs::path exe = fs::read_symlink("/proc/self/exe", error);
	return error ? fs::current_path() : exe.parent_path();
}

Result<std::string> LocateResourceDir(const std::string &name) {
	std::vector<fs::path> candidates;
	if (const char *home = std::getenv("MAMORI_HOME"); home != nullptr && *home != '\0') {
		candidates.push_back(fs::path(home) / name);
	}
	const fs::path exe_dir = ExecutableDir();
	candidates.push_back(exe_dir.parent_path() / name);
	candidates.push_back(exe_dir / name);
	candidates.push_back(fs::current_path() / name);
	for (const auto &candidate : candidates) {
		std::error_code ignored;
		if (fs::is_directory(candidate, ignored)) {
			return candidate.lexically_normal().string();
		}
	}
	return Error::Make(ErrorCode::kInternal, "resource folder '" + name +
	                                             "' not found; set MAMORI_HOME to the mamori source folder");
}

Result<ContentFiles> ReadContentFiles(const std::string &content_dir) {
	ContentFiles files;
	std::error_code error;
	for (auto it = fs::recursive_directory_iterator(content_dir, error); !error && it != fs::end(it);
	     it.increment(error)) {
		if (!it->is_regular_file()) {
			continue;
		}
		const std::string extension = it->path().extension().string();
		if (extension != ".yaml" && extension != ".txt") {
			continue;
		}
		auto text = ReadWholeFile(it->path().string());
		if (!text) {
			return text.error();
		}
		// The iterator's paths start with content_dir as given: its relative part is the name
		// (fs::relative canonicalises both paths, a stat per folder per file).
		files.emplace(it->path().lexically_relative(content_dir).generic_string(), std::move(text.value()));
	}
	if (error) {
		return Error{ErrorCode::kCatalogInvalid, content_dir, "cannot list the content folder: " + error.message()};
	}
	return files;
}

//! Puts the content folder in front of the file an error names.
static Error LocatedIn(const std::string &content_dir, Error error) {
	error.field = (fs::path(content_dir) / error.field).string();
	return error;
}

Result<Catalog> LoadCatalog(const std::string &content_dir) {
	const ContentFiles files = MAMORI_TRY(ReadContentFiles(content_dir));
	auto catalog = ParseCatalog(files);
	if (!catalog) {
		return LocatedIn(content_dir, catalog.error());
	}
	return catalog;
}

Result<Catalogs> LoadCatalogs(const std::string &content_dir) {
	const ContentFiles files = MAMORI_TRY(ReadContentFiles(content_dir));
	// The list of common passwords (some 30,000 lines to sort) is built on a thread of its own
	// while the YAML parses: it was a tenth of a server's start. Without the file, ParseCatalogs
	// reports it missing as before.
	std::shared_future<CommonPasswords> building;
	CommonPasswordsSource common_passwords;
	if (auto found = files.find("common_passwords.txt"); found != files.end()) {
		building = std::async(std::launch::async, [&text = found->second] {
			           return CommonPasswords::FromText(text);
		           }).share();
		common_passwords = [building] { return building.get(); };
	}
	auto catalogs = ParseCatalogs(files, common_passwords);
	if (!catalogs) {
		return LocatedIn(content_dir, catalogs.error());
	}
	return catalogs;
}

} // namespace mamori::platform
