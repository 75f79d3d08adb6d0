// mamori/export/document_docx.cpp
//
// word/document.xml, the header, the footer and docProps/core.xml: the parts
// that hold the document's text, built with pugixml so every text is
// escaped. The fixed parts are in docx_fixed_parts.cpp.
//
// Lists carry their markers ("〇", "×") as text with a hanging indent rather
// than Word numbering: the marker is part of the rule's meaning (必須 /
// 禁止), and the firm must be able to change it by typing.
#include "export/document_docx.hpp"

#include "export/docx_fixed_parts.hpp"
#include "export/pdf_libraries.hpp"
#include "export/page_pattern.hpp"
#include "export/zip_writer.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <string_view>

namespace mamori::exporting {

namespace {

using document::Block;
using document::BlockType;
using document::Line;
using document::RenderedDocument;
using document::Span;
using document::SpanKind;

constexpr const char *kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char *kRelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
// Half an em of the 10.5 pt body text, in twentieths of a point.
constexpr int kHalfEm = 105;

std::string_view LanguageTag(Locale locale) {
	switch (locale) {
	case Locale::kJa:
		return "ja-JP";
	case Locale::kEn:
		return "en-GB";
	}
	return "ja-JP";
}

//! XML 1.0 has no way to write most C0 control characters, and pugixml
//! would pass them through, making the part unreadable: they are dropped.
//! Bytes that are not UTF-8 become U+FFFD for the same reason.
std::string XmlSafe(std::string_view raw) {
	std::string text(raw);
	if (!Glib().g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
		gchar *valid = Glib().g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
		text = valid;
		Glib().g_free(valid);
	}
	std::string out;
	out.reserve(text.size());
	for (const char c : text) {
		if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') {
			out += c;
		}
	}
	return out;
}

void SetValue(pugi::xml_node node, const char *attribute, std::string_view value) {
	node.append_attribute(attribute).set_value(std::string(value).c_str());
}

class StringWriter : public pugi::xml_writer {
  public:
	void write(const void *data, size_t size) override { bytes.append(static_cast<const char *>(data), size); }
	std::string bytes;
};

std::string Serialize(pugi::xml_document &xml) {
	pugi::xml_node declaration = xml.prepend_child(pugi::node_declaration);
	declaration.append_attribute("version") = "1.0";
	declaration.append_attribute("encoding") = "UTF-8";
	declaration.append_attribute("standalone") = "yes";
	StringWriter writer;
	xml.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
	return std::move(writer.bytes);
}

pugi::xml_node WordRoot(pugi::xml_document &xml, const char *name) {
	pugi::xml_node root = xml.append_child(name);
	root.append_attribute("xmlns:w") = kWordNamespace;
	root.append_attribute("xmlns:r") = kRelationshipNamespace;
	return root;
}

//! One run; tabs and line breaks inside the text become w:tab and w:br.
void AddRun(pugi::xml_node paragraph, std::string_view text, const char *character_style = nullptr) {
	pugi::xml_node run = paragraph.append_child("w:r");
	if (character_style != nullptr) {
		SetValue(run.append_child("w:rPr").append_child("w:rStyle"), "w:val", character_style);
	}
	const std::string safe = XmlSafe(text);
	std::string piece;
	auto flush = [&] {
		if (!piece.empty()) {
			pugi::xml_node t = run.append_child("w:t");
			t.append_attribute("xml:space") = "preserve";
			t.text().set(piece.c_str());
			piece.clear();
		}
	};
	for (const char c : safe) {
		if (c == '\t' || c == '\n') {
			flush();
			run.append_child(c == '\t' ? "w:tab" : "w:br");
		} else {
			piece += c;
		}
	}
	flush();
}

void AddTab(pugi::xml_node paragraph) {
	paragraph.append_child("w:r").append_child("w:tab");
}

void AddLine(pugi::xml_node paragraph, const Line &line) {
	for (const Span &span : line) {
		AddRun(paragraph, span.text, span.kind == SpanKind::kBlank ? "BlankField" : nullptr);
	}
}

//! A PAGE or NUMPAGES field; "1" is shown until the reader updates it,
//! which Word and LibreOffice do on opening for fields in the footer.
void AddField(pugi::xml_node paragraph, const char *instruction) {
	SetValue(paragraph.append_child("w:r").append_child("w:fldChar"), "w:fldCharType", "begin");
	pugi::xml_node code = paragraph.append_child("w:r").append_child("w:instrText");
	code.append_attribute("xml:space") = "preserve";
	code.text().set((std::string(" ") + instruction + " ").c_str());
	SetValue(paragraph.append_child("w:r").append_child("w:fldChar"), "w:fldCharType", "separate");
	AddRun(paragraph, "1");
	SetValue(paragraph.append_child("w:r").append_child("w:fldChar"), "w:fldCharType", "end");
}

struct ParagraphOptions {
	const char *style = nullptr;
	bool keep_next = false;
	bool page_break_before = false;
	int space_before = -1;   // twips; -1 keeps the style's
	int hanging_indent = -1; // twips, for a list's markers; -1 keeps the style's
};

//! A paragraph whose properties are written in the schema's order.
pugi::xml_node AddParagraph(pugi::xml_node parent, const ParagraphOptions &options) {
	pugi::xml_node paragraph = parent.append_child("w:p");
	pugi::xml_node properties = paragraph.append_child("w:pPr");
	if (options.style != nullptr) {
		SetValue(properties.append_child("w:pStyle"), "w:val", options.style);
	}
	if (options.keep_next) {
		properties.append_child("w:keepNext");
	}
	if (options.page_break_before) {
		properties.append_child("w:pageBreakBefore");
	}
	if (options.space_before >= 0) {
		SetValue(properties.append_child("w:spacing"), "w:before", std::to_string(options.space_before));
	}
	if (options.hanging_indent >= 0) {
		pugi::xml_node indent = properties.append_child("w:ind");
		SetValue(indent, "w:left", std::to_string(options.hanging_indent));
		SetValue(indent, "w:hanging", std::to_string(options.hanging_indent));
	}
	if (properties.first_child().empty()) {
		paragraph.remove_child(properties);
	}
	return paragraph;
}

//! Word's bookmark names: letters, digits and "_", at most 40, starting
//! with a letter.
std::string BookmarkName(std::string_view anchor) {
	std::string name;
	for (const char c : anchor) {
		const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		name += keep ? c : '_';
	}
	if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z'))) {
		name = "h" + name;
	}
	return name.substr(0, 40);
}

//! The hanging indent that fits a list's widest marker and a gap of half
//! an em: two half-ems per East Asian character, one per ASCII character.
int ListIndent(const std::vector<document::ListItem> &items) {
	int widest = 0;
	for (const document::ListItem &item : items) {
		int half_ems = 0;
		for (std::size_t i = 0; i < item.marker.size(); ++i) {
			const auto byte = static_cast<unsigned char>(item.marker[i]);
			if (byte < 0x80) {
				half_ems += 1;
			} else if ((byte & 0xC0) != 0x80) {
				half_ems += 2; // the lead byte of a multi-byte character
			}
		}
		widest = std::max(widest, half_ems);
	}
	return std::max(4, widest + 1) * kHalfEm;
}

struct TableShape {
	std::vector<document::TableColumn> columns;
	const std::vector<std::vector<Line>> *rows = nullptr;
	bool header_row = true;          // the column titles, repeated on every page
	bool shade_first_column = false; // the metadata table's terms
};

void AddCell(pugi::xml_node row, int width, const char *fill, const char *style, const Line &line) {
	pugi::xml_node cell = row.append_child("w:tc");
	pugi::xml_node properties = cell.append_child("w:tcPr");
	pugi::xml_node cell_width = properties.append_child("w:tcW");
	SetValue(cell_width, "w:w", std::to_string(width));
	SetValue(cell_width, "w:type", "dxa");
	if (fill != nullptr) {
		pugi::xml_node shading = properties.append_child("w:shd");
		SetValue(shading, "w:val", "clear");
		SetValue(shading, "w:color", "auto");
		SetValue(shading, "w:fill", fill);
	}
	AddLine(AddParagraph(cell, ParagraphOptions{style}), line);
}

void AddTable(pugi::xml_node body, const TableShape &shape) {
	std::size_t column_count = shape.columns.size();
	for (const auto &row : *shape.rows) {
		column_count = std::max(column_count, row.size());
	}
	if (column_count == 0) {
		return;
	}
	int total = 0;
	for (std::size_t c = 0; c < column_count; ++c) {
		total += c < shape.columns.size() ? std::max(shape.columns[c].width, 1) : 1;
	}
	std::vector<int> widths;
	int used = 0;
	for (std::size_t c = 0; c < column_count; ++c) {
		const int share = c < shape.columns.size() ? std::max(shape.columns[c].width, 1) : 1;
		// The last column takes the rounding remainder so the grid fills the text width.
		const int width = c + 1 == column_count ? docx::kTextWidth - used : docx::kTextWidth * share / total;
		widths.push_back(width);
		used += width;
	}

	pugi::xml_node table = body.append_child("w:tbl");
	pugi::xml_node properties = table.append_child("w:tblPr");
	pugi::xml_node table_width = properties.append_child("w:tblW");
	SetValue(table_width, "w:w", std::to_string(docx::kTextWidth));
	SetValue(table_width, "w:type", "dxa");
	pugi::xml_node borders = properties.append_child("w:tblBorders");
	for (const char *side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
		pugi::xml_node border = borders.append_child(side);
		SetValue(border, "w:val", "single");
		SetValue(border, "w:sz", "4");
		SetValue(border, "w:space", "0");
		SetValue(border, "w:color", "555555");
	}
	SetValue(properties.append_child("w:tblLayout"), "w:type", "fixed");
	pugi::xml_node grid = table.append_child("w:tblGrid");
	for (const int width : widths) {
		SetValue(grid.append_child("w:gridCol"), "w:w", std::to_string(width));
	}

	if (shape.header_row) {
		pugi::xml_node row = table.append_child("w:tr");
		pugi::xml_node row_properties = row.append_child("w:trPr");
		row_properties.append_child("w:cantSplit");
		row_properties.append_child("w:tblHeader");
		for (std::size_t c = 0; c < column_count; ++c) {
			const std::string title = c < shape.columns.size() ? shape.columns[c].title : "";
			AddCell(row, widths[c], "E6E6E6", "TableHeading", document::TextLine(title));
		}
	}
	for (const auto &cells : *shape.rows) {
		pugi::xml_node row = table.append_child("w:tr");
		row.append_child("w:trPr").append_child("w:cantSplit");
		for (std::size_t c = 0; c < column_count; ++c) {
			const char *fill = shape.shade_first_column && c == 0 ? "F2F2F2" : nullptr;
			AddCell(row, widths[c], fill, "TableText", c < cells.size() ? cells[c] : Line{});
		}
	}
}

//! Walks the blocks into w:body. A page break is held until the next block:
//! a paragraph takes it as pageBreakBefore, a table gets a paragraph holding
//! a break before it, and a break at the very end is dropped (it would only
//! add an empty page).
class BodyWriter {
  public:
	explicit BodyWriter(pugi::xml_node body) : body_(body) {}

	pugi::xml_node Paragraph(ParagraphOptions options) {
		options.page_break_before = options.page_break_before || break_pending_;
		break_pending_ = false;
		return AddParagraph(body_, options);
	}

	void Table(const TableShape &shape) {
		// Two tables in a row would merge into one in Word.
		if (!break_pending_ && std::string_view(body_.last_child().name()) == "w:tbl") {
			AddParagraph(body_, ParagraphOptions{});
		}
		if (break_pending_) {
			pugi::xml_node paragraph = AddParagraph(body_, ParagraphOptions{});
			SetValue(paragraph.append_child("w:r").append_child("w:br"), "w:type", "page");
			break_pending_ = false;
		}
		AddTable(body_, shape);
	}

	void Block(const document::Block &block) {
		switch (block.type) {
		case BlockType::kHeading: {
			const std::string style = "Heading" + std::to_string(std::clamp(block.level, 1, 3));
			pugi::xml_node paragraph = Paragraph(ParagraphOptions{style.c_str()});
			if (block.anchor.empty()) {
				AddLine(paragraph, block.line);
				break;
			}
			const std::string id = std::to_string(next_bookmark_++);
			pugi::xml_node start = paragraph.append_child("w:bookmarkStart");
			SetValue(start, "w:id", id);
			SetValue(start, "w:name", BookmarkName(block.anchor));
			AddLine(paragraph, block.line);
			SetValue(paragraph.append_child("w:bookmarkEnd"), "w:id", id);
			break;
		}
		case BlockType::kParagraph:
			AddLine(Paragraph(ParagraphOptions{}), block.line);
			break;
		case BlockType::kList: {
			const int indent = ListIndent(block.items);
			for (const document::ListItem &item : block.items) {
				pugi::xml_node paragraph = Paragraph(ParagraphOptions{"ListItem", false, false, -1, indent});
				AddRun(paragraph, item.marker);
				AddTab(paragraph);
				AddLine(paragraph, item.line);
			}
			break;
		}
		case BlockType::kTable:
			Table(TableShape{block.columns, &block.rows, !block.columns.empty(), false});
			break;
		case BlockType::kNote:
			AddLine(Paragraph(ParagraphOptions{"Note"}), block.line);
			break;
		case BlockType::kSignature:
			for (std::size_t i = 0; i < block.lines.size(); ++i) {
				AddLine(Paragraph(ParagraphOptions{"Signature", false, false, i == 0 ? 480 : -1}), block.lines[i]);
			}
			break;
		case BlockType::kPageBreak:
			break_pending_ = true;
			break;
		}
	}

  private:
	pugi::xml_node body_;
	bool break_pending_ = false;
	int next_bookmark_ = 0;
};

void AddSection(pugi::xml_node body) {
	pugi::xml_node section = body.append_child("w:sectPr");
	pugi::xml_node header = section.append_child("w:headerReference");
	SetValue(header, "w:type", "default");
	SetValue(header, "r:id", docx::kHeaderRelationship);
	pugi::xml_node footer = section.append_child("w:footerReference");
	SetValue(footer, "w:type", "default");
	SetValue(footer, "r:id", docx::kFooterRelationship);
	pugi::xml_node size = section.append_child("w:pgSz");
	SetValue(size, "w:w", std::to_string(docx::kPageWidth));
	SetValue(size, "w:h", std::to_string(docx::kPageHeight));
	pugi::xml_node margins = section.append_child("w:pgMar");
	SetValue(margins, "w:top", std::to_string(docx::kMarginTop));
	SetValue(margins, "w:right", std::to_string(docx::kMarginRight));
	SetValue(margins, "w:bottom", std::to_string(docx::kMarginBottom));
	SetValue(margins, "w:left", std::to_string(docx::kMarginLeft));
	SetValue(margins, "w:header", std::to_string(docx::kHeaderDistance));
	SetValue(margins, "w:footer", std::to_string(docx::kFooterDistance));
	SetValue(margins, "w:gutter", "0");
}

std::string DocumentXml(const RenderedDocument &doc) {
	pugi::xml_document xml;
	pugi::xml_node body = WordRoot(xml, "w:document").append_child("w:body");
	BodyWriter writer(body);
	if (!doc.title.empty()) {
		AddRun(writer.Paragraph(ParagraphOptions{"Title"}), doc.title);
	}
	if (!doc.subtitle.empty()) {
		AddRun(writer.Paragraph(ParagraphOptions{"Subtitle"}), doc.subtitle);
	}
	if (!doc.metadata.empty()) {
		std::vector<std::vector<Line>> rows;
		for (const document::MetadataRow &row : doc.metadata) {
			rows.push_back({document::TextLine(row.term), row.value});
		}
		writer.Table(TableShape{{{"", 1}, {"", 3}}, &rows, false, true});
	}
	for (const Block &block : doc.blocks) {
		writer.Block(block);
	}
	// Word ends a body with a paragraph; one ending in a table is "repaired".
	if (std::string_view(body.last_child().name()) != "w:p") {
		AddParagraph(body, ParagraphOptions{});
	}
	AddSection(body);
	return Serialize(xml);
}

std::string HeaderXml(const document::DocumentFrame &frame) {
	pugi::xml_document xml;
	pugi::xml_node paragraph = AddParagraph(WordRoot(xml, "w:hdr"), ParagraphOptions{"Header"});
	AddRun(paragraph, frame.header_left);
	AddTab(paragraph);
	if (!frame.draft_mark.empty()) {
		AddRun(paragraph, frame.draft_mark, "DraftMark");
	}
	AddTab(paragraph);
	AddRun(paragraph, frame.header_right);
	return Serialize(xml);
}

std::string FooterXml(const document::DocumentFrame &frame) {
	pugi::xml_document xml;
	pugi::xml_node paragraph = AddParagraph(WordRoot(xml, "w:ftr"), ParagraphOptions{"Footer"});
	AddRun(paragraph, frame.footer_left);
	AddTab(paragraph);
	for (const PagePatternPart &part : SplitPagePattern(frame.page_pattern)) {
		switch (part.kind) {
		case PagePatternPart::Kind::kText:
			AddRun(paragraph, part.text);
			break;
		case PagePatternPart::Kind::kPage:
			AddField(paragraph, "PAGE");
			break;
		case PagePatternPart::Kind::kPages:
			AddField(paragraph, "NUMPAGES");
			break;
		}
	}
	return Serialize(xml);
}

std::string CorePropertiesXml(const RenderedDocument &doc) {
	pugi::xml_document xml;
	pugi::xml_node root = xml.append_child("cp:coreProperties");
	root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
	root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
	root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
	root.append_attribute("xmlns:dcmitype") = "http://purl.org/dc/dcmitype/";
	root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
	root.append_child("dc:title").text().set(XmlSafe(doc.title).c_str());
	if (!doc.subtitle.empty()) {
		root.append_child("dc:subject").text().set(XmlSafe(doc.subtitle).c_str());
	}
	// The frame's left header is the firm's name: the document's author.
	if (!doc.frame.header_left.empty()) {
		root.append_child("dc:creator").text().set(XmlSafe(doc.frame.header_left).c_str());
	}
	root.append_child("dc:language").text().set(std::string(LanguageTag(doc.locale)).c_str());
	return Serialize(xml);
}

} // namespace

Result<std::string> RenderDocumentDocx(const RenderedDocument &doc) {
	MAMORI_TRY(LoadGlib());  // XmlSafe repairs text with it
	const std::string_view language = LanguageTag(doc.locale);
	// [Content_Types].xml first: some readers look for it at the start.
	const std::vector<ZipEntry> entries = {
	    {"[Content_Types].xml", docx::ContentTypesXml()},
	    {"_rels/.rels", docx::PackageRelationshipsXml()},
	    {"docProps/core.xml", CorePropertiesXml(doc)},
	    {"docProps/app.xml", docx::AppPropertiesXml()},
	    {"word/document.xml", DocumentXml(doc)},
	    {"word/_rels/document.xml.rels", docx::DocumentRelationshipsXml()},
	    {"word/styles.xml", docx::StylesXml(language)},
	    {"word/settings.xml", docx::SettingsXml(language)},
	    {"word/fontTable.xml", docx::FontTableXml()},
	    {"word/header1.xml", HeaderXml(doc.frame)},
	    {"word/footer1.xml", FooterXml(doc.frame)},
	};
	return WriteZipArchive(entries);
}

} // namespace mamori::exporting
