// mamori/tests/unit/export/document_html_test.cpp
#include "export/document_html.hpp"

#include "document_samples.hpp"
#include "support/golden.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace mamori::exporting {
namespace {

using samples::SampleDocument;

// Written by hand from the sample document, not copied from the output.
const std::string kGoldenArticle =
    std::string(MAMORI_SOURCE_DIR) + "/tests/golden/documents/regulations_sample.expected.html";

std::string ReadHtmlFile(const std::string &path) {
	std::ifstream in(path, std::ios::binary);
	std::ostringstream content;
	content << in.rdbuf();
	return content.str();
}

TEST(DocumentHtmlTest, ArticleMatchesTheGoldenFile) {
	const std::string expected = ReadHtmlFile(kGoldenArticle);
	ASSERT_FALSE(expected.empty()) << kGoldenArticle;
	const std::string actual = RenderDocumentHtmlArticle(SampleDocument(2));
	if (actual != expected && golden::UpdateRequested()) {
		std::ofstream(kGoldenArticle, std::ios::binary) << actual;
		return;
	}
	EXPECT_EQ(actual, expected);
}

TEST(DocumentHtmlTest, PageWrapsTheArticleWithLanguageStylesAndFrame) {
	const document::RenderedDocument doc = SampleDocument(2);
	const std::string page = RenderDocumentHtml(doc);
	EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"ja\">\n", 0), 0u);
	EXPECT_NE(page.find("<title>情報セキュリティ関連規程</title>"), std::string::npos);
	EXPECT_NE(page.find(RenderDocumentHtmlArticle(doc)), std::string::npos);
	EXPECT_NE(page.find(DocumentHtmlStyles()), std::string::npos);
	EXPECT_NE(page.find("@media print"), std::string::npos);
	EXPECT_NE(page.find("size: A4;"), std::string::npos);
	EXPECT_NE(page.find("@top-left { content: \"株式会社テスト商事\";"), std::string::npos) << page;
	EXPECT_NE(page.find("@top-right { content: \"改訂日：2025年4月1日\";"), std::string::npos);
	EXPECT_NE(page.find("@top-center { content: \"下書き\";"), std::string::npos);
	EXPECT_NE(page.find("@bottom-left { content: \"情報セキュリティ関連規程 第2版\";"), std::string::npos);
	EXPECT_NE(page.find("@bottom-right { content: counter(page) \" / \" counter(pages);"), std::string::npos) << page;
	EXPECT_NE(page.find("<span class=\"doc-draft\">下書き</span>"), std::string::npos);
	EXPECT_NE(page.find(".doc-page-break { break-after: page;"), std::string::npos);
	EXPECT_NE(page.find(".doc-blank {"), std::string::npos);
}

TEST(DocumentHtmlTest, NoDraftMarkWhenPublished) {
	document::RenderedDocument doc = SampleDocument(1);
	doc.frame.draft_mark.clear();
	const std::string page = RenderDocumentHtml(doc);
	EXPECT_EQ(page.find("@top-center"), std::string::npos);
	EXPECT_EQ(page.find("doc-draft\">"), std::string::npos);
}

TEST(DocumentHtmlTest, EnglishDocumentIsMarkedEnglish) {
	document::RenderedDocument doc = SampleDocument(1);
	doc.locale = Locale::kEn;
	EXPECT_EQ(RenderDocumentHtml(doc).rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
	EXPECT_EQ(RenderDocumentHtmlArticle(doc).rfind("<article class=\"mamori-document\" lang=\"en\">", 0), 0u);
}

TEST(DocumentHtmlTest, EveryTextIsEscaped) {
	const std::string attack = "<script>alert('x')</script>&\"";
	document::RenderedDocument doc = SampleDocument(1);
	doc.title = attack;
	doc.subtitle = attack;
	doc.metadata[0].term = attack;
	doc.metadata[0].value = document::TextLine(attack, document::SpanKind::kValue);
	doc.blocks[0].anchor = "\"><script>x</script>";
	doc.blocks[1].line[1].text = attack;
	doc.blocks[3].line[1].text = attack; // a blank field
	doc.blocks[4].items[0].marker = attack;
	doc.blocks[6].columns[0].title = attack;
	doc.blocks[6].rows[0][0] = document::TextLine(attack);
	doc.blocks[10].line = document::TextLine(attack);
	doc.frame = {attack, attack, attack, attack + "{{page}}", attack};
	const std::string page = RenderDocumentHtml(doc);

	EXPECT_EQ(page.find("<script"), std::string::npos) << page;
	EXPECT_NE(page.find("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;</title>"),
	          std::string::npos);
	EXPECT_NE(page.find("<span class=\"doc-value\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;</span>"),
	          std::string::npos);
	EXPECT_NE(page.find("<span class=\"doc-blank\">&lt;script&gt;"), std::string::npos);
	EXPECT_NE(page.find("id=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""), std::string::npos);
	// In the style sheet the words are CSS strings whose quotes and angle
	// brackets are escaped, so they can close neither the string nor <style>.
	EXPECT_NE(page.find("@top-left { content: \"\\3C script\\3E alert('x')\\3C /script\\3E \\26 \\22 \";"),
	          std::string::npos)
	    << page;
	EXPECT_EQ(page.find("</style>"), page.rfind("</style>"));
}

TEST(DocumentHtmlTest, ControlCharactersAreDropped) {
	document::RenderedDocument doc = SampleDocument(1);
	doc.title = std::string("a\x01") + "b";
	EXPECT_NE(RenderDocumentHtmlArticle(doc).find("<h1>ab</h1>"), std::string::npos);
}

} // namespace
} // namespace mamori::exporting
