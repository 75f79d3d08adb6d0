// mamori/tests/unit/core/security/common_passwords_test.cpp
//
// The common-password list finds exactly the lines it was given, whatever their lengths: it is
// sorted shorter first (CommonPasswords::ShorterFirst), and the search must agree with that order.
#include "core/security/common_passwords.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace mamori {
namespace {

std::string LowerAscii(std::string text) {
	std::transform(text.begin(), text.end(), text.begin(),
	               [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c); });
	return text;
}

TEST(CommonPasswordsTest, FindsEachLineAndNothingElse) {
	const CommonPasswords list = CommonPasswords::FromText("zz\nabc\nAbcd\n# a comment\n\nab \nb\nabcd\n");
	EXPECT_EQ(list.size(), 5u) << "zz, abc, abcd (twice, once upper-case), ab, b";
	for (const char *listed : {"zz", "abc", "abcd", "ab", "b"}) {
		EXPECT_TRUE(list.Contains(listed)) << listed;
	}
	for (const char *other : {"a", "z", "abce", "abcde", "# a comment", "", "ab "}) {
		EXPECT_FALSE(list.Contains(other)) << other;
	}
	EXPECT_TRUE(std::is_sorted(list.Sorted().begin(), list.Sorted().end(), CommonPasswords::ShorterFirst));
}

RC_GTEST_PROP(CommonPasswordsProperty, ContainsExactlyTheGivenLines, (std::vector<std::string> lines, std::string probe)) {
	std::string text;
	std::set<std::string> expected;
	for (std::string line : lines) {
		line.erase(std::remove_if(line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }), line.end());
		while (!line.empty() && line.back() == ' ') {
			line.pop_back();
		}
		text += line + "\n";
		if (!line.empty() && line.front() != '#') {
			expected.insert(LowerAscii(line));
		}
	}
	const CommonPasswords list = CommonPasswords::FromText(text);
	RC_ASSERT(list.size() == expected.size());
	for (const std::string &listed : expected) {
		RC_ASSERT(list.Contains(listed));
	}
	const std::string lowered = LowerAscii(probe);
	RC_ASSERT(list.Contains(lowered) == (expected.count(lowered) == 1));
}

} // namespace
} // namespace mamori
