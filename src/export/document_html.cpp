// mamori/export/document_html.cpp
//
// The markup is written one element per line so that golden files and
// diffs stay readable. Headings start at <h2>: the document's title is the
// page's only <h1>.
#include "export/document_html.hpp"

#include "export/page_pattern.hpp"

#include <algorithm>
#include <cstdio>

namespace mamori::exporting {

namespace {

using document::Block;
using document::BlockType;
using document::Line;
using document::RenderedDocument;
using document::Span;
using document::SpanKind;

//! Text for an HTML text node or a quoted attribute value. C0 control
//! characters other than tab and newline are dropped: HTML forbids them.
std::string EscapeHtml(std::string_view text) {
	std::string out;
	out.reserve(text.size() + text.size() / 8);
	for (const char c : text) {
		switch (c) {
		case '&':
			out += "&amp;";
			break;
		case '<':
			out += "&lt;";
			break;
		case '>':
			out += "&gt;";
			break;
		case '"':
			out += "&quot;";
			break;
		case '\'':
			out += "&#39;";
			break;
		default:
			if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
				break;
			}
			out += c;
		}
	}
	return out;
}

//! A quoted CSS string for `content:` inside <style>. Quotes, backslashes
//! and the characters that could close the <style> element become CSS hex
//! escapes, so document words cannot end the string or the element.
std::string CssString(std::string_view text) {
	std::string out = "\"";
	for (const char c : text) {
		const auto byte = static_cast<unsigned char>(c);
		if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || byte < 0x20 || byte == 0x7f) {
			char escape[8];
			std::snprintf(escape, sizeof escape, "\\%X ", byte);
			out += escape;
		} else {
			out += c;
		}
	}
	out += '"';
	return out;
}

std::string LineHtml(const Line &line) {
	std::string out;
	for (const Span &span : line) {
		switch (span.kind) {
		case SpanKind::kText:
			out += EscapeHtml(span.text);
			break;
		case SpanKind::kValue:
			out += "<span class=\"doc-value\">" + EscapeHtml(span.text) + "</span>";
			break;
		case SpanKind::kBlank:
			out += "<span class=\"doc-blank\">" + EscapeHtml(span.text) + "</span>";
			break;
		}
	}
	return out;
}

//! "33.33%": a column's share of the table, from the relative widths.
std::string Percent(int width, int total) {
	char text[32];
	std::snprintf(text, sizeof text, "%.2f", 100.0 * width / total);
	std::string out = text;
	while (out.back() == '0') {
		out.pop_back();
	}
	if (out.back() == '.') {
		out.pop_back();
	}
	return out + "%";
}

void AppendTable(const Block &block, std::string &out) {
	std::size_t column_count = block.columns.size();
	for (const auto &row : block.rows) {
		column_count = std::max(column_count, row.size());
	}
	if (column_count == 0) {
		return;
	}
	out += "<table class=\"doc-table\">\n";
	if (!block.columns.empty()) {
		int total = 0;
		for (std::size_t c = 0; c < column_count; ++c) {
			total += c < block.columns.size() ? std::max(block.columns[c].width, 1) : 1;
		}
		out += "<colgroup>";
		for (std::size_t c = 0; c < column_count; ++c) {
			const int width = c < block.columns.size() ? std::max(block.columns[c].width, 1) : 1;
			out += "<col style=\"width:" + Percent(width, total) + "\">";
		}
		out += "</colgroup>\n<thead><tr>";
		for (std::size_t c = 0; c < column_count; ++c) {
			out +=
			    "<th scope=\"col\">" + (c < block.columns.size() ? EscapeHtml(block.columns[c].title) : "") + "</th>";
		}
		out += "</tr></thead>\n";
	}
	out += "<tbody>\n";
	for (const auto &row : block.rows) {
		out += "<tr>";
		for (std::size_t c = 0; c < column_count; ++c) {
			out += "<td>" + (c < row.size() ? LineHtml(row[c]) : "") + "</td>";
		}
		out += "</tr>\n";
	}
	out += "</tbody>\n</table>\n";
}

void AppendBlock(const Block &block, std::string &out) {
	switch (block.type) {
	case BlockType::kHeading: {
		const std::string tag = "h" + std::to_string(std::clamp(block.level, 1, 3) + 1);
		out += "<" + tag;
		if (!block.anchor.empty()) {
			out += " id=\"" + EscapeHtml(block.anchor) + "\"";
		}
		out += ">" + LineHtml(block.line) + "</" + tag + ">\n";
		break;
	}
	case BlockType::kParagraph:
		out += "<p>" + LineHtml(block.line) + "</p>\n";
		break;
	case BlockType::kList:
		out += "<ul class=\"doc-list\">\n";
		for (const document::ListItem &item : block.items) {
			out += "<li><span class=\"doc-marker\">" + EscapeHtml(item.marker) + "</span><span class=\"doc-item\">" +
			       LineHtml(item.line) + "</span></li>\n";
		}
		out += "</ul>\n";
		break;
	case BlockType::kTable:
		AppendTable(block, out);
		break;
	case BlockType::kNote:
		out += "<aside class=\"doc-note\"><p>" + LineHtml(block.line) + "</p></aside>\n";
		break;
	case BlockType::kSignature:
		out += "<div class=\"doc-signature\">\n";
		for (const Line &line : block.lines) {
			out += "<p>" + LineHtml(line) + "</p>\n";
		}
		out += "</div>\n";
		break;
	case BlockType::kPageBreak:
		out += "<div class=\"doc-page-break\"></div>\n";
		break;
	}
}

//! The @page rule: the frame's words in the margin boxes, the page number
//! from CSS counters where the pattern says.
std::string PageRule(const document::DocumentFrame &frame) {
	std::string counter;
	for (const PagePatternPart &part : SplitPagePattern(frame.page_pattern)) {
		if (!counter.empty()) {
			counter += ' ';
		}
		switch (part.kind) {
		case PagePatternPart::Kind::kText:
			counter += CssString(part.text);
			break;
		case PagePatternPart::Kind::kPage:
			counter += "counter(page)";
			break;
		case PagePatternPart::Kind::kPages:
			counter += "counter(pages)";
			break;
		}
	}
	std::string out = "@page {\n  size: A4;\n  margin: 25mm 20mm 20mm 25mm;\n";
	auto box = [&](const char *name, const std::string &content, const char *extra) {
		if (!content.empty()) {
			out +=
			    std::string("  ") + name + " { content: " + content + "; font-size: 9pt; color: #555;" + extra + " }\n";
		}
	};
	box("@top-left", frame.header_left.empty() ? "" : CssString(frame.header_left), "");
	box("@top-center", frame.draft_mark.empty() ? "" : CssString(frame.draft_mark),
	    " color: #b00020; font-weight: bold;");
	box("@top-right", frame.header_right.empty() ? "" : CssString(frame.header_right), "");
	box("@bottom-left", frame.footer_left.empty() ? "" : CssString(frame.footer_left), "");
	box("@bottom-right", counter, "");
	out += "}\n";
	return out;
}

// The article's own look: what a page embedding the article needs too.
constexpr std::string_view kArticleStyles =
    R"css(.mamori-document { max-width: 170mm; margin: 0 auto; color: #111; font-family: "Noto Serif CJK JP", "Yu Mincho", "Hiragino Mincho ProN", serif; font-size: 10.5pt; line-height: 1.75; }
.mamori-document h1, .mamori-document h2, .mamori-document h3, .mamori-document h4 { font-family: "Noto Sans CJK JP", "Yu Gothic", "Hiragino Sans", sans-serif; line-height: 1.4; break-after: avoid; }
.mamori-document h1 { font-size: 20pt; text-align: center; margin: 0 0 0.4em; }
.mamori-document h2 { font-size: 14pt; margin: 1.6em 0 0.6em; }
.mamori-document h3 { font-size: 12pt; margin: 1.3em 0 0.5em; }
.mamori-document h4 { font-size: 11pt; margin: 1.1em 0 0.4em; }
.mamori-document p { margin: 0.5em 0; text-align: justify; }
.doc-title { margin-bottom: 1.5em; }
.mamori-document .doc-subtitle { text-align: center; font-size: 13pt; }
.doc-metadata, .doc-table { width: 100%; border-collapse: collapse; margin: 0.8em 0 1.2em; }
.doc-table { table-layout: fixed; font-size: 9.5pt; line-height: 1.5; }
.doc-metadata th, .doc-metadata td, .doc-table th, .doc-table td { border: 0.5pt solid #555; padding: 0.25em 0.5em; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
.doc-metadata th { width: 25%; font-weight: normal; background: #f2f2f2; }
.doc-table thead th { background: #e6e6e6; }
.doc-table tr { break-inside: avoid; }
.doc-list { list-style: none; margin: 0.5em 0; padding: 0; }
.doc-list li { display: flex; gap: 0.5em; margin: 0.2em 0; }
.doc-marker { flex: none; min-width: 1em; }
.doc-note { margin: 1em 0; padding: 0.4em 0.8em; border-left: 3pt solid #888; background: #f4f4f4; font-size: 9.5pt; }
.doc-signature { margin-top: 2.5em; text-align: right; break-inside: avoid; }
.doc-signature p { margin: 0; text-align: right; }
.doc-page-break { break-after: page; margin: 2em 0; border-top: 1px dashed #bbb; }
.doc-blank { color: #b00020; background: #fff3cd; text-decoration: underline; }
@media print {
  .mamori-document { max-width: none; }
  .doc-page-break { margin: 0; border: 0; }
  .doc-blank { background: none; }
}
)css";

// The standalone page around the article: on screen the frame's words sit
// above and below it; in print the @page margin boxes carry them instead.
constexpr std::string_view kPageStyles = R"css(body { margin: 0; padding: 1.5rem 1rem; background: #fff; }
.doc-frame { display: flex; justify-content: space-between; gap: 1em; max-width: 170mm; margin: 0 auto; color: #555; font-family: "Noto Sans CJK JP", sans-serif; font-size: 9pt; }
.doc-frame-top { margin-bottom: 2em; border-bottom: 0.5pt solid #aaa; }
.doc-frame-bottom { margin-top: 2em; border-top: 0.5pt solid #aaa; }
.doc-draft { color: #b00020; font-weight: bold; }
@media print {
  body { padding: 0; }
  .doc-frame { display: none; }
}
)css";

} // namespace

std::string_view DocumentHtmlStyles() {
	return kArticleStyles;
}

std::string RenderDocumentHtmlArticle(const RenderedDocument &doc) {
	std::string out = "<article class=\"mamori-document\" lang=\"" + std::string(LocaleCode(doc.locale)) + "\">\n";
	out += "<header class=\"doc-title\">\n<h1>" + EscapeHtml(doc.title) + "</h1>\n";
	if (!doc.subtitle.empty()) {
		out += "<p class=\"doc-subtitle\">" + EscapeHtml(doc.subtitle) + "</p>\n";
	}
	out += "</header>\n";
	if (!doc.metadata.empty()) {
		out += "<table class=\"doc-metadata\">\n";
		for (const document::MetadataRow &row : doc.metadata) {
			out += "<tr><th scope=\"row\">" + EscapeHtml(row.term) + "</th><td>" + LineHtml(row.value) + "</td></tr>\n";
		}
		out += "</table>\n";
	}
	for (const Block &block : doc.blocks) {
		AppendBlock(block, out);
	}
	out += "</article>\n";
	return out;
}

std::string RenderDocumentHtml(const RenderedDocument &doc) {
	const document::DocumentFrame &frame = doc.frame;
	std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(LocaleCode(doc.locale)) + "\">\n<head>\n";
	out += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
	out += "<title>" + EscapeHtml(doc.title) + "</title>\n<style>\n";
	out += kArticleStyles;
	out += kPageStyles;
	out += PageRule(frame);
	out += "</style>\n</head>\n<body>\n";
	out += "<div class=\"doc-frame doc-frame-top\"><span>" + EscapeHtml(frame.header_left) + "</span>";
	if (!frame.draft_mark.empty()) {
		out += "<span class=\"doc-draft\">" + EscapeHtml(frame.draft_mark) + "</span>";
	}
	out += "<span>" + EscapeHtml(frame.header_right) + "</span></div>\n";
	out += RenderDocumentHtmlArticle(doc);
	out += "<div class=\"doc-frame doc-frame-bottom\"><span>" + EscapeHtml(frame.footer_left) + "</span></div>\n";
	out += "</body>\n</html>\n";
	return out;
}

} // namespace mamori::exporting
