// mamori/tests/unit/support/temp_dir.cpp
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>

namespace mamori::testing_support {

namespace fs = std::filesystem;

TempDir::TempDir(const std::string &prefix) {
	static std::atomic<int> counter{0};
	std::string name = "mamori_" + prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
	if (const auto *info = ::testing::UnitTest::GetInstance()->current_test_info(); info != nullptr) {
		name += "_";
		// Parameterised names hold '/', which would make a sub-folder.
		for (char c : std::string(info->name())) {
			name += (c == '/' ? '_' : c);
		}
	}
	path_ = fs::temp_directory_path() / name;
	fs::remove_all(path_);
	fs::create_directories(path_);
}

TempDir::~TempDir() {
	std::error_code ignored;
	fs::remove_all(path_, ignored);
}

} // namespace mamori::testing_support
