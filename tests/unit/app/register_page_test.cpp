// mamori/tests/unit/app/register_page_test.cpp
//
// The register as users first see it (issue 11): pages of rows in the order
// of the full list, filters by 業務分類 / 媒体 / リスク and words, page
// numbers clamped, and the choices offered for the filters. Checked as
// properties over registers of many sizes as well as on a fixed example.
#include "app/register_page.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <numeric>

namespace mamori::app {
namespace {

const RiskLevelBand kHigh{"high", "大", 5, 9, ""};
const RiskLevelBand kLow{"low", "小", 1, 2, ""};

struct Register {
	std::vector<storage::Asset> assets;
	AnalysisResult analysis;
};

//! Assets named "資産N" (N from 1), alternating two categories and two media;
//! every third asset has no threats, the others are high or low by parity.
Register MakeRegister(int count) {
	Register made;
	for (int i = 1; i <= count; ++i) {
		storage::Asset asset;
		asset.id = i;
		asset.name = "資産" + std::to_string(i);
		asset.business_category = i % 2 == 0 ? "経理" : "営業";
		asset.department = i % 4 == 0 ? "Sales Team" : "総務部";
		asset.medium = i % 2 == 0 ? "paper" : "pc";
		made.assets.push_back(asset);
		AssetAssessment assessed;
		assessed.risk_value = i;
		if (i % 3 != 0) {
			assessed.threats.resize(1);
			assessed.level = i % 2 == 0 ? &kHigh : &kLow;
		}
		made.analysis.assets.push_back(assessed);
	}
	return made;
}

std::vector<size_t> RowsOf(const RegisterPage &page) {
	std::vector<size_t> rows;
	for (const auto &group : page.groups) {
		rows.insert(rows.end(), group.rows.begin(), group.rows.end());
	}
	return rows;
}

TEST(RegisterPageTest, FiftyRowsAPageInTheOrderOfTheWholeList) {
	const Register reg = MakeRegister(120);
	RegisterPageRequest wanted;
	const RegisterPage first = SelectRegisterPage(reg.assets, reg.analysis, wanted);
	EXPECT_EQ(first.matching, 120);
	EXPECT_EQ(first.page_count, 3);
	EXPECT_EQ(first.first_row, 1);
	EXPECT_EQ(first.last_row, 50);
	ASSERT_EQ(RowsOf(first).size(), 50u);
	// Grouped by 業務分類 in order of first appearance: 営業 (odd ids) before 経理.
	ASSERT_EQ(first.groups.size(), 1u);
	EXPECT_EQ(first.groups[0].name, "営業");

	wanted.page = 2;
	const RegisterPage second = SelectRegisterPage(reg.assets, reg.analysis, wanted);
	ASSERT_EQ(second.groups.size(), 2u) << "the page where 営業 ends and 経理 begins";
	EXPECT_EQ(second.groups[0].rows.size(), 10u);
	EXPECT_EQ(second.groups[1].rows.size(), 40u);

	wanted.page = 99;
	const RegisterPage clamped = SelectRegisterPage(reg.assets, reg.analysis, wanted);
	EXPECT_EQ(clamped.page, 3);
	EXPECT_EQ(clamped.first_row, 101);
	EXPECT_EQ(clamped.last_row, 120);
	EXPECT_EQ(clamped.categories, (std::vector<std::string>{"営業", "経理"}));
	EXPECT_EQ(clamped.media, (std::vector<std::string>{"pc", "paper"}));
}

TEST(RegisterPageTest, FiltersCombineAndSearchIgnoresAsciiCase) {
	const Register reg = MakeRegister(12);
	RegisterPageRequest wanted;
	wanted.filter.category = "経理";
	wanted.filter.level = "high";
	// Even ids not divisible by 3: 2, 4, 8, 10.
	EXPECT_EQ(RowsOf(SelectRegisterPage(reg.assets, reg.analysis, wanted)), (std::vector<size_t>{1, 3, 7, 9}));

	wanted.filter = {};
	wanted.filter.level = "none";
	EXPECT_EQ(SelectRegisterPage(reg.assets, reg.analysis, wanted).matching, 4);  // 3, 6, 9, 12

	wanted.filter = {};
	wanted.filter.search = "sales\u3000資産8";
	EXPECT_EQ(RowsOf(SelectRegisterPage(reg.assets, reg.analysis, wanted)), (std::vector<size_t>{7}));

	wanted.filter = {};
	wanted.filter.medium = "usb";
	const RegisterPage none = SelectRegisterPage(reg.assets, reg.analysis, wanted);
	EXPECT_EQ(none.matching, 0);
	EXPECT_EQ(none.page_count, 1);
	EXPECT_EQ(none.first_row, 0);
	EXPECT_TRUE(none.groups.empty());
}

TEST(RegisterPageTest, PageNumbersThatAreNotPositiveWholeNumbersAreTheFirstPage) {
	EXPECT_EQ(ParseRegisterPageNumber("3"), 3);
	for (const char *bad : {"", "0", "-2", "2x", "１", "99999999999999"}) {
		EXPECT_EQ(ParseRegisterPageNumber(bad), 1) << bad;
	}
}

// Every matching row appears on exactly one page, the pages together are the
// whole list in order, and each page but the last is full.
RC_GTEST_PROP(RegisterPageProperty, PagesPartitionTheMatchingRows, ()) {
	const int count = *rc::gen::inRange(0, 260);
	const int per_page = *rc::gen::inRange(1, 80);
	const std::string level = *rc::gen::element<std::string>("", "high", "low", "none");
	const Register reg = MakeRegister(count);
	RegisterPageRequest wanted;
	wanted.filter.level = level;
	wanted.rows_per_page = 0;  // the whole list, as the print view asks for it
	const std::vector<size_t> whole = RowsOf(SelectRegisterPage(reg.assets, reg.analysis, wanted));
	wanted.rows_per_page = per_page;

	std::vector<size_t> joined;
	const RegisterPage first = SelectRegisterPage(reg.assets, reg.analysis, wanted);
	RC_ASSERT(first.matching == static_cast<int>(whole.size()));
	for (int number = 1; number <= first.page_count; ++number) {
		wanted.page = number;
		const RegisterPage page = SelectRegisterPage(reg.assets, reg.analysis, wanted);
		const std::vector<size_t> rows = RowsOf(page);
		if (number < page.page_count) {
			RC_ASSERT(static_cast<int>(rows.size()) == per_page);
		}
		RC_ASSERT(page.last_row - page.first_row + 1 == static_cast<int>(rows.size()) || rows.empty());
		joined.insert(joined.end(), rows.begin(), rows.end());
	}
	RC_ASSERT(joined == whole);
}

} // namespace
} // namespace mamori::app
