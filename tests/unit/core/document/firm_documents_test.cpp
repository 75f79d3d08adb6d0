// mamori/tests/unit/core/document/firm_documents_test.cpp
//
// The shipped templates of the firm's own documents (issue 8): 管理体制,
// ハンドブック, クラウド and ウェブサイト checklists, 機密保持条項 and
// 委託先チェックリスト. They must hold what the guideline asks of them (表5's
// roles, 表9's 15 items, one handbook section per self-diagnosis item), fill
// without a raw {{placeholder}} left over, and read in English without
// Japanese outside brackets.
#include "core/catalog/catalog_loader.hpp"
#include "core/catalog/localize.hpp"
#include "core/document/document_fill.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

namespace mamori::document {
namespace {

const std::vector<std::string> kFirmDocuments = {"governance",        "handbook",        "cloud_checklist",
                                                 "website_checklist", "outsourcing_nda", "outsourcing_checklist"};

const std::set<std::string> kAllFlags = {"uses_cloud",        "telework",    "develops_systems",
                                         "handles_my_number", "has_website", "outsources"};

const DocumentTemplate &Shipped(const std::string &id) {
	const DocumentTemplate *tmpl = testing_support::ShippedEdition().FindDocumentTemplate(id);
	if (tmpl == nullptr) {
		ADD_FAILURE() << "no shipped template " << id;
		static const DocumentTemplate empty;
		return empty;
	}
	return *tmpl;
}

const TemplateSection *FindSection(const DocumentTemplate &tmpl, const std::string &id) {
	for (const auto &section : tmpl.sections) {
		if (section.id == id)
			return &section;
	}
	return nullptr;
}

//! The rows of every table written out in the template, in order.
std::vector<std::vector<std::string>> FixedRows(const DocumentTemplate &tmpl) {
	std::vector<std::vector<std::string>> rows;
	for (const auto &section : tmpl.sections) {
		for (const auto &block : section.blocks) {
			if (block.type == BlockType::kTable && block.table_field.empty()) {
				rows.insert(rows.end(), block.rows.begin(), block.rows.end());
			}
		}
	}
	return rows;
}

std::vector<std::string> ColumnIds(const FieldSpec &field) {
	std::vector<std::string> titles;
	for (const auto &column : field.columns)
		titles.push_back(column.title);
	return titles;
}

FillContext FirmJapaneseContext() {
	FillContext context;
	context.built_ins = {{"company", "テスト株式会社"}, {"company_short", "テスト"}, {"today", "2025年4月1日"}};
	context.date_pattern = "{{year}}年{{month}}月{{day}}日";
	context.blank_pattern = "【{{label}}】";
	context.flags = kAllFlags;
	return context;
}

//! Every piece of text a renderer would print: lines, markers, cells, titles.
std::vector<std::string> PrintedTexts(const std::vector<Block> &blocks) {
	std::vector<std::string> texts;
	for (const auto &block : blocks) {
		texts.push_back(PlainText(block.line));
		for (const auto &item : block.items) {
			texts.push_back(item.marker);
			texts.push_back(PlainText(item.line));
		}
		for (const auto &column : block.columns)
			texts.push_back(column.title);
		for (const auto &row : block.rows) {
			for (const auto &cell : row)
				texts.push_back(PlainText(cell));
		}
		for (const auto &line : block.lines)
			texts.push_back(PlainText(line));
	}
	return texts;
}

std::string Joined(const std::vector<std::string> &texts) {
	std::string all;
	for (const auto &text : texts)
		all += text + "\n";
	return all;
}

TEST(FirmDocuments, EachTemplateIsShippedUnderItsKind) {
	for (const auto &id : kFirmDocuments) {
		const DocumentTemplate &tmpl = Shipped(id);
		EXPECT_EQ(tmpl.kind, id);
		EXPECT_FALSE(tmpl.title.empty()) << id;
		EXPECT_FALSE(tmpl.source.document.empty()) << id;
	}
	EXPECT_EQ(Shipped("cloud_checklist").applies.any_of_flags, (std::vector<std::string>{"uses_cloud"}));
	EXPECT_EQ(Shipped("website_checklist").applies.any_of_flags, (std::vector<std::string>{"has_website"}));
	EXPECT_EQ(Shipped("outsourcing_nda").applies.any_of_flags, (std::vector<std::string>{"outsources"}));
	EXPECT_TRUE(Shipped("governance").applies.Always());
	EXPECT_TRUE(Shipped("handbook").applies.Always());
}

TEST(FirmDocuments, GovernanceHasTheRolesOfTables5And6AndTheCoachingGuide) {
	const DocumentTemplate &tmpl = Shipped("governance");
	const TemplateSection *roles = FindSection(tmpl, "roles");
	ASSERT_NE(roles, nullptr);
	std::vector<std::string> role_names;
	for (const auto &block : roles->blocks) {
		for (const auto &row : block.rows)
			role_names.push_back(row.at(0));
	}
	EXPECT_EQ(role_names, (std::vector<std::string>{"情報セキュリティ責任者", "情報セキュリティ部門責任者",
	                                                "システム管理者", "教育責任者", "点検責任者"}));

	std::set<std::string> emergency;
	const TemplateSection *section = FindSection(tmpl, "emergency");
	ASSERT_NE(section, nullptr);
	for (const auto &block : section->blocks) {
		for (const auto &row : block.rows)
			emergency.insert(row.at(0));
	}
	for (const std::string name :
	     {"情報セキュリティ責任者", "情報セキュリティ部門責任者", "事故・異常を発見した従業員"}) {
		EXPECT_EQ(emergency.count(name), 1u) << name; // 表6
	}

	// Every 管理体制 role of the format has a person field that names it.
	std::set<std::string> person_roles;
	for (const auto &field : tmpl.fields) {
		if (field.type == FieldType::kPerson)
			person_roles.insert(field.role);
	}
	for (const std::string role :
	     {"top_executive", "information_security_officer", "department_manager", "system_administrator",
	      "education_officer", "inspection_officer", "response_manager", "first_responder", "my_number_officer",
	      "personal_information_officer"}) {
		EXPECT_EQ(person_roles.count(role), 1u) << role;
	}
	const TemplateSection *my_number = FindSection(tmpl, "my_number");
	ASSERT_NE(my_number, nullptr);
	EXPECT_EQ(my_number->applies.any_of_flags, (std::vector<std::string>{"handles_my_number"}));

	const FieldSpec *contacts = tmpl.FindField("contacts");
	ASSERT_NE(contacts, nullptr);
	EXPECT_EQ(contacts->type, FieldType::kTable);
	EXPECT_EQ(ColumnIds(*contacts), (std::vector<std::string>{"氏名", "役割", "電話", "メール"}));
}

TEST(FirmDocuments, HandbookHasARuleSectionForEachSelfcheckItem) {
	const DocumentTemplate &tmpl = Shipped("handbook");
	const auto &items = testing_support::ShippedEdition().selfcheck_items;
	ASSERT_EQ(items.size(), 25u);
	for (const auto &item : items) {
		char id[16];
		std::snprintf(id, sizeof id, "item_%02d", item.number);
		const TemplateSection *section = FindSection(tmpl, id);
		ASSERT_NE(section, nullptr) << id;
		EXPECT_TRUE(section->applies.Always()) << id;
		std::set<std::string> markers;
		for (const auto &block : section->blocks) {
			for (const auto &rule : block.items)
				markers.insert(rule.marker);
		}
		EXPECT_EQ(markers.count("〇"), 1u) << id << " has no 〇 (required) rule";
		for (const auto &marker : markers) {
			EXPECT_TRUE(marker == "〇" || marker == "×") << id << ": " << marker;
		}
	}
	// The password rule keeps the template's example: 10 characters or more.
	const FieldSpec *length = tmpl.FindField("password_min_length");
	ASSERT_NE(length, nullptr);
	EXPECT_EQ(length->sample, "10");

	const TemplateSection *telework = FindSection(tmpl, "telework");
	ASSERT_NE(telework, nullptr);
	EXPECT_EQ(telework->applies.any_of_flags, (std::vector<std::string>{"telework"}));

	const FieldSpec *backup = tmpl.FindField("backup_targets");
	ASSERT_NE(backup, nullptr);
	EXPECT_EQ(ColumnIds(*backup), (std::vector<std::string>{"機器名", "対象", "方法", "保管媒体", "頻度"}));
	ASSERT_EQ(backup->sample_rows.size(), 1u);
	EXPECT_EQ(backup->sample_rows[0].back(), "毎週");
}

TEST(FirmDocuments, TheTeleworkSectionIsOnlyForFirmsThatTelework) {
	const DocumentTemplate &tmpl = Shipped("handbook");
	FillContext context = FirmJapaneseContext();
	context.flags = {};
	EXPECT_EQ(Joined(PrintedTexts(FillTemplate(tmpl, {}, context))).find("テレワーク"), std::string::npos);
	context.flags = {"telework"};
	EXPECT_NE(Joined(PrintedTexts(FillTemplate(tmpl, {}, context))).find("テレワーク"), std::string::npos);
}

TEST(FirmDocuments, CloudChecklistAsksTheFifteenItemsOfTable9) {
	const DocumentTemplate &tmpl = Shipped("cloud_checklist");
	std::vector<std::vector<std::string>> items;
	for (const auto &row : FixedRows(tmpl)) {
		if (row.size() == 4)
			items.push_back(row);
	}
	ASSERT_EQ(items.size(), 15u);
	for (size_t idx = 0; idx < items.size(); ++idx) {
		EXPECT_EQ(items[idx][0], std::to_string(idx + 1));
		EXPECT_NE(items[idx][1].find("？"), std::string::npos) << "item " << idx + 1 << " asks no question";
	}
	EXPECT_EQ(items[6][1].rfind("管理担当者を決める", 0), 0u);
	EXPECT_EQ(items[9][1].rfind("バックアップに責任を持つ", 0), 0u);
	for (const auto &section : tmpl.sections) {
		for (const auto &block : section.blocks) {
			if (block.columns.size() == 4) {
				EXPECT_EQ(block.columns[1].title, "確認項目");
				EXPECT_EQ(block.columns[2].title, "回答");
				EXPECT_EQ(block.columns[3].title, "メモ");
			}
		}
	}
	ASSERT_NE(tmpl.FindField("service_name"), nullptr);
	ASSERT_NE(tmpl.FindField("stored_assets"), nullptr);
	const FieldSpec *last_answer = tmpl.FindField("cloud_answer_15");
	ASSERT_NE(last_answer, nullptr);
	EXPECT_EQ(last_answer->type, FieldType::kChoice);
}

TEST(FirmDocuments, WebsiteChecklistOffersTheOperatingFormsOfTable8) {
	const DocumentTemplate &tmpl = Shipped("website_checklist");
	const FieldSpec *form = tmpl.FindField("operation_form");
	ASSERT_NE(form, nullptr);
	EXPECT_EQ(form->type, FieldType::kChoice);
	EXPECT_EQ(form->choices, (std::vector<std::string>{"サーバー自社設置（オンプレミス）",
	                                                   "レンタルサーバー・クラウドサービス（PaaS）", "モール・ASP"}));
	std::set<std::string> explained;
	std::vector<std::string> check_points;
	for (const auto &row : FixedRows(tmpl)) {
		explained.insert(row.at(0));
		if (row.size() == 5)
			check_points.push_back(row.at(1));
	}
	for (const auto &choice : form->choices)
		EXPECT_EQ(explained.count(choice), 1u) << choice;
	ASSERT_EQ(check_points.size(), 4u);
	EXPECT_EQ(check_points[0], "ウェブアプリケーションのセキュリティ対策");
	EXPECT_EQ(check_points[3], "その他のセキュリティ対策");
}

TEST(FirmDocuments, OutsourcingDocumentsNameThePartiesAndTheInformation) {
	const DocumentTemplate &nda = Shipped("outsourcing_nda");
	for (const std::string id : {"party_a", "party_b", "confidential_items"}) {
		EXPECT_NE(nda.FindField(id), nullptr) << id;
	}
	DocumentValues values;
	values.fields = {{"party_a", "テスト株式会社"}, {"party_b", "委託先株式会社"}, {"article_number", "12"}};
	ASSERT_TRUE(ValidateValues(nda, values).ok());
	const std::string text = Joined(PrintedTexts(FillTemplate(nda, values, FirmJapaneseContext())));
	EXPECT_NE(text.find("第12条（機密保持）"), std::string::npos);
	EXPECT_NE(text.find("乙：委託先株式会社"), std::string::npos);
	EXPECT_NE(text.find("甲の事前の書面による承諾なく第三者に開示してはならない"), std::string::npos);

	const DocumentTemplate &checklist = Shipped("outsourcing_checklist");
	EXPECT_NE(checklist.FindField("partner_name"), nullptr);
	EXPECT_NE(checklist.FindField("handed_information"), nullptr);
	EXPECT_GE(FixedRows(checklist).size(), 20u);
}

TEST(FirmDocuments, FillingLeavesNoPlaceholderBehind) {
	for (const auto &id : kFirmDocuments) {
		const DocumentTemplate &tmpl = Shipped(id);
		for (const bool with_flags : {true, false}) {
			FillContext context = FirmJapaneseContext();
			if (!with_flags)
				context.flags = {};
			const std::vector<Block> blocks = FillTemplate(tmpl, {}, context);
			ASSERT_FALSE(blocks.empty()) << id;
			for (const auto &text : PrintedTexts(blocks)) {
				EXPECT_EQ(text.find("{{"), std::string::npos) << id << ": " << text;
			}
		}
	}
	// The firm's name reaches the documents that speak of the firm.
	for (const std::string id : {"governance", "handbook", "cloud_checklist"}) {
		const std::string text = Joined(PrintedTexts(FillTemplate(Shipped(id), {}, FirmJapaneseContext())));
		EXPECT_NE(text.find("テスト株式会社"), std::string::npos) << id;
	}
	// An unfilled person shows a visible blank; the holder of the role fills it.
	FillContext context = FirmJapaneseContext();
	const DocumentTemplate &governance = Shipped("governance");
	EXPECT_NE(Joined(PrintedTexts(FillTemplate(governance, {}, context))).find("【点検責任者】"), std::string::npos);
	context.role_holders["inspection_officer"] = "点検 花子";
	const std::string filled = Joined(PrintedTexts(FillTemplate(governance, {}, context)));
	EXPECT_EQ(filled.find("【点検責任者】"), std::string::npos);
	EXPECT_NE(filled.find("点検 花子"), std::string::npos);
}

TEST(FirmDocuments, EnglishDocumentsHaveNoJapaneseOutsideBrackets) {
	auto files = platform::ReadContentFiles(testing_support::SourcePath("content"));
	ASSERT_TRUE(files.ok());
	auto english = ParseCatalog(files.value(), Locale::kEn);
	ASSERT_TRUE(english.ok()) << english.error().Describe();
	FillContext context;
	context.built_ins = {{"company", "Test Ltd."}, {"company_short", "Test"}, {"today", "1 April 2025"}};
	context.date_pattern = "{{day}}/{{month}}/{{year}}";
	context.blank_pattern = "[{{label}}]";
	context.flags = kAllFlags;
	for (const auto &id : kFirmDocuments) {
		const DocumentTemplate *tmpl = english.value().DefaultEdition().FindDocumentTemplate(id);
		ASSERT_NE(tmpl, nullptr) << id;
		EXPECT_FALSE(HasJapaneseOutsideBrackets(tmpl->title)) << id;
		for (const auto &text : PrintedTexts(FillTemplate(*tmpl, {}, context))) {
			EXPECT_FALSE(HasJapaneseOutsideBrackets(text)) << id << ": " << text;
			EXPECT_EQ(text.find("{{"), std::string::npos) << id << ": " << text;
		}
	}
}

} // namespace
} // namespace mamori::document
