// mamori/tests/unit/support/temp_dir.hpp
//
// A fresh, empty folder per test under the system temp folder, removed
// afterwards: databases, migration copies and exports go here. The name
// carries the process id and the test's name, so parallel ctest runs and a
// failing test's leftovers never collide.
#pragma once

#include <filesystem>
#include <string>

namespace mamori::testing_support {

class TempDir {
public:
	//! `prefix` names the suite ("store", "check_migration").
	explicit TempDir(const std::string &prefix);
	~TempDir();
	TempDir(const TempDir &) = delete;
	TempDir &operator=(const TempDir &) = delete;

	const std::filesystem::path &path() const { return path_; }
	//! path() / name, as a string.
	std::string File(const std::string &name) const { return (path_ / name).string(); }

private:
	std::filesystem::path path_;
};

} // namespace mamori::testing_support
