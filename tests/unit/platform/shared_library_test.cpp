// mamori/tests/unit/platform/shared_library_test.cpp
//
// Libraries opened on first use (platform/shared_library.hpp): a function is found with its
// type, and a missing library or function is an error that names it.
#include "platform/shared_library.hpp"

#include <gtest/gtest.h>

#include <cstring>

namespace mamori::platform {
namespace {

TEST(SharedLibraryTest, FindsAFunctionAndCallsIt) {
	auto library = SharedLibrary::Open("libc.so.6");
	ASSERT_TRUE(library.ok()) << library.error().Describe();
	auto length = library->Function<decltype(&::strlen)>("strlen");
	ASSERT_TRUE(length.ok()) << length.error().Describe();
	EXPECT_EQ((*length)("mamori"), 6u);
}

TEST(SharedLibraryTest, AMissingLibraryIsAnErrorNamingIt) {
	auto library = SharedLibrary::Open("libmamori-no-such-library.so.9");
	ASSERT_FALSE(library.ok());
	EXPECT_EQ(library.error().code, ErrorCode::kInternal);
	EXPECT_NE(library.error().message.find("libmamori-no-such-library.so.9"), std::string::npos)
	    << library.error().message;
}

TEST(SharedLibraryTest, AMissingFunctionIsAnErrorNamingIt) {
	auto library = SharedLibrary::Open("libc.so.6");
	ASSERT_TRUE(library.ok());
	auto missing = library->Function<void (*)()>("mamori_no_such_function");
	ASSERT_FALSE(missing.ok());
	EXPECT_NE(missing.error().message.find("mamori_no_such_function"), std::string::npos) << missing.error().message;
	EXPECT_NE(missing.error().message.find("libc.so.6"), std::string::npos) << missing.error().message;
}

} // namespace
} // namespace mamori::platform
