// mamori/tests/unit/core/common/civil_date_test.cpp
#include "core/common/civil_date.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace mamori {
namespace {

TEST(CivilDateTest, StrictIsoDates) {
	EXPECT_TRUE(ParseIsoDate("2024-02-29").has_value());
	EXPECT_FALSE(ParseIsoDate("2025-02-29").has_value());
	EXPECT_FALSE(ParseIsoDate("2025-4-01").has_value());
	EXPECT_FALSE(ParseIsoDate("2025-13-01").has_value());
	EXPECT_EQ(IsoDate(*ParseIsoDate("0999-01-31")), "0999-01-31");
}

TEST(CivilDateTest, DaysSinceEpochOfKnownDays) {
	EXPECT_EQ(DaysSinceEpoch({1970, 1, 1}), 0);
	EXPECT_EQ(DaysSinceEpoch({2000, 3, 1}), 11017);
	EXPECT_EQ(IsoDate(AddDays({2026, 12, 31}, 1)), "2027-01-01");
	EXPECT_EQ(IsoDate(AddDays({2024, 3, 1}, -1)), "2024-02-29");
	EXPECT_EQ(IsoDate(AddDays({2100, 2, 28}, 1)), "2100-03-01");  // not a leap year
}

RC_GTEST_PROP(CivilDateProperty, AddingDaysStepsThroughRealDates, ()) {
	const CivilDate start = DateFromDaysSinceEpoch(*rc::gen::inRange(-700000, 2900000));
	const int step = *rc::gen::inRange(-400, 400);
	const CivilDate moved = AddDays(start, step);
	RC_ASSERT(ParseIsoDate(IsoDate(moved)).has_value());  // a real calendar day
	RC_ASSERT(DaysSinceEpoch(moved) - DaysSinceEpoch(start) == step);
	RC_ASSERT((step > 0) == (moved > start));
	RC_ASSERT(AddDays(moved, -step) == start);
}

} // namespace
} // namespace mamori
