// mamori/tests/unit/export/document_pdf_test.cpp
#include "export/document_pdf.hpp"

#include "document_samples.hpp"

#include <gtest/gtest.h>

namespace mamori::exporting {
namespace {

using samples::Compact;
using samples::kCompany;
using samples::PdfText;
using samples::SampleDocument;
using samples::TempOutput;

bool HavePoppler() {
	return samples::OnPath("pdftotext") && samples::OnPath("pdffonts") && samples::OnPath("pdfinfo");
}

TEST(DocumentPdfTest, ProducesPdfBytes) {
	const Result<std::string> pdf = RenderDocumentPdf(SampleDocument());
	ASSERT_TRUE(pdf.ok()) << pdf.error().Describe();
	EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
	EXPECT_NE(pdf->find("%%EOF"), std::string::npos);
}

TEST(DocumentPdfTest, RefusesAnEmptyDocument) {
	const Result<std::string> pdf = RenderDocumentPdf(document::RenderedDocument{});
	ASSERT_FALSE(pdf.ok());
	EXPECT_EQ(pdf.error().message, "errors.pdf.empty");
}

TEST(DocumentPdfTest, TextFrameAndEmbeddedJapaneseFont) {
	if (!HavePoppler()) {
		GTEST_SKIP() << "poppler-utils not installed";
	}
	const Result<std::string> pdf = RenderDocumentPdf(SampleDocument());
	ASSERT_TRUE(pdf.ok()) << pdf.error().Describe();
	TempOutput file("document.pdf", *pdf);

	const std::string text = PdfText(file.path());
	for (const char *expected : {kCompany,
	                             "情報セキュリティ関連規程",
	                             "組織的対策",
	                             "1 組織的対策",
	                             "1.1 情報セキュリティ責任者",
	                             "【情報セキュリティ責任者】",
	                             "【承認者】",
	                             "全ての事業所",
	                             "機器名",
	                             "保管媒体",
	                             "ファイルサーバ3",
	                             "ガイドラインのサンプルです",
	                             "2 物理的対策",
	                             "代表取締役社長",
	                             "山田太郎",
	                             "改訂日：2025年4月1日",
	                             "情報セキュリティ関連規程 第2版",
	                             "下書き",
	                             "〇",
	                             "×"}) {
		EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
	}
	EXPECT_TRUE(samples::HasEmbeddedCjkFont(file.path())) << samples::RunCommand("pdffonts '" + file.path() + "'");
	const std::string info = samples::RunCommand("pdfinfo '" + file.path() + "'");
	const std::size_t title = info.find("Title:");
	ASSERT_NE(title, std::string::npos) << info;
	const std::string title_line = info.substr(title, info.find('\n', title) - title);
	EXPECT_NE(title_line.find("情報セキュリティ関連規程"), std::string::npos) << info;
	EXPECT_NE(info.find("A4"), std::string::npos) << info;
}

TEST(DocumentPdfTest, PageBreakStartsTheNextChapterOnANewPage) {
	if (!HavePoppler()) {
		GTEST_SKIP() << "poppler-utils not installed";
	}
	const Result<std::string> pdf = RenderDocumentPdf(SampleDocument());
	ASSERT_TRUE(pdf.ok());
	TempOutput file("document.pdf", *pdf);
	ASSERT_EQ(samples::PdfPageCount(file.path()), 2);
	EXPECT_EQ(PdfText(file.path(), 1).find("2 物理的対策"), std::string::npos);
	EXPECT_NE(PdfText(file.path(), 2).find("2 物理的対策"), std::string::npos);
	EXPECT_NE(Compact(PdfText(file.path(), 1)).find("1/2"), std::string::npos);
	EXPECT_NE(Compact(PdfText(file.path(), 2)).find("2/2"), std::string::npos);
}

TEST(DocumentPdfTest, LongTableCrossesPagesWithItsHeaderRowAndTheFrameOnEveryPage) {
	if (!HavePoppler()) {
		GTEST_SKIP() << "poppler-utils not installed";
	}
	const Result<std::string> pdf = RenderDocumentPdf(SampleDocument(120));
	ASSERT_TRUE(pdf.ok());
	TempOutput file("document.pdf", *pdf);
	const int pages = samples::PdfPageCount(file.path());
	ASSERT_GE(pages, 4);
	for (int page = 1; page <= pages; ++page) {
		const std::string text = PdfText(file.path(), page);
		const std::string number = std::to_string(page) + "/" + std::to_string(pages);
		EXPECT_NE(Compact(text).find(number), std::string::npos) << "page " << page << "\n" << text;
		EXPECT_NE(text.find(kCompany), std::string::npos) << "page " << page;
		EXPECT_NE(text.find("下書き"), std::string::npos) << "page " << page;
		// Every page the table reaches repeats its header row.
		if (text.find("ファイルサーバ") != std::string::npos) {
			EXPECT_NE(text.find("保管媒体"), std::string::npos) << "page " << page << "\n" << text;
		}
	}
	const std::string all = PdfText(file.path());
	EXPECT_NE(all.find("ファイルサーバ1\n"), std::string::npos);
	EXPECT_NE(all.find("ファイルサーバ120"), std::string::npos);
	EXPECT_NE(PdfText(file.path(), pages).find("山田太郎"), std::string::npos);
}

TEST(DocumentPdfTest, RowTallerThanAPageIsCutBetweenLines) {
	if (!HavePoppler()) {
		GTEST_SKIP() << "poppler-utils not installed";
	}
	document::RenderedDocument doc = SampleDocument(1);
	std::string long_cell = "始まり";
	for (int i = 0; i < 120; ++i) {
		long_cell += "外付けハードディスクに毎日バックアップし、";
	}
	long_cell += "終わり";
	doc.blocks[6].rows[0][1] = document::TextLine(long_cell);
	const Result<std::string> pdf = RenderDocumentPdf(doc);
	ASSERT_TRUE(pdf.ok());
	TempOutput file("document.pdf", *pdf);
	ASSERT_GE(samples::PdfPageCount(file.path()), 3);
	const std::string first = PdfText(file.path(), 1);
	const std::string second = PdfText(file.path(), 2);
	EXPECT_NE(first.find("始まり"), std::string::npos) << first;
	EXPECT_NE(second.find("保管媒体"), std::string::npos) << second;
	EXPECT_NE(second.find("バックアップし"), std::string::npos) << second;
	const std::string all = PdfText(file.path());
	EXPECT_NE(all.find("終わり"), std::string::npos);
	EXPECT_NE(all.find("ファイルサーバ1"), std::string::npos);
}

TEST(DocumentPdfTest, DraftMarkOnlyWhenGiven) {
	if (!HavePoppler()) {
		GTEST_SKIP() << "poppler-utils not installed";
	}
	document::RenderedDocument doc = SampleDocument();
	doc.frame.draft_mark.clear();
	const Result<std::string> pdf = RenderDocumentPdf(doc);
	ASSERT_TRUE(pdf.ok());
	TempOutput file("document.pdf", *pdf);
	EXPECT_EQ(PdfText(file.path()).find("下書き"), std::string::npos);
}

TEST(DocumentPdfTest, PrintsMarkupCharactersLiterally) {
	if (!HavePoppler()) {
		GTEST_SKIP() << "poppler-utils not installed";
	}
	document::RenderedDocument doc = SampleDocument();
	doc.blocks[1].line[1].text = "A&B <商会>";
	doc.frame.header_left = "<b>C&D</b>";
	const Result<std::string> pdf = RenderDocumentPdf(doc);
	ASSERT_TRUE(pdf.ok());
	TempOutput file("document.pdf", *pdf);
	const std::string text = PdfText(file.path());
	EXPECT_NE(text.find("A&B <商会>"), std::string::npos) << text;
	EXPECT_NE(text.find("<b>C&D</b>"), std::string::npos) << text;
}

TEST(DocumentPdfTest, BytesThatAreNotUtf8DoNotStopThePdf) {
	document::RenderedDocument doc = SampleDocument();
	doc.title = "A\xff";
	doc.blocks[0].line = document::TextLine("B\xfe");
	doc.blocks[1].line[1].text = "C\xff";
	const Result<std::string> pdf = RenderDocumentPdf(doc);
	ASSERT_TRUE(pdf.ok()) << pdf.error().Describe();
	if (!HavePoppler()) {
		GTEST_SKIP() << "poppler-utils not installed";
	}
	TempOutput file("document.pdf", *pdf);
	EXPECT_NE(PdfText(file.path()).find("C\uFFFD"), std::string::npos);
}

TEST(DocumentPdfTest, EnglishDocument) {
	if (!HavePoppler()) {
		GTEST_SKIP() << "poppler-utils not installed";
	}
	document::RenderedDocument doc;
	doc.title = "Information security regulations";
	doc.locale = Locale::kEn;
	doc.frame = {"Test Trading Ltd", "Revised: 1 April 2025", "Regulations, version 2", "Page {{page}} of {{pages}}",
	             ""};
	doc.blocks = {document::Block{document::BlockType::kParagraph, 1, "",
	                              document::TextLine("Staff keep the rules of this regulation.")}};
	const Result<std::string> pdf = RenderDocumentPdf(doc);
	ASSERT_TRUE(pdf.ok());
	TempOutput file("document.pdf", *pdf);
	const std::string text = PdfText(file.path());
	EXPECT_NE(text.find("Staff keep the rules of this regulation."), std::string::npos) << text;
	EXPECT_NE(text.find("Page 1 of 1"), std::string::npos) << text;
}

} // namespace
} // namespace mamori::exporting
