// mamori/tests/unit/web/return_path_test.cpp
//
// After signing in, only a page of this site is a place to go back to.
#include "web/return_path.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace mamori::web {
namespace {

TEST(ReturnPathTest, PathsOfThisSiteAreKept) {
	EXPECT_EQ(SafeReturnPath("/orgs/3/selfcheck/answer/sheet?respondent=%E5%96%B6"),
	          "/orgs/3/selfcheck/answer/sheet?respondent=%E5%96%B6");
	EXPECT_EQ(SafeReturnPath("/"), "/");
}

TEST(ReturnPathTest, OtherSitesAndOddTextAreRefused) {
	EXPECT_EQ(SafeReturnPath(""), "");
	EXPECT_EQ(SafeReturnPath("https://evil.example/"), "");
	EXPECT_EQ(SafeReturnPath("//evil.example/"), "");
	EXPECT_EQ(SafeReturnPath("/\\evil.example/"), "");
	EXPECT_EQ(SafeReturnPath("orgs/3"), "");
	EXPECT_EQ(SafeReturnPath("/orgs\r\nSet-Cookie: x=1"), "");
	EXPECT_EQ(SafeReturnPath("/" + std::string(1000, 'a')), "");
}

// Whatever is accepted starts with one slash and holds no control character.
RC_GTEST_PROP(ReturnPathProperty, AcceptedIsALocalPath, (const std::string &text)) {
	const std::string kept = SafeReturnPath(text);
	if (!kept.empty()) {
		RC_ASSERT(kept == text);
		RC_ASSERT(kept[0] == '/');
		RC_ASSERT(kept.size() == 1 || (kept[1] != '/' && kept[1] != '\\'));
	}
}

} // namespace
} // namespace mamori::web
