// mamori/tests/unit/web/kept_pages_test.cpp
#include "web/kept_pages.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace mamori::web {
namespace {

std::shared_ptr<const std::string> PageOf(size_t bytes, char fill = 'x') {
	return std::make_shared<const std::string>(bytes, fill);
}

TEST(KeptPagesTest, APageIsServedOnlyForTheRevisionItWasRenderedAt) {
	KeptPages pages(1 << 20);
	pages.Keep("dashboard|reader-a", 7, PageOf(100, 'a'));
	auto same = pages.Find("dashboard|reader-a", 7);
	ASSERT_NE(same, nullptr);
	EXPECT_EQ(*same, std::string(100, 'a'));
	EXPECT_EQ(pages.Find("dashboard|reader-a", 8), nullptr) << "the organisation changed since";
	EXPECT_EQ(pages.Find("dashboard|reader-a", 7), nullptr) << "a page found older is dropped";
	EXPECT_EQ(pages.BytesKept(), 0u);
}

TEST(KeptPagesTest, AnotherKeyNeverSeesThePage) {
	KeptPages pages(1 << 20);
	pages.Keep("dashboard|reader-a", 1, PageOf(10));
	EXPECT_EQ(pages.Find("dashboard|reader-b", 1), nullptr);
}

TEST(KeptPagesTest, KeepingAgainReplacesTheOldPage) {
	KeptPages pages(1 << 20);
	pages.Keep("k", 1, PageOf(10, 'a'));
	pages.Keep("k", 2, PageOf(20, 'b'));
	auto kept = pages.Find("k", 2);
	ASSERT_NE(kept, nullptr);
	EXPECT_EQ(*kept, std::string(20, 'b'));
	EXPECT_EQ(pages.BytesKept(), 21u);
}

TEST(KeptPagesTest, TheLeastRecentlyUsedPageGoesWhenTheBudgetIsFull) {
	KeptPages pages(3200);  // room for four pages of 799 bytes plus their one-byte keys
	for (const char *key : {"a", "b", "c", "d"}) {
		pages.Keep(key, 1, PageOf(799));
	}
	ASSERT_NE(pages.Find("a", 1), nullptr);  // "a" is now the most recent, "b" the least
	pages.Keep("e", 1, PageOf(799));
	EXPECT_NE(pages.Find("a", 1), nullptr);
	EXPECT_EQ(pages.Find("b", 1), nullptr);
	EXPECT_NE(pages.Find("c", 1), nullptr);
	EXPECT_NE(pages.Find("e", 1), nullptr);
	EXPECT_EQ(pages.BytesKept(), 3200u);
}

TEST(KeptPagesTest, ARequestThatReadAnOlderRevisionLeavesTheNewerPage) {
	KeptPages pages(1 << 20);
	pages.Keep("k", 5, PageOf(10));
	EXPECT_EQ(pages.Find("k", 4), nullptr);  // a request racing a change, or another instance
	EXPECT_NE(pages.Find("k", 5), nullptr);
}

TEST(KeptPagesTest, APageLargerThanAQuarterOfTheBudgetIsNotKept) {
	KeptPages pages(4000);
	pages.Keep("big", 1, PageOf(1001));
	EXPECT_EQ(pages.Find("big", 1), nullptr);
	EXPECT_EQ(pages.BytesKept(), 0u);
}

} // namespace
} // namespace mamori::web
