// mamori/tests/unit/web/single_value_fields_test.cpp
//
// HTTP parameter pollution (ASVS 5.1.1): a single-valued field may come once, list fields
// (checkbox groups) any number of times.
#include "web/single_value_fields.hpp"

#include <gtest/gtest.h>

namespace mamori::web {
namespace {

TEST(SingleValueFieldsTest, EachFieldOnceIsFine) {
	EXPECT_EQ(FirstRepeatedField({}), std::nullopt);
	EXPECT_EQ(FirstRepeatedField({"_csrf", "email", "role", "department_id"}), std::nullopt);
}

TEST(SingleValueFieldsTest, ASingleValuedFieldTwiceIsNamed) {
	EXPECT_EQ(FirstRepeatedField({"_csrf", "role", "email", "role"}), "role");
	EXPECT_EQ(FirstRepeatedField({"a", "b", "b", "a"}), "b") << "the first one repeated";
	EXPECT_EQ(FirstRepeatedField({"_csrf", "_csrf"}), "_csrf");
}

TEST(SingleValueFieldsTest, ListFieldsMayRepeat) {
	EXPECT_TRUE(IsListField("clause_ids"));
	EXPECT_TRUE(IsListField("member"));
	EXPECT_FALSE(IsListField("role"));
	EXPECT_EQ(FirstRepeatedField({"clause_ids", "clause_ids", "member", "member", "attended", "attended", "asset", "asset",
	                              "flag", "flag"}),
	          std::nullopt);
	EXPECT_EQ(FirstRepeatedField({"member", "member", "title", "title"}), "title");
}

TEST(SingleValueFieldsTest, ManyFieldsAreCheckedQuickly) {
	std::vector<std::string> names;
	for (int i = 0; i < 200000; ++i) {
		names.push_back("field" + std::to_string(i));
	}
	EXPECT_EQ(FirstRepeatedField(names), std::nullopt);
	names.push_back("field7");
	EXPECT_EQ(FirstRepeatedField(names), "field7");
}

} // namespace
} // namespace mamori::web
