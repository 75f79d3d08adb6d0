// mamori/tests/unit/css_classes_test.cpp
#include "web/presentation/css_classes.hpp"

#include <gtest/gtest.h>

namespace mamori::web {
namespace {

TEST(CssClassesTest, RiskLevelClassNamesTheBand) {
	RiskScale scale;
	scale.levels = {{"high", "大", 4, 6}, {"medium", "中", 1, 3}, {"low", "小", 0, 0}};
	EXPECT_EQ(RiskLevelClass(&scale.levels[0]), "risk-level risk-level--high");
	EXPECT_EQ(RiskLevelClass(&scale.levels[1]), "risk-level risk-level--medium");
	EXPECT_EQ(RiskLevelClass(&scale.levels[2]), "risk-level risk-level--low");
	EXPECT_EQ(RiskLevelClass(nullptr), "risk-level risk-level--low");
}

TEST(CssClassesTest, TagsFollowProgress) {
	EXPECT_EQ(ProgressTagClass(app::TaskProgress::kNotStarted), "tag--todo");
	EXPECT_EQ(ProgressTagClass(app::TaskProgress::kInProgress), "tag--progress");
	EXPECT_EQ(ProgressTagClass(app::TaskProgress::kDone), "tag--done");
	EXPECT_EQ(ResponseTagClass(app::ResponseState::kNotStarted), "tag--todo");
	EXPECT_EQ(ResponseTagClass(app::ResponseState::kInProgress), "tag--progress");
	EXPECT_EQ(ResponseTagClass(app::ResponseState::kSubmitted), "tag--done");
	const auto tag = TagJson(app::TaskTag{"途中", app::TaskProgress::kInProgress});
	EXPECT_EQ(tag["label"], "途中");
	EXPECT_EQ(tag["class"], "tag--progress");
}

} // namespace
} // namespace mamori::web
