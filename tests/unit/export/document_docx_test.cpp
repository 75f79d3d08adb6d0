// mamori/tests/unit/export/document_docx_test.cpp
#include "export/document_docx.hpp"

#include "document_samples.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <filesystem>
#include <map>

namespace mamori::exporting {
namespace {

using samples::kCompany;
using samples::SampleDocument;

std::map<std::string, std::string> DocxParts(const document::RenderedDocument &doc) {
	const Result<std::string> docx = RenderDocumentDocx(doc);
	EXPECT_TRUE(docx.ok()) << docx.error().Describe();
	return docx.ok() ? samples::ReadZip(*docx) : std::map<std::string, std::string>{};
}

//! All the w:t text of a part, joined, as a reader would see it.
std::string WordText(const std::string &xml) {
	pugi::xml_document parsed;
	EXPECT_TRUE(parsed.load_string(xml.c_str()));
	std::string text;
	for (const pugi::xpath_node &node : parsed.select_nodes("//w:t")) {
		text += node.node().text().get();
	}
	return text;
}

TEST(DocumentDocxTest, PackageHasEveryPartAndEachIsWellFormedXml) {
	const auto parts = DocxParts(SampleDocument());
	for (const char *name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
	                         "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/header1.xml",
	                         "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"}) {
		ASSERT_TRUE(parts.contains(name)) << name;
		pugi::xml_document parsed;
		EXPECT_TRUE(parsed.load_string(parts.at(name).c_str())) << name;
	}
	// Every part the content types name is in the package, and vice versa.
	pugi::xml_document types;
	ASSERT_TRUE(types.load_string(parts.at("[Content_Types].xml").c_str()));
	for (const pugi::xpath_node &node : types.select_nodes("//Override")) {
		EXPECT_TRUE(parts.contains(std::string(node.node().attribute("PartName").value()).substr(1)))
		    << node.node().attribute("PartName").value();
	}
}

TEST(DocumentDocxTest, DocumentHoldsTheTextWithStylesTablesAndBreaks) {
	const auto parts = DocxParts(SampleDocument());
	const std::string &xml = parts.at("word/document.xml");
	const std::string text = WordText(xml);
	for (const char *expected :
	     {kCompany, "情報セキュリティ関連規程", "1 組織的対策", "1.1 情報セキュリティ責任者", "【承認者】", "機器名",
	      "ファイルサーバ3", "〇", "×", "ガイドラインのサンプルです", "2 物理的対策", "山田太郎"}) {
		EXPECT_NE(text.find(expected), std::string::npos) << expected;
	}
	for (const char *markup :
	     {R"(<w:pStyle w:val="Heading1"/>)", R"(<w:pStyle w:val="Heading2"/>)", R"(<w:pStyle w:val="Heading3"/>)",
	      R"(<w:pStyle w:val="Title"/>)", R"(<w:pStyle w:val="ListItem"/>)", R"(<w:pStyle w:val="Note"/>)",
	      R"(<w:pStyle w:val="Signature"/>)", "<w:tblHeader/>", "<w:tblBorders>", "<w:pageBreakBefore/>",
	      R"(<w:rStyle w:val="BlankField"/>)", R"(<w:bookmarkStart w:id="0" w:name="regulation_1"/>)",
	      R"(<w:pgSz w:w="11906" w:h="16838"/>)"}) {
		EXPECT_NE(xml.find(markup), std::string::npos) << markup;
	}
	// The blank field is the run in the BlankField style, not the text around it.
	pugi::xml_document parsed;
	ASSERT_TRUE(parsed.load_string(xml.c_str()));
	const pugi::xpath_node blank = parsed.select_node("//w:r[w:rPr/w:rStyle/@w:val='BlankField'][1]/w:t");
	ASSERT_TRUE(blank);
	EXPECT_STREQ(blank.node().text().get(), "【承認者】");
	// The header row, and only it, repeats.
	EXPECT_EQ(parsed.select_nodes("//w:tblHeader").size(), 1u);
}

TEST(DocumentDocxTest, StylesHeaderAndFooterFollowTheDocument) {
	const auto parts = DocxParts(SampleDocument());
	const std::string &styles = parts.at("word/styles.xml");
	for (const char *id : {"Heading1", "Heading2", "Heading3"}) {
		EXPECT_NE(styles.find(std::string("w:styleId=\"") + id + "\""), std::string::npos) << id;
	}
	EXPECT_NE(styles.find(R"(w:eastAsia="Noto Serif CJK JP")"), std::string::npos);
	EXPECT_NE(styles.find(R"(<w:lang w:val="ja-JP" w:eastAsia="ja-JP")"), std::string::npos);
	EXPECT_NE(parts.at("word/fontTable.xml").find("Yu Mincho"), std::string::npos);

	const std::string header = WordText(parts.at("word/header1.xml"));
	EXPECT_NE(header.find(kCompany), std::string::npos);
	EXPECT_NE(header.find("改訂日：2025年4月1日"), std::string::npos);
	EXPECT_NE(header.find("下書き"), std::string::npos);
	const std::string &footer = parts.at("word/footer1.xml");
	EXPECT_NE(WordText(footer).find("情報セキュリティ関連規程 第2版"), std::string::npos);
	EXPECT_NE(footer.find(" PAGE "), std::string::npos);
	EXPECT_NE(footer.find(" NUMPAGES "), std::string::npos);
	EXPECT_NE(footer.find(" / "), std::string::npos);
	EXPECT_NE(parts.at("docProps/core.xml").find("<dc:title>情報セキュリティ関連規程</dc:title>"), std::string::npos);
}

TEST(DocumentDocxTest, EnglishDocumentIsMarkedEnglish) {
	document::RenderedDocument doc = SampleDocument();
	doc.locale = Locale::kEn;
	const auto parts = DocxParts(doc);
	EXPECT_NE(parts.at("word/styles.xml").find(R"(<w:lang w:val="en-GB")"), std::string::npos);
	EXPECT_NE(parts.at("docProps/core.xml").find("<dc:language>en-GB</dc:language>"), std::string::npos);
}

TEST(DocumentDocxTest, MarkupAndControlCharactersStayText) {
	document::RenderedDocument doc = SampleDocument();
	doc.blocks[1].line[1].text = "A&B <商会>\x01";
	doc.title = "</w:t><w:t>x";
	const auto parts = DocxParts(doc);
	const std::string &xml = parts.at("word/document.xml");
	const std::string text = WordText(xml);
	EXPECT_NE(text.find("A&B <商会>"), std::string::npos);
	EXPECT_NE(text.find("</w:t><w:t>x"), std::string::npos);
	EXPECT_EQ(xml.find('\x01'), std::string::npos);
	EXPECT_NE(xml.find("A&amp;B &lt;商会&gt;"), std::string::npos);
}

TEST(DocumentDocxTest, BytesThatAreNotUtf8BecomeReplacementCharacters) {
	document::RenderedDocument doc = SampleDocument();
	doc.blocks[1].line[1].text = "A\xff\xfe"
	                             "B";
	const auto parts = DocxParts(doc);
	const std::string &xml = parts.at("word/document.xml");
	EXPECT_EQ(xml.find('\xff'), std::string::npos);
	EXPECT_NE(WordText(xml).find("A\uFFFD\uFFFDB"), std::string::npos);
}

TEST(DocumentDocxTest, SameDocumentSameBytes) {
	const Result<std::string> first = RenderDocumentDocx(SampleDocument());
	const Result<std::string> second = RenderDocumentDocx(SampleDocument());
	ASSERT_TRUE(first.ok() && second.ok());
	EXPECT_EQ(*first, *second);
}

//! The proof that the file opens: LibreOffice converts it to PDF, and the
//! PDF holds the text, the header and the footer's page numbers.
TEST(DocumentDocxTest, LibreOfficeOpensItAndPrintsTheText) {
	if (!samples::OnPath("libreoffice")) {
		GTEST_SKIP() << "libreoffice not installed (Debian libreoffice-writer-nogui)";
	}
	ASSERT_TRUE(samples::OnPath("pdftotext")) << "poppler-utils not installed";
	const Result<std::string> docx = RenderDocumentDocx(SampleDocument(80));
	ASSERT_TRUE(docx.ok());
	samples::TempOutput file("document.docx", *docx);
	// A profile of its own: a shared one may be locked by another office.
	const std::string command = "cd '" + file.directory() + "' && timeout 300 libreoffice --headless --norestore " +
	                            "-env:UserInstallation=file://" + file.directory() + "/profile " +
	                            "--convert-to pdf --outdir '" + file.directory() + "' document.docx 2>&1";
	const std::string log = samples::RunCommand(command);
	const std::string pdf = file.directory() + "/document.pdf";
	ASSERT_TRUE(std::filesystem::exists(pdf)) << log;

	const int pages = samples::PdfPageCount(pdf);
	EXPECT_GE(pages, 3) << log;
	// LibreOffice spaces Japanese from digits and Latin letters, as Word does
	// (autoSpaceDE), so the comparison ignores spaces.
	const std::string text = samples::Compact(samples::PdfText(pdf));
	for (const char *expected : {kCompany, "1組織的対策", "ファイルサーバ80", "山田太郎", "下書き", "【承認者】"}) {
		EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
	}
	const std::string last = samples::PdfText(pdf, pages);
	EXPECT_NE(samples::Compact(last).find(std::to_string(pages) + "/" + std::to_string(pages)), std::string::npos)
	    << last;
	// The table's header row is repeated on the second page.
	EXPECT_NE(samples::PdfText(pdf, 2).find("保管媒体"), std::string::npos);
}

} // namespace
} // namespace mamori::exporting
