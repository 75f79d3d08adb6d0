// mamori/tests/unit/app/policy_pdf_test.cpp
//
// The 基本方針's PDF: a version built as a RenderedDocument
// (app/documents/policy_document) and printed by the generic renderer
// (export/document_pdf), as /orgs/ORG/policy.pdf serves it.
#include "app/documents/document_builders.hpp"
#include "export/document_pdf.hpp"
#include "support/catalog.hpp"
#include "export/document_samples.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mamori::app {
namespace {

//! The test's version as the PDF renders it; `company` is the organisation's name.
Result<std::string> RenderPolicyPdf(const MessageCatalog &messages, Locale locale, int extra_sections = 0,
                                    const std::string &company = "株式会社テスト商事") {
	PolicyTemplate tmpl;
	tmpl.title = "情報セキュリティ基本方針";
	tmpl.preamble = "{{company}}（以下、当社）は、{{scope}}において取り扱うお客様の情報をはじめとする情報資産を、"
	                "事故・災害・犯罪などの脅威から守り、お客様ならびに社会の信頼に応えるため、以下の方針に基づき"
	                "全社で情報セキュリティに取り組みます。";
	tmpl.clauses = {
	    {"management", "経営者の責任", "{{company}}は、経営者主導で組織的かつ継続的に情報セキュリティの改善・向上に努めます。",
	     true, true},
	    {"system", "社内体制の整備", "当社は、情報セキュリティの維持及び改善のために組織を設置し、情報セキュリティ対策を社内の正式な規則として定めます。",
	     true, false},
	    {"staff", "従業員の取組み", "当社の従業員は、情報セキュリティのために必要とされる知識、技術を習得し、情報セキュリティへの取り組みを確かなものにします。",
	     true, false},
	};
	std::vector<std::string> ids = {"management", "system", "staff"};
	for (int i = 0; i < extra_sections; ++i) {
		const std::string id = "extra" + std::to_string(i);
		tmpl.clauses.push_back({id, "追加の項目" + std::to_string(i),
		                        "当社は、法令、国が定める指針その他の規範を遵守します。情報資産の取り扱いに関して、"
		                        "違反や事故が発生した場合には、速やかに対処し、再発防止に努めます。",
		                        true, false});
		ids.push_back(id);
	}
	PolicyInput input;
	input.company_name = company;
	input.scope = "全ての事業所";
	input.clause_ids = ids;
	input.established_on = "2025-04-01";
	input.revised_on = "2025-10-01";
	input.representative_title = "代表取締役社長";
	input.representative_name = "山田太郎";
	OrgAccess access;
	access.org.name = company;
	access.org.document_locale = std::string(LocaleCode(locale));
	const DocumentWords words{messages, locale};
	auto doc = BuildPolicyVersionDocument(words, access, tmpl, input, 2, DocumentState::kPublished);
	if (!doc) {
		return doc.error();
	}
	return exporting::RenderDocumentPdf(*doc);
}

using exporting::samples::Compact;
using exporting::samples::HasEmbeddedCjkFont;
using exporting::samples::OnPath;
using exporting::samples::PdfPageCount;
using exporting::samples::PdfText;
using exporting::samples::RunCommand;
using exporting::samples::TempOutput;

TEST(PolicyPdfTest, ProducesPdfBytes) {
	const Result<std::string> pdf = RenderPolicyPdf(testing_support::ShippedMessages(), Locale::kJa);
	ASSERT_TRUE(pdf.ok()) << pdf.error().Describe();
	ASSERT_GT(pdf->size(), 1000u);
	EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
	EXPECT_NE(pdf->find("%%EOF"), std::string::npos);
}

TEST(PolicyPdfTest, TextAndEmbeddedFonts) {
	if (!OnPath("pdftotext") || !OnPath("pdffonts")) {
		GTEST_SKIP() << "poppler-utils not installed";
	}
	const Result<std::string> pdf = RenderPolicyPdf(testing_support::ShippedMessages(), Locale::kJa);
	ASSERT_TRUE(pdf.ok());
	TempOutput file("policy.pdf", *pdf);

	const std::string text = PdfText(file.path());
	EXPECT_NE(text.find("株式会社テスト商事"), std::string::npos) << text;
	EXPECT_NE(text.find("情報セキュリティ基本方針"), std::string::npos);
	EXPECT_NE(text.find("経営者の責任"), std::string::npos);
	EXPECT_NE(text.find("制定日：2025年4月1日"), std::string::npos);
	EXPECT_NE(text.find("改訂日：2025年10月1日"), std::string::npos);
	EXPECT_NE(text.find("第2版"), std::string::npos);
	// pdftotext drops the narrow spaces around the slash.
	EXPECT_NE(Compact(text).find("1/1"), std::string::npos);
	EXPECT_TRUE(HasEmbeddedCjkFont(file.path())) << RunCommand("pdffonts '" + file.path() + "'");

	const std::string info = RunCommand("pdfinfo '" + file.path() + "' 2>/dev/null");
	if (!info.empty()) {
		EXPECT_NE(info.find("情報セキュリティ基本方針"), std::string::npos) << info;
		EXPECT_NE(info.find("A4"), std::string::npos) << info;
	}
}

TEST(PolicyPdfTest, LabelsFollowTheDocumentLanguage) {
	if (!OnPath("pdftotext")) {
		GTEST_SKIP() << "poppler-utils not installed";
	}
	const MessageCatalog &messages = testing_support::ShippedMessages();
	const Result<std::string> japanese = RenderPolicyPdf(messages, Locale::kJa);
	ASSERT_TRUE(japanese.ok());
	TempOutput japanese_file("policy-ja.pdf", *japanese);
	const std::string japanese_text = PdfText(japanese_file.path());
	EXPECT_NE(japanese_text.find("制定日："), std::string::npos) << japanese_text;
	EXPECT_NE(japanese_text.find("第2版"), std::string::npos) << japanese_text;

	const Result<std::string> english = RenderPolicyPdf(messages, Locale::kEn);
	ASSERT_TRUE(english.ok());
	TempOutput english_file("policy-en.pdf", *english);
	const std::string english_text = PdfText(english_file.path());
	EXPECT_NE(english_text.find("Established:"), std::string::npos) << english_text;
	EXPECT_NE(english_text.find("Version 2"), std::string::npos) << english_text;
	EXPECT_EQ(english_text.find("制定日"), std::string::npos) << english_text;
}

TEST(PolicyPdfTest, LongDocumentBreaksPages) {
	if (!OnPath("pdfinfo")) {
		GTEST_SKIP() << "poppler-utils not installed";
	}
	const Result<std::string> pdf = RenderPolicyPdf(testing_support::ShippedMessages(), Locale::kJa, 20);
	ASSERT_TRUE(pdf.ok());
	TempOutput file("policy-long.pdf", *pdf);
	EXPECT_GE(PdfPageCount(file.path()), 2);
	const std::string text = PdfText(file.path());
	EXPECT_NE(text.find("23. 追加の項目19"), std::string::npos);
	EXPECT_NE(text.find("山田太郎"), std::string::npos);
}

TEST(PolicyPdfTest, PrintsMarkupCharactersLiterally) {
	const Result<std::string> pdf = RenderPolicyPdf(testing_support::ShippedMessages(), Locale::kJa, 0, "A&B <商会>");
	ASSERT_TRUE(pdf.ok());
	if (!OnPath("pdftotext")) {
		GTEST_SKIP();
	}
	TempOutput file("policy-markup.pdf", *pdf);
	EXPECT_NE(PdfText(file.path()).find("A&B <商会>"), std::string::npos);
}

} // namespace
} // namespace mamori::app
