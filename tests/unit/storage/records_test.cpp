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
	for (Role role : {Role::kAdmin, Role::kManager, Role::kExecutive, Role::kRespondent, Role::kViewer, Role::kConsultant}) {
		EXPECT_EQ(ParseRoleName(RoleName(role)), role);
	}
	// 表5 names the role 情報セキュリティ責任者; no label may be the bare 管理者,
	// which readers would take for 表5's システム管理者.
	// The names live in the message catalog (roles.*).
	const auto ja = [](const char *key) { return testing_support::ShippedMessages().Text(Locale::kJa, key); };
	EXPECT_EQ(ja("roles.manager"), "情報セキュリティ責任者");
	EXPECT_EQ(ja("roles.admin"), "組織管理者");
	for (const char *key : {"roles.admin", "roles.manager", "roles.executive", "roles.respondent", "roles.viewer", "roles.consultant"}) {
		EXPECT_NE(ja(key), "管理者");
		EXPECT_NE(ja(key), "責任者");
		EXPECT_NE(ja(key), key);  // the key exists
	}
	EXPECT_EQ(RoleName(Role::kConsultant), "consultant");  // 外部専門家 (issue 12), stored as this name
	EXPECT_FALSE(ParseRoleName("owner").has_value());
	for (Answer answer : {Answer::kImplemented, Answer::kPartial, Answer::kNotImplemented, Answer::kUnknown}) {
		EXPECT_EQ(ParseAnswerName(AnswerName(answer)), answer);
	}
	EXPECT_EQ(AnswerName(Answer::kNotImplemented), "not_implemented");
	EXPECT_EQ(AnswerLabel(testing_support::ShippedMessages(), Locale::kJa, Answer::kPartial), "一部実施している");
	EXPECT_EQ(AnswerLabel(testing_support::ShippedMessages(), Locale::kEn, Answer::kPartial), "Partly implemented");
	EXPECT_FALSE(ParseAnswerName("yes").has_value());
}

} // namespace
} // namespace mamori::storage
