// mamori/tests/unit/web/security_log_test.cpp
//
// A refused request's path is the client's text: it must not be able to forge a log line.
#include "web/security_log.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace mamori::web {
namespace {

TEST(SecurityLogTest, KeepsPrintableAscii) {
	EXPECT_EQ(LogSafe("/orgs/12/risk"), "/orgs/12/risk");
}

TEST(SecurityLogTest, ReplacesLineBreaksSpacesAndNonAscii) {
	EXPECT_EQ(LogSafe("/a\r\nmamori: refused 200"), "/a??mamori:?refused?200");
	EXPECT_EQ(LogSafe("/\xE6\x97\xA5"), "/???");
}

TEST(SecurityLogTest, CutsLongText) {
	EXPECT_EQ(LogSafe(std::string(1000, 'a')).size(), 200u);
}

RC_GTEST_PROP(SecurityLogProperty, NeverALineBreakOrSpace, (const std::string &text)) {
	const std::string safe = LogSafe(text);
	RC_ASSERT(safe.size() <= 200u);
	for (unsigned char c : safe) {
		RC_ASSERT(c > 0x20 && c < 0x7F);
	}
}

} // namespace
} // namespace mamori::web
