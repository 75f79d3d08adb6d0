// mamori/tests/unit/basic_policy_test.cpp
#include "core/policy/basic_policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mamori {
namespace {

PolicyTemplate MakeTemplate() {
	PolicyTemplate tmpl;
	tmpl.title = "情報セキュリティ基本方針";
	tmpl.preamble = "{{company}}（以下、当社）は、{{scope}}における情報資産を守ります。";
	tmpl.clauses = {
	    {"management", "経営者の責任", "{{company}}は、経営者主導で対策を進めます。", true, true},
	    {"education", "従業員の取り組み", "従業員に教育を行います。", true, false},
	    {"law", "法令の遵守", "{{company}}は法令を守ります。", true, false},
	};
	return tmpl;
}

PolicyInput MakeInput() {
	PolicyInput input;
	input.company_name = "株式会社テスト商事";
	input.scope = "全ての事業所";
	input.clause_ids = {"management", "education", "law"};
	input.established_on = "2025-04-01";
	input.representative_title = "代表取締役社長";
	input.representative_name = "山田太郎";
	return input;
}

std::string FailingField(const PolicyInput &input) {
	const Status status = ValidatePolicyInput(MakeTemplate(), input);
	if (status.ok()) {
		return "<ok>";
	}
	EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
	EXPECT_FALSE(status.error().message.empty());
	return status.error().field;
}

TEST(ValidatePolicyInputTest, AcceptsCompleteInput) { EXPECT_TRUE(ValidatePolicyInput(MakeTemplate(), MakeInput()).ok()); }

TEST(ValidatePolicyInputTest, CompanyNameRequiredAndLimited) {
	PolicyInput input = MakeInput();
	input.company_name = "";
	EXPECT_EQ(FailingField(input), "company_name");
	const Status status = ValidatePolicyInput(MakeTemplate(), input);
	EXPECT_EQ(status.error().message, "会社名を入力してください。");

	input.company_name = "　 ";  // full-width and ASCII spaces only
	EXPECT_EQ(FailingField(input), "company_name");

	std::string name;
	for (int i = 0; i < 200; ++i) {
		name += "あ";
	}
	input.company_name = name;  // 200 characters, 600 bytes: allowed
	EXPECT_EQ(FailingField(input), "<ok>");
	input.company_name += "あ";
	EXPECT_EQ(FailingField(input), "company_name");
}

TEST(ValidatePolicyInputTest, ScopeRequired) {
	PolicyInput input = MakeInput();
	input.scope.clear();
	EXPECT_EQ(FailingField(input), "scope");
	input.scope = std::string(201, 'x');
	EXPECT_EQ(FailingField(input), "scope");
}

TEST(ValidatePolicyInputTest, ClauseChecks) {
	PolicyInput input = MakeInput();
	input.clause_ids.clear();
	EXPECT_EQ(FailingField(input), "clause_ids");

	input.clause_ids = {"management", "unknown"};
	EXPECT_EQ(FailingField(input), "clause_ids");

	input.clause_ids = {"management", "law", "law"};
	EXPECT_EQ(FailingField(input), "clause_ids");

	input.clause_ids = {"education"};  // the required "management" is missing
	EXPECT_EQ(FailingField(input), "clause_ids");
	EXPECT_NE(ValidatePolicyInput(MakeTemplate(), input).error().message.find("経営者の責任"), std::string::npos);

	input.clause_ids = {"management"};
	EXPECT_EQ(FailingField(input), "<ok>");
}

TEST(ValidatePolicyInputTest, Dates) {
	PolicyInput input = MakeInput();
	input.established_on = "";
	EXPECT_EQ(FailingField(input), "<ok>");  // drafting without a date

	for (const char *bad : {"2025-4-1", "2025/04/01", "2025-13-01", "2025-00-10", "2025-04-31", "2025-02-29",
	                        "1900-02-29", "abcd-ef-gh", "2025-04-01x", "0000-01-01"}) {
		input.established_on = bad;
		EXPECT_EQ(FailingField(input), "established_on") << bad;
	}
	for (const char *good : {"2024-02-29", "2000-02-29", "2025-12-31", "2025-01-01"}) {
		input.established_on = good;
		EXPECT_EQ(FailingField(input), "<ok>") << good;
	}

	input.established_on = "";
	input.revised_on = "2025-05-01";
	EXPECT_EQ(FailingField(input), "revised_on");  // needs established_on

	input.established_on = "2025-04-01";
	input.revised_on = "2025-03-31";
	EXPECT_EQ(FailingField(input), "revised_on");  // before established_on

	input.revised_on = "2025-04-01";
	EXPECT_EQ(FailingField(input), "<ok>");

	input.revised_on = "2025-02-30";
	EXPECT_EQ(FailingField(input), "revised_on");
}

TEST(ValidatePolicyInputTest, RepresentativeLimits) {
	PolicyInput input = MakeInput();
	input.representative_title = std::string(101, 'x');
	EXPECT_EQ(FailingField(input), "representative_title");
	input = MakeInput();
	input.representative_name = std::string(101, 'x');
	EXPECT_EQ(FailingField(input), "representative_name");
	input.representative_name = "";
	input.representative_title = "";
	EXPECT_EQ(FailingField(input), "<ok>");
}

TEST(BuildPolicyDocumentTest, FillsPlaceholdersAndNumbersSections) {
	PolicyInput input = MakeInput();
	input.clause_ids = {"law", "management"};  // selection order differs from template order
	input.revised_on = "2026-01-15";
	const Result<PolicyDocument> doc = BuildPolicyDocument(MakeTemplate(), input, 2);
	ASSERT_TRUE(doc.ok()) << doc.error().Describe();
	EXPECT_EQ(doc->title, "情報セキュリティ基本方針");
	EXPECT_EQ(doc->preamble, "株式会社テスト商事（以下、当社）は、全ての事業所における情報資産を守ります。");
	ASSERT_EQ(doc->sections.size(), 2u);
	EXPECT_EQ(doc->sections[0].number, 1);
	EXPECT_EQ(doc->sections[0].title, "経営者の責任");
	EXPECT_EQ(doc->sections[0].text, "株式会社テスト商事は、経営者主導で対策を進めます。");
	EXPECT_EQ(doc->sections[1].number, 2);
	EXPECT_EQ(doc->sections[1].title, "法令の遵守");
	EXPECT_EQ(doc->sections[1].text, "株式会社テスト商事は法令を守ります。");
	EXPECT_EQ(doc->established_on, "2025-04-01");
	EXPECT_EQ(doc->established_on_display, "2025年4月1日");
	EXPECT_EQ(doc->revised_on_display, "2026年1月15日");
	EXPECT_EQ(doc->company_name, "株式会社テスト商事");
	EXPECT_EQ(doc->representative_title, "代表取締役社長");
	EXPECT_EQ(doc->representative_name, "山田太郎");
	EXPECT_EQ(doc->version, 2);
}

TEST(BuildPolicyDocumentTest, DoesNotExpandPlaceholdersInsideValues) {
	PolicyInput input = MakeInput();
	input.company_name = "{{scope}}&<社>";
	const Result<PolicyDocument> doc = BuildPolicyDocument(MakeTemplate(), input, 1);
	ASSERT_TRUE(doc.ok());
	EXPECT_EQ(doc->preamble, "{{scope}}&<社>（以下、当社）は、全ての事業所における情報資産を守ります。");
}

TEST(BuildPolicyDocumentTest, EmptyDatesStayEmpty) {
	PolicyInput input = MakeInput();
	input.established_on.clear();
	const Result<PolicyDocument> doc = BuildPolicyDocument(MakeTemplate(), input, 1);
	ASSERT_TRUE(doc.ok());
	EXPECT_TRUE(doc->established_on_display.empty());
	EXPECT_TRUE(doc->revised_on_display.empty());
}

TEST(BuildPolicyDocumentTest, FailsLikeValidation) {
	PolicyInput input = MakeInput();
	input.company_name.clear();
	const Result<PolicyDocument> doc = BuildPolicyDocument(MakeTemplate(), input, 1);
	ASSERT_FALSE(doc.ok());
	EXPECT_EQ(doc.error().field, "company_name");
	EXPECT_EQ(doc.error().code, ErrorCode::kInvalidInput);
}

} // namespace
} // namespace mamori
