// mamori/tests/unit/core/document/regulations_7_12_test.cpp
//
// The shipped 関連規程 templates 7–12 (付録5 7–11 of the 3.0 list, and テレワーク,
// the 3.1 edition's 11th, numbered 12 here) and the 規程チェックシート: they load
// with their numbers, risk categories and firm-profile flags, keep the section
// structure of reference-notes §3.1 / seeds/003, and fill without leaving a raw
// {{placeholder}}, in Japanese and in English.
#include "core/catalog/catalog_loader.hpp"
#include "core/document/document_fill.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace mamori::document {
namespace {

struct ExpectedLaterRegulation {
	std::string id;
	int number;
	std::string risk_category;       // "" when no category of risk_catalog.yaml leads to it
	std::vector<std::string> flags;  // applies.any_of
	std::vector<std::string> section_prefixes;
};

const std::vector<ExpectedLaterRegulation> &ExpectedLaterRegulations() {
	static const std::vector<ExpectedLaterRegulation> expected = {
	    {"regulation_07_it_infrastructure", 7, "it_infrastructure", {}, {"7.1 ", "7.2 ", "7.3 ", "7.4 ", "7.5 ", "7.6 ", "7.7 "}},
	    {"regulation_08_development", 8, "development", {"develops_systems"}, {"8.1 ", "8.2 ", "8.3 ", "8.4 ", "8.5 "}},
	    {"regulation_09_outsourcing", 9, "outsourcing", {"outsources"}, {"9.1 ", "9.2 ", "9.3 ", "9.4 ", "9.5 "}},
	    {"regulation_10_incident", 10, "incident", {}, {"10.1 ", "10.2 ", "10.3 ", "10.4 ", "10.5 "}},
	    {"regulation_11_my_number", 11, "my_number", {"handles_my_number"},
	     {"11.1 ", "11.2 ", "11.3 ", "11.4 ", "11.5 ", "11.6 "}},
	    {"regulation_12_telework", 12, "", {"telework"}, {"12.1 ", "12.2 ", "12.3 ", "12.4 ", "12.5 ", "12.6 "}},
	};
	return expected;
}

const std::vector<std::string> kReviewChoices = {"新規に作成した", "既存のものを見直し改定した", "特に対応無しと判断した",
                                                 "当面は作成の必要なしと判断した"};

const DocumentTemplate &Shipped(const std::string &id) {
	const DocumentTemplate *tmpl = testing_support::ShippedEdition().FindDocumentTemplate(id);
	if (tmpl == nullptr) {
		ADD_FAILURE() << id << " is not in the shipped catalog";
		static const DocumentTemplate empty;
		return empty;
	}
	return *tmpl;
}

//! An answer cell the firm has not filled: the template writes it as a
//! no-break space, since the loader refuses empty cells.
bool IsBlankCell(const std::string &text) {
	for (size_t pos = 0; pos < text.size(); pos += 2) {
		if (text.compare(pos, 2, "\xC2\xA0") != 0) return false;
	}
	return true;
}

std::string Padded(int number) { return (number < 10 ? "0" : "") + std::to_string(number); }

FillContext EveryFlagContext() {
	FillContext context;
	context.built_ins = {{"company", "テスト株式会社"}, {"company_short", "テスト"}, {"today", "2026年12月4日"}};
	context.date_pattern = "{{year}}年{{month}}月{{day}}日";
	context.blank_pattern = "【{{label}}】";
	context.flags = {"uses_cloud", "telework", "develops_systems", "handles_my_number", "has_website", "outsources"};
	return context;
}

//! Every text the filled blocks print, one string per line or cell.
std::vector<std::string> RegulationPrintedTexts(const std::vector<Block> &blocks) {
	std::vector<std::string> texts;
	for (const auto &block : blocks) {
		texts.push_back(PlainText(block.line));
		for (const auto &item : block.items) {
			texts.push_back(PlainText(item.line));
		}
		for (const auto &row : block.rows) {
			for (const auto &cell : row) {
				texts.push_back(PlainText(cell));
			}
		}
		for (const auto &line : block.lines) {
			texts.push_back(PlainText(line));
		}
	}
	return texts;
}

void ExpectNoRawPlaceholder(const DocumentTemplate &tmpl) {
	const std::vector<Block> blocks = FillTemplate(tmpl, DocumentValues{}, EveryFlagContext());
	ASSERT_FALSE(blocks.empty()) << tmpl.id;
	for (const auto &text : RegulationPrintedTexts(blocks)) {
		EXPECT_EQ(text.find("{{"), std::string::npos) << tmpl.id << ": " << text;
	}
}

TEST(Regulations7To12, LoadWithNumbersCategoriesAndFlags) {
	const Edition &edition = testing_support::ShippedEdition();
	for (const auto &expected : ExpectedLaterRegulations()) {
		SCOPED_TRACE(expected.id);
		const DocumentTemplate &tmpl = Shipped(expected.id);
		EXPECT_EQ(tmpl.kind, "regulations");
		ASSERT_TRUE(tmpl.regulation.has_value());
		EXPECT_EQ(tmpl.regulation->number, expected.number);
		EXPECT_EQ(tmpl.regulation->risk_category, expected.risk_category);
		if (!expected.risk_category.empty()) {
			const ControlCategory *category = edition.risk_catalog.FindCategory(expected.risk_category);
			ASSERT_NE(category, nullptr);
			EXPECT_EQ(category->regulation_number, expected.number) << "the category proposes this regulation";
		}
		EXPECT_EQ(tmpl.applies.any_of_flags, expected.flags);
		EXPECT_EQ(tmpl.title.rfind(std::to_string(expected.number) + " ", 0), 0u) << tmpl.title;
	}
}

TEST(Regulations7To12, KeepTheSectionStructure) {
	for (const auto &expected : ExpectedLaterRegulations()) {
		SCOPED_TRACE(expected.id);
		const DocumentTemplate &tmpl = Shipped(expected.id);
		ASSERT_EQ(tmpl.sections.size(), expected.section_prefixes.size());
		for (size_t idx = 0; idx < expected.section_prefixes.size(); ++idx) {
			EXPECT_EQ(tmpl.sections[idx].title.rfind(expected.section_prefixes[idx], 0), 0u) << tmpl.sections[idx].title;
			EXPECT_FALSE(tmpl.sections[idx].blocks.empty()) << tmpl.sections[idx].id;
		}
	}
	// The incident regulation carries the handbook's procedures by name.
	const DocumentTemplate &incident = Shipped("regulation_10_incident");
	std::set<std::string> headings;
	for (const auto &block : incident.sections[3].blocks) {
		if (block.type == BlockType::kHeading) headings.insert(block.text);
	}
	EXPECT_EQ(headings.count("10.4.1 漏えい・流出発生時の対応"), 1u);
	EXPECT_EQ(headings.count("10.4.3 ウイルス感染時の初期対応"), 1u);
	EXPECT_EQ(headings.count("10.4.4 届出及び相談"), 1u);
}

TEST(Regulations7To12, ApproversComeFromTheManagementRoles) {
	const DocumentTemplate &incident = Shipped("regulation_10_incident");
	for (const auto &[field_id, role] : std::vector<std::pair<std::string, std::string>>{
	         {"top_executive", "top_executive"}, {"response_manager", "response_manager"}, {"first_responder", "first_responder"}}) {
		const FieldSpec *field = incident.FindField(field_id);
		ASSERT_NE(field, nullptr) << field_id;
		EXPECT_EQ(field->type, FieldType::kPerson);
		EXPECT_EQ(field->role, role);
	}
	const FieldSpec *plan = incident.FindField("continuity_plan");
	ASSERT_NE(plan, nullptr);
	EXPECT_EQ(plan->type, FieldType::kTable);
	EXPECT_FALSE(plan->sample_rows.empty());
	EXPECT_EQ(Shipped("regulation_11_my_number").FindField("my_number_officer")->role, "my_number_officer");

	// A firm's 管理体制 fills the regulation: its 対応責任者 is printed, not the blank.
	FillContext context = EveryFlagContext();
	context.role_holders = {{"response_manager", "山田 花子"}};
	bool named = false;
	for (const auto &text : RegulationPrintedTexts(FillTemplate(incident, DocumentValues{}, context))) {
		named = named || text.find("山田 花子") != std::string::npos;
		EXPECT_EQ(text.find("【対応責任者】"), std::string::npos) << text;
	}
	EXPECT_TRUE(named);
}

TEST(RegulationChecklist, OneReviewDecisionAndItemTablePerRegulation) {
	const DocumentTemplate &checklist = Shipped("regulation_checklist");
	EXPECT_EQ(checklist.kind, "regulation_checklist");
	EXPECT_FALSE(checklist.regulation.has_value());
	const std::set<std::string> levels = {"大", "中", "細"};
	for (int number = 1; number <= 12; ++number) {
		SCOPED_TRACE(number);
		const FieldSpec *review = checklist.FindField("review_" + Padded(number));
		ASSERT_NE(review, nullptr);
		EXPECT_EQ(review->type, FieldType::kChoice);
		EXPECT_EQ(review->choices, kReviewChoices);
		EXPECT_TRUE(review->sample.empty()) << "the firm decides; no decision is preset";

		const FieldSpec *items = checklist.FindField("check_" + Padded(number));
		ASSERT_NE(items, nullptr);
		ASSERT_EQ(items->type, FieldType::kTable);
		ASSERT_EQ(items->columns.size(), 5u);
		EXPECT_EQ(items->columns[2].title, "有無");
		EXPECT_EQ(items->columns[3].title, "既存規程の条文・ページ");
		EXPECT_EQ(items->columns[4].title, "課題");
		ASSERT_FALSE(items->sample_rows.empty());
		EXPECT_EQ(items->sample_rows.front()[0], "大") << "each list starts with a main item";
		EXPECT_LE(static_cast<int>(items->sample_rows.size()), items->max_rows);
		for (const auto &row : items->sample_rows) {
			EXPECT_EQ(levels.count(row[0]), 1u) << row[0];
			EXPECT_FALSE(row[1].empty());
			EXPECT_TRUE(IsBlankCell(row[2]) && IsBlankCell(row[3]) && IsBlankCell(row[4])) << row[1];
		}
		const bool has_section = std::any_of(checklist.sections.begin(), checklist.sections.end(), [&](const auto &section) {
			return section.id == "r" + Padded(number) && section.title.rfind(std::to_string(number) + " ", 0) == 0;
		});
		EXPECT_TRUE(has_section);
	}
}

TEST(RegulationChecklist, AnUneditedSheetPrintsEveryItemWithEmptyAnswers) {
	const DocumentTemplate &checklist = Shipped("regulation_checklist");
	const std::vector<Block> blocks = FillTemplate(checklist, DocumentValues{}, EveryFlagContext());
	const FieldSpec *assets = checklist.FindField("check_03");
	ASSERT_NE(assets, nullptr);
	const Block *table = nullptr;
	for (const auto &block : blocks) {
		if (block.type == BlockType::kTable && !block.rows.empty() &&
		    PlainText(block.rows[0][1]) == assets->sample_rows[0][1]) {
			table = &block;
		}
	}
	ASSERT_NE(table, nullptr);
	ASSERT_EQ(table->rows.size(), assets->sample_rows.size());
	EXPECT_EQ(PlainText(table->rows[1][1]), "3.1.1 情報資産の特定と機密性の評価");
	EXPECT_TRUE(IsBlankCell(PlainText(table->rows[1][2])));
	EXPECT_FALSE(IsBlankCell("有"));

	// The undecided review prints as a visible blank, in its section and in the overview.
	int blanks = 0;
	for (const auto &text : RegulationPrintedTexts(blocks)) {
		if (text.find("【3 情報資産管理：今回の見直し】") != std::string::npos) ++blanks;
	}
	EXPECT_EQ(blanks, 2);

	DocumentValues decided;
	decided.fields["review_03"] = "既存のものを見直し改定した";
	EXPECT_TRUE(ValidateValues(checklist, decided).ok());
	decided.fields["review_03"] = "作成した";
	EXPECT_FALSE(ValidateValues(checklist, decided).ok());
}

TEST(Regulations7To12, FillWithoutRawPlaceholders) {
	for (const auto &expected : ExpectedLaterRegulations()) {
		ExpectNoRawPlaceholder(Shipped(expected.id));
	}
	ExpectNoRawPlaceholder(Shipped("regulation_checklist"));
}

TEST(Regulations7To12, EnglishOverlaysLoadAndFill) {
	auto files = platform::ReadContentFiles(testing_support::SourcePath("content"));
	ASSERT_TRUE(files.ok()) << files.error().Describe();
	auto english = ParseCatalog(files.value(), Locale::kEn);
	ASSERT_TRUE(english.ok()) << english.error().Describe();
	const Edition &edition = english.value().DefaultEdition();
	for (const auto &expected : ExpectedLaterRegulations()) {
		const DocumentTemplate *tmpl = edition.FindDocumentTemplate(expected.id);
		ASSERT_NE(tmpl, nullptr) << expected.id;
		EXPECT_EQ(tmpl->title.rfind(std::to_string(expected.number) + " ", 0), 0u);
		ExpectNoRawPlaceholder(*tmpl);
	}
	const DocumentTemplate *checklist = edition.FindDocumentTemplate("regulation_checklist");
	ASSERT_NE(checklist, nullptr);
	EXPECT_EQ(checklist->FindField("review_01")->choices.front(), "Newly created");
	EXPECT_EQ(checklist->FindField("check_01")->sample_rows.front()[0], "Main");
	ExpectNoRawPlaceholder(*checklist);
}

} // namespace
} // namespace mamori::document
