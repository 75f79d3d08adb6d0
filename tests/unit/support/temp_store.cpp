// mamori/tests/unit/support/temp_store.cpp
#include "support/temp_store.hpp"

#include "storage/open_store.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

namespace mamori::testing_support {

std::unique_ptr<storage::Store> OpenTempStore(const TempDir &dir) {
	auto opened = storage::OpenStore("sqlite:" + dir.File("mamori.db"), SourcePath("migrations"));
	EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().Describe());
	return opened.ok() ? std::move(opened).value() : nullptr;
}

} // namespace mamori::testing_support
