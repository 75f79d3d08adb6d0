// mamori/tests/unit/storage/records_test.cpp
//
// The stable names of roles and answers (what the database and the API store)
// and their labels.
#include "storage/store.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

namespace mamori::storage {
namespace {

TEST(NamesTest, RolesAndAnswersRoundTrip) {
	for (Role role : {Role::kAdmin, Role::kManager, Role::kExecutive, Role::kRespondent, Role::kViewer}) {
		EXPECT_EQ(ParseRoleName(RoleName(role)), role);
	}
	// 表5 names the role 情報セキュリティ責任者; no label may be the bare 管理者,
	// which readers would take for 表5's システム管理者.
	EXPECT_EQ(RoleLabel(Role::kManager), "情報セキュリティ責任者");
	EXPECT_EQ(RoleLabel(Role::kAdmin), "組織管理者");
	for (Role role : {Role::kAdmin, Role::kManager, Role::kExecutive, Role::kRespondent, Role::kViewer}) {
		EXPECT_NE(RoleLabel(role), "管理者");
		EXPECT_NE(RoleLabel(role), "責任者");
	}
	EXPECT_FALSE(ParseRoleName("owner").has_value());
	for (Answer answer : {Answer::kImplemented, Answer::kPartial, Answer::kNotImplemented, Answer::kUnknown}) {
		EXPECT_EQ(ParseAnswerName(AnswerName(answer)), answer);
	}
	EXPECT_EQ(AnswerName(Answer::kNotImplemented), "not_implemented");
	EXPECT_EQ(AnswerLabel(testing_support::ShippedMessages(), Locale::kJa, Answer::kPartial), "一部実施している");
	EXPECT_EQ(AnswerLabel(testing_support::ShippedMessages(), Locale::kEn, Answer::kPartial), "Partly implemented");
	// The overload for callers without the catalog must agree with it.
	for (Answer answer : {Answer::kImplemented, Answer::kPartial, Answer::kNotImplemented, Answer::kUnknown}) {
		EXPECT_EQ(AnswerLabel(answer), AnswerLabel(testing_support::ShippedMessages(), Locale::kJa, answer));
	}
	EXPECT_FALSE(ParseAnswerName("yes").has_value());
}

} // namespace
} // namespace mamori::storage
