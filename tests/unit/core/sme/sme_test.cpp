// mamori/tests/unit/core/sme/sme_test.cpp
//
// 中小企業 under 中小企業基本法 第2条 (methodology §3): capital OR employees
// within the industry's inclusive limit; 小規模企業者 by headcount (20 / 5);
// the 政令 special cases of 001 §1.3 with their basis named.
#include "core/sme/classification.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <iterator>
#include <string>

namespace mamori {
namespace {

const Catalog &Cat() {
	return testing_support::ShippedCatalog();
}

struct Limits {
	const char *industry;
	long long capital;
	int employees;
	int small;
	SmeBasis basis;
};

// Hand-copied from 表1.3-1 / 中小企業基本法 第2条 and the special cases in the
// text after it (001 §1.3), not from the data file.
constexpr Limits kLimits[] = {
    {"manufacturing", 300'000'000, 300, 20, SmeBasis::kGeneral},
    {"wholesale", 100'000'000, 100, 5, SmeBasis::kGeneral},
    {"retail", 50'000'000, 50, 5, SmeBasis::kGeneral},
    {"services", 50'000'000, 100, 5, SmeBasis::kGeneral},
    {"other", 300'000'000, 300, 20, SmeBasis::kGeneral},
    {"rubber_products", 300'000'000, 900, 20, SmeBasis::kSpecialCase},  // ゴム製品製造業
    {"hotels", 50'000'000, 200, 20, SmeBasis::kSpecialCase},            // 旅館業
    {"software_it", 300'000'000, 300, 5, SmeBasis::kSpecialCase},       // ソフトウェア業・情報処理サービス業
};

SmeClassification Classify(const std::string &industry, long long capital, int employees) {
	auto result = ClassifySme(Cat().sme, CompanyProfile{industry, capital, employees});
	EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().Describe());
	return result.ok() ? result.value() : SmeClassification{};
}

TEST(SmeTest, CatalogHasTheLawsLimits) {
	ASSERT_EQ(Cat().sme.industries.size(), std::size(kLimits));
	for (const auto &limit : kLimits) {
		const auto *found = Cat().sme.Find(limit.industry);
		ASSERT_NE(found, nullptr) << limit.industry;
		EXPECT_EQ(found->basis, limit.basis) << limit.industry;
		EXPECT_FALSE(found->source.document.empty()) << limit.industry;
		EXPECT_EQ(found->capital_limit_yen, limit.capital) << limit.industry;
		EXPECT_EQ(found->employee_limit, limit.employees) << limit.industry;
		EXPECT_EQ(found->small_business_employee_limit, limit.small) << limit.industry;
	}
}

TEST(SmeTest, CapitalAtJustBelowAndJustAboveLimit) {
	for (const auto &limit : kLimits) {
		const int too_many = limit.employees + 1;
		EXPECT_TRUE(Classify(limit.industry, limit.capital, too_many).is_sme) << limit.industry << " at capital limit";
		EXPECT_TRUE(Classify(limit.industry, limit.capital, too_many).capital_within_limit);
		EXPECT_FALSE(Classify(limit.industry, limit.capital, too_many).employees_within_limit);
		EXPECT_TRUE(Classify(limit.industry, limit.capital - 1, too_many).is_sme) << limit.industry << " below";
		EXPECT_FALSE(Classify(limit.industry, limit.capital + 1, too_many).is_sme) << limit.industry << " above";
		EXPECT_FALSE(Classify(limit.industry, limit.capital + 1, too_many).capital_within_limit);
	}
}

TEST(SmeTest, EmployeesAtJustBelowAndJustAboveLimit) {
	for (const auto &limit : kLimits) {
		const long long too_rich = limit.capital + 1;
		EXPECT_TRUE(Classify(limit.industry, too_rich, limit.employees).is_sme) << limit.industry << " at limit";
		EXPECT_TRUE(Classify(limit.industry, too_rich, limit.employees).employees_within_limit);
		EXPECT_TRUE(Classify(limit.industry, too_rich, limit.employees - 1).is_sme) << limit.industry << " below";
		EXPECT_FALSE(Classify(limit.industry, too_rich, limit.employees + 1).is_sme) << limit.industry << " above";
	}
}

TEST(SmeTest, EitherCriterionSuffices) {
	for (const auto &limit : kLimits) {
		// Big capital, few people.
		auto few_people = Classify(limit.industry, limit.capital * 100, 1);
		EXPECT_TRUE(few_people.is_sme);
		EXPECT_FALSE(few_people.capital_within_limit);
		EXPECT_TRUE(few_people.employees_within_limit);
		// Many people, small capital.
		auto small_capital = Classify(limit.industry, 1'000'000, limit.employees * 10);
		EXPECT_TRUE(small_capital.is_sme);
		EXPECT_TRUE(small_capital.capital_within_limit);
		EXPECT_FALSE(small_capital.employees_within_limit);
		// Both within.
		EXPECT_TRUE(Classify(limit.industry, 0, 0).is_sme);
		// Both over.
		auto large = Classify(limit.industry, limit.capital + 1, limit.employees + 1);
		EXPECT_FALSE(large.is_sme);
		EXPECT_FALSE(large.is_small_business);
	}
}

TEST(SmeTest, ContractExampleRetail) {
	// {"industry": "retail", "capital_yen": 50000000, "employees": 60} → SME by capital.
	auto result = Classify("retail", 50'000'000, 60);
	EXPECT_TRUE(result.is_sme);
	EXPECT_TRUE(result.capital_within_limit);
	EXPECT_FALSE(result.employees_within_limit);
	EXPECT_FALSE(result.is_small_business);
}

TEST(SmeTest, SmallBusinessByHeadcount) {
	for (const auto &limit : kLimits) {
		EXPECT_TRUE(Classify(limit.industry, 10'000'000, limit.small).is_small_business) << limit.industry;
		EXPECT_TRUE(Classify(limit.industry, 10'000'000, limit.small - 1).is_small_business) << limit.industry;
		EXPECT_FALSE(Classify(limit.industry, 10'000'000, limit.small + 1).is_small_business) << limit.industry;
		// Headcount alone decides, even with capital above the limit.
		EXPECT_TRUE(Classify(limit.industry, limit.capital * 10, limit.small).is_small_business) << limit.industry;
	}
	EXPECT_TRUE(Classify("manufacturing", 1, 20).is_small_business);
	EXPECT_FALSE(Classify("manufacturing", 1, 21).is_small_business);
	EXPECT_TRUE(Classify("services", 1, 5).is_small_business);
	EXPECT_FALSE(Classify("services", 1, 6).is_small_business);
	EXPECT_FALSE(Classify("wholesale", 1, 6).is_small_business);
}

TEST(SmeTest, SpecialCasesDifferFromTheirGeneralIndustry) {
	// A rubber-products maker with 900 staff and large capital is an SME only
	// under the special case; an ordinary manufacturer is not.
	EXPECT_TRUE(Classify("rubber_products", 1'000'000'000, 900).is_sme);
	EXPECT_FALSE(Classify("manufacturing", 1'000'000'000, 900).is_sme);
	// A hotel with 200 staff: SME; a general service firm with 200: not.
	EXPECT_TRUE(Classify("hotels", 100'000'000, 200).is_sme);
	EXPECT_FALSE(Classify("services", 100'000'000, 200).is_sme);
	// Software with 3億円 capital: SME; a general service firm with 3億円: not.
	EXPECT_TRUE(Classify("software_it", 300'000'000, 1000).is_sme);
	EXPECT_FALSE(Classify("services", 300'000'000, 1000).is_sme);
	EXPECT_EQ(Classify("hotels", 1, 1).limit->basis, SmeBasis::kSpecialCase);
	EXPECT_EQ(Classify("services", 1, 1).limit->basis, SmeBasis::kGeneral);
}

TEST(SmeTest, UnknownIndustryNamesTheField) {
	for (const char *industry : {"", "Retail", "finance", "製造業"}) {
		auto result = ClassifySme(Cat().sme, CompanyProfile{industry, 1, 1});
		ASSERT_FALSE(result.ok()) << industry;
		EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
		EXPECT_EQ(result.error().field, "industry");
	}
}

TEST(SmeTest, NegativeNumbersNameTheField) {
	auto capital = ClassifySme(Cat().sme, CompanyProfile{"retail", -1, 1});
	ASSERT_FALSE(capital.ok());
	EXPECT_EQ(capital.error().field, "capital_yen");
	auto employees = ClassifySme(Cat().sme, CompanyProfile{"retail", 1, -1});
	ASSERT_FALSE(employees.ok());
	EXPECT_EQ(employees.error().field, "employees");
}

RC_GTEST_PROP(SmeProperty, IsSmeIffCapitalOrEmployeesWithin, ()) {
	const auto &limit = kLimits[*rc::gen::inRange<size_t>(0, std::size(kLimits))];
	const long long capital = *rc::gen::inRange<long long>(0, limit.capital * 3);
	const int employees = *rc::gen::inRange(0, limit.employees * 3);
	const auto result = Classify(limit.industry, capital, employees);
	RC_ASSERT(result.is_sme == (capital <= limit.capital || employees <= limit.employees));
	RC_ASSERT(result.is_small_business == (employees <= limit.small));
	RC_ASSERT(!result.is_small_business || result.is_sme);
}

} // namespace
} // namespace mamori
