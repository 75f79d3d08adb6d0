// mamori/tests/unit/core/policy/basic_policy_test.cpp
#include "core/policy/basic_policy.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
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
	EXPECT_EQ(testing_support::Describe(status.error()), "会社名を入力してください。");
	EXPECT_EQ(testing_support::Describe(status.error(), Locale::kEn), "Enter the company name.");

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
	EXPECT_NE(testing_support::Describe(ValidatePolicyInput(MakeTemplate(), input).error()).find("経営者の責任"), std::string::npos);

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
	const Result<PolicyDocument> doc = BuildPolicyDocument(testing_support::ShippedMessages(), Locale::kJa, MakeTemplate(), input, 2);
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

TEST(BuildPolicyDocumentTest, WritesDatesInTheDocumentLanguage) {
	PolicyInput input = MakeInput();
	input.revised_on = "2026-01-15";
	const MessageCatalog &messages = testing_support::ShippedMessages();
	const Result<PolicyDocument> japanese = BuildPolicyDocument(messages, Locale::kJa, MakeTemplate(), input, 1);
	ASSERT_TRUE(japanese.ok()) << japanese.error().Describe();
	EXPECT_EQ(japanese->established_on_display, "2025年4月1日");
	EXPECT_EQ(japanese->revised_on_display, "2026年1月15日");
	const Result<PolicyDocument> english = BuildPolicyDocument(messages, Locale::kEn, MakeTemplate(), input, 1);
	ASSERT_TRUE(english.ok()) << english.error().Describe();
	EXPECT_EQ(english->established_on_display, "1/4/2025");
	EXPECT_EQ(english->revised_on_display, "15/1/2026");
	// The overload without the catalog is Japanese.
	const Result<PolicyDocument> fallback = BuildPolicyDocument(testing_support::ShippedMessages(), Locale::kJa, MakeTemplate(), input, 1);
	ASSERT_TRUE(fallback.ok());
	EXPECT_EQ(fallback->established_on_display, japanese->established_on_display);
}

TEST(BuildPolicyDocumentTest, DoesNotExpandPlaceholdersInsideValues) {
	PolicyInput input = MakeInput();
	input.company_name = "{{scope}}&<社>";
	const Result<PolicyDocument> doc = BuildPolicyDocument(testing_support::ShippedMessages(), Locale::kJa, MakeTemplate(), input, 1);
	ASSERT_TRUE(doc.ok());
	EXPECT_EQ(doc->preamble, "{{scope}}&<社>（以下、当社）は、全ての事業所における情報資産を守ります。");
}

TEST(BuildPolicyDocumentTest, EmptyDatesStayEmpty) {
	PolicyInput input = MakeInput();
	input.established_on.clear();
	const Result<PolicyDocument> doc = BuildPolicyDocument(testing_support::ShippedMessages(), Locale::kJa, MakeTemplate(), input, 1);
	ASSERT_TRUE(doc.ok());
	EXPECT_TRUE(doc->established_on_display.empty());
	EXPECT_TRUE(doc->revised_on_display.empty());
}

TEST(BuildPolicyDocumentTest, FailsLikeValidation) {
	PolicyInput input = MakeInput();
	input.company_name.clear();
	const Result<PolicyDocument> doc = BuildPolicyDocument(testing_support::ShippedMessages(), Locale::kJa, MakeTemplate(), input, 1);
	ASSERT_FALSE(doc.ok());
	EXPECT_EQ(doc.error().field, "company_name");
	EXPECT_EQ(doc.error().code, ErrorCode::kInvalidInput);
}

// --- 付録2's sample clauses: on by default, a reason to leave one out -------------------------

//! Two sample clauses (like 付録2's), one optional clause of the 記載項目例.
PolicyTemplate SampleTemplate() {
	PolicyTemplate tmpl = MakeTemplate();
	tmpl.clauses = {
	    {"management", "経営者の責任", "経営者主導で進めます。", true, false, true, {}},
	    {"structure", "社内体制の整備", "組織を設置します。", true, false, true, {}},
	    {"improvement", "継続的改善", "継続的に改善します。", false, false, false, {}},
	};
	return tmpl;
}

PolicyInput SampleInput() {
	PolicyInput input = MakeInput();
	input.clause_ids = {"management", "structure"};
	return input;
}

TEST(OmissionReasonTest, NoReasonNeededWhileEverySampleClauseIsIn) {
	EXPECT_TRUE(CheckOmissionReasons(SampleTemplate(), SampleInput()).ok());
	PolicyInput input = SampleInput();
	input.clause_ids.push_back("improvement");
	EXPECT_TRUE(CheckOmissionReasons(SampleTemplate(), input).ok());
}

TEST(OmissionReasonTest, LeavingOutASampleClauseWithoutAReasonIsRefusedNamingTheField) {
	PolicyInput input = SampleInput();
	input.clause_ids = {"management"};
	const Status status = CheckOmissionReasons(SampleTemplate(), input);
	ASSERT_FALSE(status.ok());
	EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(status.error().field, "omission_reason_structure");
	EXPECT_EQ(status.error().field, OmissionReasonField("structure"));
	const std::string described = testing_support::Describe(status.error());
	EXPECT_NE(described.find("「社内体制の整備」"), std::string::npos) << described;
	EXPECT_NE(described.find("理由"), std::string::npos) << described;
	EXPECT_NE(testing_support::Describe(status.error(), Locale::kEn).find("Enter why you leave it out"), std::string::npos);

	input.omission_reasons["structure"] = " \u3000 ";  // only spaces is still empty
	EXPECT_EQ(CheckOmissionReasons(SampleTemplate(), input).error().field, "omission_reason_structure");
	input.omission_reasons["management"] = "理由は別の項目に書いてもだめです";
	EXPECT_FALSE(CheckOmissionReasons(SampleTemplate(), input).ok());

	input.omission_reasons["structure"] = "社内体制は就業規則で定めているため";
	EXPECT_TRUE(CheckOmissionReasons(SampleTemplate(), input).ok());
}

TEST(OmissionReasonTest, ReasonIsLimitedTo500Characters) {
	PolicyInput input = SampleInput();
	input.clause_ids = {"management"};
	std::string reason;
	for (int i = 0; i < 500; ++i) reason += "理";
	input.omission_reasons["structure"] = reason;
	EXPECT_TRUE(CheckOmissionReasons(SampleTemplate(), input).ok());
	input.omission_reasons["structure"] += "由";
	EXPECT_EQ(CheckOmissionReasons(SampleTemplate(), input).error().field, "omission_reason_structure");
}

TEST(OmissionReasonTest, OptionalClausesNeverAskForAReason) {
	PolicyInput input = SampleInput();  // 継続的改善 not chosen
	EXPECT_TRUE(OmittedSampleClauses(SampleTemplate(), input).empty());
}

TEST(OmissionReasonTest, KeepsTrimmedReasonsOfOmittedSampleClausesOnly) {
	PolicyInput input = SampleInput();
	input.clause_ids = {"structure"};
	input.omission_reasons = {{"management", "　代表が別に宣言しているため "},
	                          {"structure", "選んだ項目の理由は残しません"},
	                          {"improvement", "サンプル外の項目の理由も残しません"}};
	const auto kept = KeptOmissionReasons(SampleTemplate(), input);
	ASSERT_EQ(kept.size(), 1u);
	EXPECT_EQ(kept.at("management"), "代表が別に宣言しているため");

	const auto omitted = OmittedSampleClauses(SampleTemplate(), input);
	ASSERT_EQ(omitted.size(), 1u);
	EXPECT_EQ(omitted[0].id, "management");
	EXPECT_EQ(omitted[0].title, "経営者の責任");
	EXPECT_EQ(omitted[0].reason, "代表が別に宣言しているため");
}

TEST(OmissionReasonTest, StoredVersionsWithoutReasonsStillRender) {
	// Saved before reasons were asked for: the document builds, the history says no reason.
	PolicyInput input = SampleInput();
	input.clause_ids = {"management"};
	EXPECT_TRUE(BuildPolicyDocument(testing_support::ShippedMessages(), Locale::kJa, SampleTemplate(), input, 1).ok());
	const auto omitted = OmittedSampleClauses(SampleTemplate(), input);
	ASSERT_EQ(omitted.size(), 1u);
	EXPECT_TRUE(omitted[0].reason.empty());
}

// --- the shipped template (content/editions/3.0/basic_policy.yaml) ------------------------------

TEST(BasicPolicyContentTest, FiveSampleClausesOnByDefaultAndContinuousImprovementOffered) {
	const PolicyTemplate &tmpl = testing_support::ShippedEdition().policy_template;
	std::vector<std::string> samples;
	for (const auto &clause : tmpl.clauses) {
		if (clause.sample) {
			samples.push_back(clause.title);
			EXPECT_TRUE(clause.default_selected) << clause.id;
			EXPECT_NE(clause.source.location.find("付録2"), std::string::npos) << clause.id;
		}
		EXPECT_FALSE(clause.source.location.empty()) << clause.id << " names no source";
	}
	EXPECT_EQ(samples, (std::vector<std::string>{"経営者の責任", "社内体制の整備", "従業員の取組み",
	                                             "法令及び契約上の要求事項の遵守", "違反及び事故への対応"}));

	const auto improvement = std::find_if(tmpl.clauses.begin(), tmpl.clauses.end(),
	                                      [](const PolicyClause &clause) { return clause.title == "継続的改善"; });
	ASSERT_NE(improvement, tmpl.clauses.end());
	EXPECT_FALSE(improvement->sample);
	EXPECT_FALSE(improvement->default_selected);
	EXPECT_NE(improvement->source.location.find("記載項目例"), std::string::npos);
}

} // namespace
} // namespace mamori
