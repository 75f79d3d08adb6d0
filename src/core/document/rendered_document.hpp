// mamori/core/document/rendered_document.hpp
//
// A document laid out as format-neutral blocks (issue 8): what every kind
// (基本方針, ハンドブック, 関連規程, 管理体制, …) becomes once its template is
// filled with the firm's values, and the only thing the HTML, PDF and DOCX
// renderers read. The renderers know nothing of any one kind; a kind knows
// nothing of any one format. All text is final, in the document's language:
// the renderers add no words of their own beyond what `DocumentFrame` gives.
#pragma once

#include "core/i18n/locale.hpp"

#include <string>
#include <vector>

namespace mamori::document {

//! How a run of text came to be, so an editable or printed copy can show
//! the firm what it still has to fill in (the guideline's red parts).
enum class SpanKind {
	kText,   // the template's own words
	kValue,  // a value the firm entered, or mamori knew (company name, people)
	kBlank,  // a field with no value yet: printed as its placeholder, e.g. 【承認者】
};

struct Span {
	std::string text;
	SpanKind kind = SpanKind::kText;
};

//! One line of text made of spans (a paragraph, a heading, a list item, a cell).
using Line = std::vector<Span>;

enum class BlockType {
	kHeading,    // `level` 1..3; 1 is a chapter (関連規程 「1 組織的対策」), the title is not a block
	kParagraph,  // `line`
	kList,       // `items`, each with its own marker ("〇", "×", "1.", 「・」)
	kTable,      // `columns` and `rows`; cells are lines
	kNote,       // `line`, set apart (the guideline's explanation beside a sample, a draft remark)
	kSignature,  // `lines` right-aligned at the end: 制定日, 会社名, 代表者
	kPageBreak,  // the next block starts a new page (each regulation of the 関連規程)
};

struct ListItem {
	std::string marker;  // printed before the item, as given ("〇", "×", "1.", 「・」)
	Line line;
};

struct TableColumn {
	std::string title;
	int width = 1;  // relative width; renderers share the text width in proportion
};

struct Block {
	BlockType type = BlockType::kParagraph;
	int level = 1;                          // kHeading
	std::string anchor;                     // kHeading: a stable id ("regulation-3", "section-3.4") for links
	Line line;                              // kHeading, kParagraph, kNote
	std::vector<ListItem> items;            // kList
	std::vector<TableColumn> columns;       // kTable
	std::vector<std::vector<Line>> rows;    // kTable: one Line per column
	std::vector<Line> lines;                // kSignature
};

//! The words around the document on every page, already in the document's
//! language (message catalog documents.frame.*), so renderers add none.
struct DocumentFrame {
	std::string header_left;   // the company name
	std::string header_right;  // 「改訂日：2025年4月1日」 or ""
	std::string footer_left;   // 「情報セキュリティ基本方針 第2版」 (title and version)
	std::string page_pattern;  // "{{page}} / {{pages}}": the page number, at the foot of each page
	std::string draft_mark;    // 「下書き」 on every page of a document that is not published; "" otherwise
};

//! Facts about the document shown as a small table under the title
//! (改訂日, 適用範囲, 承認者, 版); the order is kept.
struct MetadataRow {
	std::string term;
	Line value;
};

struct RenderedDocument {
	std::string kind;      // "basic_policy", "handbook", …: the `document render --kind` name
	std::string title;     // 情報セキュリティ基本方針
	std::string subtitle;  // e.g. the partner's name for one 機密保持条項; may be empty
	Locale locale = kDefaultLocale;
	std::string revised_on;  // 改訂日 as YYYY-MM-DD, "" when never revised: for indexes, not printed by renderers
	DocumentFrame frame;
	std::vector<MetadataRow> metadata;
	std::vector<Block> blocks;
};

//! The plain text of a line (spans joined), for metadata, search and tests.
std::string PlainText(const Line &line);

//! A line of one span.
Line TextLine(std::string text, SpanKind kind = SpanKind::kText);

} // namespace mamori::document
