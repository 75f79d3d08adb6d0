// mamori/tests/unit/core/risk/risk_test.cpp
//
// 詳細リスク分析 arithmetic (methodology §4): 重要度 (表11 with overrides),
// 被害発生可能性 (表15), リスク値 and its level (大 4–6 / 中 1–3 / 小 0).
#include "core/risk/risk.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>

namespace mamori {
namespace {

const RiskScale &Scale() {
	return testing_support::ShippedCatalog().DefaultEdition().risk_scale;
}

RiskInput Input(int c, int i, int a, int threat, int vulnerability) {
	RiskInput input;
	input.rating.confidentiality = c;
	input.rating.integrity = i;
	input.rating.availability = a;
	input.threat = threat;
	input.vulnerability = vulnerability;
	return input;
}

RiskAssessment Assess(const RiskInput &input) {
	auto result = AssessRisk(Scale(), input);
	EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().Describe());
	return result.ok() ? result.value() : RiskAssessment{};
}

TEST(RiskTest, Table15ConversionTable) {
	// 脅威 × 脆弱性 → 被害発生可能性, as printed in 表15.
	const int expected[4][4] = {
	    {0, 0, 0, 0},
	    {0, /*t1*/ 1, 1, 1},
	    {0, /*t2*/ 1, 1, 2},
	    {0, /*t3*/ 1, 2, 3},
	};
	for (int threat = 1; threat <= 3; ++threat) {
		for (int vulnerability = 1; vulnerability <= 3; ++vulnerability) {
			EXPECT_EQ(DamagePossibility(threat, vulnerability), expected[threat][vulnerability])
			    << "threat " << threat << " vulnerability " << vulnerability;
		}
	}
	EXPECT_EQ(DamagePossibility(3, 3), 3);
	EXPECT_EQ(DamagePossibility(3, 2), 2);
	EXPECT_EQ(DamagePossibility(3, 1), 1);
	EXPECT_EQ(DamagePossibility(2, 3), 2);
	EXPECT_EQ(DamagePossibility(2, 2), 1);
	EXPECT_EQ(DamagePossibility(2, 1), 1);
}

TEST(RiskTest, ImportanceIsMaxOfRatings) {
	EXPECT_EQ(Importance(Scale(), AssetRating{0, 0, 0}), 0);
	EXPECT_EQ(Importance(Scale(), AssetRating{1, 0, 0}), 1);
	EXPECT_EQ(Importance(Scale(), AssetRating{0, 1, 0}), 1);
	EXPECT_EQ(Importance(Scale(), AssetRating{0, 0, 2}), 2);
	EXPECT_EQ(Importance(Scale(), AssetRating{2, 1, 0}), 2);
	EXPECT_EQ(Importance(Scale(), AssetRating{1, 1, 1}), 1);
}

TEST(RiskTest, ImportanceOverrides) {
	for (int flag = 0; flag < 4; ++flag) {
		AssetRating rating{0, 0, 0};
		rating.personal_info = flag == 0;
		rating.sensitive_personal_info = flag == 1;
		rating.my_number = flag == 2;
		rating.business_critical = flag == 3;
		bool overridden = false;
		EXPECT_EQ(Importance(Scale(), rating, &overridden), 2) << "flag " << flag;
		EXPECT_TRUE(overridden) << "flag " << flag;
		rating.confidentiality = 1;
		EXPECT_EQ(Importance(Scale(), rating, &overridden), 2);
		EXPECT_TRUE(overridden);
		// Already 2 by the ratings: the flag does not change it, nothing is overridden.
		rating.confidentiality = 2;
		EXPECT_EQ(Importance(Scale(), rating, &overridden), 2);
		EXPECT_FALSE(overridden);
	}
	bool overridden = true;
	EXPECT_EQ(Importance(Scale(), AssetRating{1, 0, 0}, &overridden), 1);
	EXPECT_FALSE(overridden);
}

TEST(RiskTest, LevelsOfEveryRiskValue) {
	const char *expected[] = {"low", "medium", "medium", "medium", "high", "high", "high"};
	const char *labels[] = {"小", "中", "中", "中", "大", "大", "大"};
	for (int value = 0; value <= 6; ++value) {
		const auto *level = RiskLevelFor(Scale(), value);
		ASSERT_NE(level, nullptr) << value;
		EXPECT_EQ(level->id, expected[value]) << value;
		EXPECT_EQ(level->label, labels[value]) << value;
	}
	EXPECT_EQ(RiskLevelFor(Scale(), 7), nullptr);
	EXPECT_EQ(RiskLevelFor(Scale(), -1), nullptr);
}

TEST(RiskTest, ContractExample) {
	// C2 I1 A0, threat 3, vulnerability 2 → importance 2, possibility 2, risk 4 (high).
	const auto result = Assess(Input(2, 1, 0, 3, 2));
	EXPECT_EQ(result.importance, 2);
	EXPECT_FALSE(result.importance_overridden);
	EXPECT_EQ(result.possibility, 2);
	EXPECT_EQ(result.risk_value, 4);
	ASSERT_NE(result.level, nullptr);
	EXPECT_EQ(result.level->id, "high");
}

TEST(RiskTest, AllCombinationsWithImportanceTwo) {
	// importance 2 × possibility: 表15 row by row.
	const int risk[4][4] = {{0, 0, 0, 0}, {0, 2, 2, 2}, {0, 2, 2, 4}, {0, 2, 4, 6}};
	for (int threat = 1; threat <= 3; ++threat) {
		for (int vulnerability = 1; vulnerability <= 3; ++vulnerability) {
			const auto result = Assess(Input(0, 2, 0, threat, vulnerability));
			EXPECT_EQ(result.risk_value, risk[threat][vulnerability]) << threat << "×" << vulnerability;
			EXPECT_EQ(result.level->id, risk[threat][vulnerability] >= 4 ? "high" : "medium");
		}
	}
}

TEST(RiskTest, PersonalDataRaisesRisk) {
	RiskInput input = Input(0, 0, 0, 3, 3);
	EXPECT_EQ(Assess(input).risk_value, 0);
	EXPECT_EQ(Assess(input).level->id, "low");
	input.rating.my_number = true;
	const auto raised = Assess(input);
	EXPECT_EQ(raised.importance, 2);
	EXPECT_TRUE(raised.importance_overridden);
	EXPECT_EQ(raised.risk_value, 6);
	EXPECT_EQ(raised.level->id, "high");
}

TEST(RiskTest, OutOfRangeRatingsNameTheField) {
	struct Case {
		RiskInput input;
		const char *field;
	};
	const Case cases[] = {
	    {Input(3, 0, 0, 1, 1), "confidentiality"}, {Input(-1, 0, 0, 1, 1), "confidentiality"},
	    {Input(0, 3, 0, 1, 1), "integrity"},       {Input(0, 0, 3, 1, 1), "availability"},
	    {Input(0, 0, -1, 1, 1), "availability"},   {Input(0, 0, 0, 0, 1), "threat"},
	    {Input(0, 0, 0, 4, 1), "threat"},          {Input(0, 0, 0, 1, 0), "vulnerability"},
	    {Input(0, 0, 0, 1, 4), "vulnerability"},
	};
	for (const auto &c : cases) {
		auto result = AssessRisk(Scale(), c.input);
		ASSERT_FALSE(result.ok()) << c.field;
		EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
		EXPECT_EQ(result.error().field, c.field);
	}
}

RC_GTEST_PROP(RiskProperty, MonotonicInThreatAndVulnerability, ()) {
	const int c = *rc::gen::inRange(0, 3);
	const int i = *rc::gen::inRange(0, 3);
	const int a = *rc::gen::inRange(0, 3);
	const int threat = *rc::gen::inRange(1, 4);
	const int vulnerability = *rc::gen::inRange(1, 4);
	const auto base = Assess(Input(c, i, a, threat, vulnerability));
	if (threat < 3) {
		const auto more = Assess(Input(c, i, a, threat + 1, vulnerability));
		RC_ASSERT(more.possibility >= base.possibility);
		RC_ASSERT(more.risk_value >= base.risk_value);
	}
	if (vulnerability < 3) {
		const auto more = Assess(Input(c, i, a, threat, vulnerability + 1));
		RC_ASSERT(more.possibility >= base.possibility);
		RC_ASSERT(more.risk_value >= base.risk_value);
	}
	RC_ASSERT(base.possibility >= 1);
	RC_ASSERT(base.possibility <= 3);
	RC_ASSERT(base.risk_value == base.importance * base.possibility);
	RC_ASSERT(base.risk_value >= 0);
	RC_ASSERT(base.risk_value <= 6);
}

RC_GTEST_PROP(RiskProperty, PossibilityIsCeilingOfQuotient, ()) {
	const int threat = *rc::gen::inRange(1, 4);
	const int vulnerability = *rc::gen::inRange(1, 4);
	const int p = DamagePossibility(threat, vulnerability);
	const int divisor = 4 - vulnerability;
	// smallest p with p × divisor ≥ threat
	RC_ASSERT(p * divisor >= threat);
	RC_ASSERT((p - 1) * divisor < threat);
}

RC_GTEST_PROP(RiskProperty, ImportanceZeroIsLow, ()) {
	const int threat = *rc::gen::inRange(1, 4);
	const int vulnerability = *rc::gen::inRange(1, 4);
	const auto result = Assess(Input(0, 0, 0, threat, vulnerability));
	RC_ASSERT(result.importance == 0);
	RC_ASSERT(result.risk_value == 0);
	RC_ASSERT(result.level->id == std::string("low"));
}

RC_GTEST_PROP(RiskProperty, FlagsNeverLowerImportance, ()) {
	AssetRating rating{*rc::gen::inRange(0, 3), *rc::gen::inRange(0, 3), *rc::gen::inRange(0, 3)};
	const int plain = Importance(Scale(), rating);
	rating.personal_info = *rc::gen::arbitrary<bool>();
	rating.sensitive_personal_info = *rc::gen::arbitrary<bool>();
	rating.my_number = *rc::gen::arbitrary<bool>();
	rating.business_critical = *rc::gen::arbitrary<bool>();
	const bool any = rating.personal_info || rating.sensitive_personal_info || rating.my_number || rating.business_critical;
	const int flagged = Importance(Scale(), rating);
	RC_ASSERT(flagged >= plain);
	RC_ASSERT(flagged == (any ? 2 : plain));
}

RC_GTEST_PROP(RiskProperty, OutOfRangeAlwaysRefusedWithField, ()) {
	const int which = *rc::gen::inRange(0, 5);
	const char *fields[] = {"confidentiality", "integrity", "availability", "threat", "vulnerability"};
	RiskInput input = Input(1, 1, 1, 2, 2);
	const bool low = *rc::gen::arbitrary<bool>();
	const int off = *rc::gen::inRange(1, 1000);
	int *targets[] = {&input.rating.confidentiality, &input.rating.integrity, &input.rating.availability, &input.threat,
	                  &input.vulnerability};
	const int lows[] = {0, 0, 0, 1, 1};
	const int highs[] = {2, 2, 2, 3, 3};
	*targets[which] = low ? lows[which] - off : highs[which] + off;
	auto result = AssessRisk(Scale(), input);
	RC_ASSERT(!result.ok());
	RC_ASSERT(result.error().field == std::string(fields[which]));
}

} // namespace
} // namespace mamori
