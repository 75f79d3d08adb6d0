// mamori/export/pdf_flow.cpp
//
// Blocks become pango layouts; their lines are placed one by one so a
// paragraph, list item or note may continue on the next page. Table rows
// are never split: a row that does not fit starts a new page, under a
// repeat of the header row; only a row taller than a whole page is cut
// between its lines.
#include "export/pdf_flow.hpp"

#include <algorithm>

namespace mamori::exporting::pdf {

namespace {

using cairo_support::AttrListPtr;
using cairo_support::FontDescriptionPtr;
using cairo_support::LayoutPtr;
using document::Block;
using document::BlockType;
using document::Line;
using document::Span;
using document::SpanKind;

constexpr double kBodySize = 10.5;
// Pango multiplies the font's own line height, which for Noto CJK is already
// about 1.45em; 1.2 gives the roughly 1.75em leading of printed Japanese text.
constexpr double kBodyLineSpacing = 1.2;
constexpr double kTableSize = 9.5;
constexpr double kCellPaddingX = 4;
constexpr double kCellPaddingY = 3;
constexpr double kNotePadding = 6;
constexpr double kNoteBar = 3;
// A heading needs this much room for the text after it, or it moves to the
// next page rather than stand alone at the foot.
constexpr double kHeadingReserve = 2.5 * kBodySize * 1.75;

constexpr Rgb kBlack{0, 0, 0};
constexpr Rgb kBorder{0.33, 0.33, 0.33};
constexpr Rgb kHeaderShade{0.90, 0.90, 0.90};
constexpr Rgb kTermShade{0.95, 0.95, 0.95};
constexpr Rgb kNoteShade{0.955, 0.955, 0.955};
constexpr Rgb kNoteBarColour{0.53, 0.53, 0.53};

const TextStyle kBodyStyle{kSerifFamily, kBodySize, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, kBodyLineSpacing, true};
const TextStyle kTitleStyle{kSansFamily, 18, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, 1.0, false};
const TextStyle kSubtitleStyle{kSansFamily, 13, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, 1.0, false};
const TextStyle kCellStyle{kSerifFamily, kTableSize, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 1.0, false};
const TextStyle kHeaderCellStyle{kSansFamily, kTableSize, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1.0, false};
const TextStyle kNoteStyle{kSerifFamily, 9.5, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 1.1, true};
const TextStyle kSignatureStyle{kSerifFamily, kBodySize, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, 1.15, false};

TextStyle HeadingStyle(int level) {
	const double sizes[] = {14, 12, 11};
	return TextStyle{kSansFamily, sizes[std::clamp(level, 1, 3) - 1], PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1.0, false};
}

double HeadingSpace(int level) {
	const double spaces[] = {18, 14, 10};
	return spaces[std::clamp(level, 1, 3) - 1];
}

guint16 Channel(double value) {
	return static_cast<guint16>(value * 65535);
}

struct LineMetrics {
	double top = 0; // relative to the layout's top, in points
	double bottom = 0;
	double baseline = 0;
	double x = 0; // alignment and indent offset within the layout
};

std::vector<LineMetrics> MeasureLines(PangoLayout *layout) {
	std::vector<LineMetrics> lines;
	PangoLayoutIter *iter = Pdf().pango_layout_get_iter(layout);
	do {
		int y0 = 0;
		int y1 = 0;
		Pdf().pango_layout_iter_get_line_yrange(iter, &y0, &y1);
		PangoRectangle logical;
		Pdf().pango_layout_iter_get_line_extents(iter, nullptr, &logical);
		lines.push_back(LineMetrics{static_cast<double>(y0) / PANGO_SCALE, static_cast<double>(y1) / PANGO_SCALE,
		                            static_cast<double>(Pdf().pango_layout_iter_get_baseline(iter)) / PANGO_SCALE,
		                            static_cast<double>(logical.x) / PANGO_SCALE});
	} while (Pdf().pango_layout_iter_next_line(iter));
	Pdf().pango_layout_iter_free(iter);
	return lines;
}

double LayoutHeight(PangoLayout *layout) {
	const std::vector<LineMetrics> lines = MeasureLines(layout);
	return lines.back().bottom - lines.front().top;
}

double LayoutWidth(PangoLayout *layout) {
	PangoRectangle logical;
	Pdf().pango_layout_get_extents(layout, nullptr, &logical);
	return static_cast<double>(logical.width) / PANGO_SCALE;
}

} // namespace

std::string ValidUtf8(const std::string &text) {
	if (Glib().g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
		return text;
	}
	gchar *valid = Glib().g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
	std::string out(valid);
	Glib().g_free(valid);
	return out;
}

LayoutPtr MakeLayout(PangoContext *context, const std::vector<Line> &lines, double width, const TextStyle &style) {
	LayoutPtr layout(Pdf().pango_layout_new(context));
	FontDescriptionPtr font(Pdf().pango_font_description_new());
	Pdf().pango_font_description_set_family(font.get(), style.family);
	Pdf().pango_font_description_set_weight(font.get(), style.weight);
	Pdf().pango_font_description_set_size(font.get(), static_cast<int>(style.size * PANGO_SCALE));
	Pdf().pango_layout_set_font_description(layout.get(), font.get());
	Pdf().pango_layout_set_width(layout.get(), width < 0 ? -1 : static_cast<int>(width * PANGO_SCALE));
	Pdf().pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
	Pdf().pango_layout_set_alignment(layout.get(), style.alignment);
	Pdf().pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.line_spacing));
	Pdf().pango_layout_set_justify(layout.get(), style.justify);

	std::string text;
	AttrListPtr attributes(Pdf().pango_attr_list_new());
	for (std::size_t i = 0; i < lines.size(); ++i) {
		if (i > 0) {
			text += '\n';
		}
		for (const Span &span : lines[i]) {
			const auto start = static_cast<guint>(text.size());
			text += ValidUtf8(span.text);
			if (span.kind != SpanKind::kBlank || text.size() == start) {
				continue;
			}
			const auto end = static_cast<guint>(text.size());
			for (PangoAttribute *attribute : {Pdf().pango_attr_underline_new(PANGO_UNDERLINE_SINGLE),
			                                  Pdf().pango_attr_foreground_new(Channel(0.69), Channel(0.0), Channel(0.13)),
			                                  Pdf().pango_attr_background_new(Channel(1.0), Channel(0.95), Channel(0.80))}) {
				attribute->start_index = start;
				attribute->end_index = end;
				Pdf().pango_attr_list_insert(attributes.get(), attribute);
			}
		}
	}
	// Plain text, never markup: names like 「A&B <株>」 are printed as typed.
	Pdf().pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
	Pdf().pango_layout_set_attributes(layout.get(), attributes.get());
	return layout;
}

Flow::Flow(PangoContext *context) : context_(context) {
	pages_.emplace_back();
}

PangoLayout *Flow::Keep(LayoutPtr layout) {
	layouts_.push_back(std::move(layout));
	return layouts_.back().get();
}

void Flow::NewPage() {
	pages_.emplace_back();
	++page_;
	cursor_ = kContentTop;
	page_empty_ = true;
}

void Flow::Add(DrawOp op, bool background) {
	(background ? Current().background : Current().foreground).push_back(op);
}

Flow::Placement Flow::PlaceLines(PangoLayout *layout, double x, double space_before) {
	const std::vector<LineMetrics> lines = MeasureLines(layout);
	Placement placement;
	double origin = cursor_ + (page_empty_ ? 0 : space_before) - lines.front().top;
	for (std::size_t i = 0; i < lines.size(); ++i) {
		// A line taller than a whole page is placed anyway rather than
		// looping forever.
		if (origin + lines[i].bottom > kContentBottom && !page_empty_) {
			NewPage();
			origin = kContentTop - lines[i].top;
		}
		const double baseline = origin + lines[i].baseline;
		Add(DrawOp{DrawOp::Kind::kTextLine, layout, static_cast<int>(i), x + lines[i].x, baseline, 0, 0, kBlack});
		if (i == 0) {
			placement.first_page = page_;
			placement.first_baseline = baseline;
		}
		if (placement.segments.empty() || placement.segments.back().page != page_) {
			placement.segments.push_back(Segment{page_, origin + lines[i].top, origin + lines[i].bottom});
		}
		placement.segments.back().bottom = origin + lines[i].bottom;
		page_empty_ = false;
	}
	cursor_ = origin + lines.back().bottom;
	return placement;
}

void Flow::Text(const std::vector<Line> &lines, const TextStyle &style, double x, double width, double space_before) {
	PlaceLines(Keep(MakeLayout(context_, lines, width, style)), x, space_before);
}

void Flow::Heading(const Block &block) {
	PangoLayout *layout = Keep(MakeLayout(context_, {block.line}, kContentWidth, HeadingStyle(block.level)));
	const double space = HeadingSpace(block.level);
	if (!page_empty_ && cursor_ + space + LayoutHeight(layout) + kHeadingReserve > kContentBottom) {
		NewPage();
	}
	const Placement placement = PlaceLines(layout, kMarginLeft, space);
	const std::string text = ValidUtf8(document::PlainText(block.line));
	if (text.empty()) {
		return;
	}
	outline_.push_back(
	    OutlineEntry{std::clamp(block.level, 1, 3), text, placement.first_page, placement.segments.front().top});
}

void Flow::List(const Block &block) {
	// The text hangs at the widest marker plus half an em, so wrapped lines
	// align with the first line's text, not with the marker.
	std::vector<PangoLayout *> markers;
	double indent = kBodySize;
	for (const document::ListItem &item : block.items) {
		markers.push_back(Keep(MakeLayout(context_, {document::TextLine(item.marker)}, -1, kBodyStyle)));
		indent = std::max(indent, LayoutWidth(markers.back()) + kBodySize / 2);
	}
	for (std::size_t i = 0; i < block.items.size(); ++i) {
		PangoLayout *layout = Keep(MakeLayout(context_, {block.items[i].line}, kContentWidth - indent, kBodyStyle));
		const Placement placement = PlaceLines(layout, kMarginLeft + indent, i == 0 ? 6 : 3);
		pages_[static_cast<std::size_t>(placement.first_page)].foreground.push_back(
		    DrawOp{DrawOp::Kind::kTextLine, markers[i], 0, kMarginLeft, placement.first_baseline, 0, 0, kBlack});
	}
}

void Flow::Note(const Line &line) {
	const double inset = kNoteBar + kNotePadding * 1.5;
	PangoLayout *layout = Keep(MakeLayout(context_, {line}, kContentWidth - inset - kNotePadding, kNoteStyle));
	const Placement placement = PlaceLines(layout, kMarginLeft + inset, 10 + kNotePadding);
	cursor_ += kNotePadding;
	// The shaded box and its bar follow the text onto every page it reaches.
	for (const Segment &segment : placement.segments) {
		const double top = std::max(segment.top - kNotePadding, kContentTop - kNotePadding);
		const double height = segment.bottom + kNotePadding - top;
		Page &page = pages_[static_cast<std::size_t>(segment.page)];
		page.background.push_back(
		    DrawOp{DrawOp::Kind::kFill, nullptr, 0, kMarginLeft, top, kContentWidth, height, kNoteShade});
		page.background.push_back(
		    DrawOp{DrawOp::Kind::kFill, nullptr, 0, kMarginLeft, top, kNoteBar, height, kNoteBarColour});
	}
}

void Flow::Signature(const std::vector<Line> &lines) {
	if (lines.empty()) {
		return;
	}
	PangoLayout *layout = Keep(MakeLayout(context_, lines, kContentWidth, kSignatureStyle));
	const double space = 28;
	// Kept whole: a signature split over two pages looks forged.
	if (!page_empty_ && cursor_ + space + LayoutHeight(layout) > kContentBottom) {
		NewPage();
	}
	PlaceLines(layout, kMarginLeft, space);
}

Flow::TableRow Flow::MakeRow(const std::vector<Line> &cells, const std::vector<double> &widths, bool header) {
	TableRow row;
	row.shaded = header;
	for (std::size_t c = 0; c < widths.size(); ++c) {
		const Line line = c < cells.size() ? cells[c] : Line{};
		PangoLayout *layout =
		    Keep(MakeLayout(context_, {line}, widths[c] - 2 * kCellPaddingX, header ? kHeaderCellStyle : kCellStyle));
		row.cells.push_back(layout);
		row.height = std::max(row.height, LayoutHeight(layout) + 2 * kCellPaddingY);
	}
	return row;
}

void Flow::PlaceRow(const TableLayout &table, const TableRow &row, bool is_header) {
	const double repeat = table.has_header && !is_header ? table.header.height : 0;
	const bool fits_a_page = row.height <= kContentBottom - kContentTop - repeat;
	if (!page_empty_ && cursor_ + row.height > kContentBottom && fits_a_page) {
		NewPage();
		if (repeat > 0) {
			PlaceRow(table, table.header, true);
		}
	}
	// A row that fits is placed in one part. One taller than a page is cut
	// between lines: each part fills the page, the next continues under the
	// repeated header row.
	std::vector<std::vector<LineMetrics>> lines;
	for (PangoLayout *cell : row.cells) {
		lines.push_back(MeasureLines(cell));
	}
	std::vector<std::size_t> next(row.cells.size(), 0);
	while (true) {
		const double room = kContentBottom - cursor_ - 2 * kCellPaddingY;
		std::vector<std::size_t> end = next;
		double part = 0;
		bool placed_any = false;
		bool done = true;
		for (std::size_t c = 0; c < row.cells.size(); ++c) {
			const std::vector<LineMetrics> &cell = lines[c];
			if (next[c] >= cell.size()) {
				continue;
			}
			const double top = cell[next[c]].top;
			while (end[c] < cell.size() && cell[end[c]].bottom - top <= room) {
				++end[c];
			}
			if (end[c] == next[c] && page_empty_) {
				++end[c]; // a line taller than the page: placed anyway rather than looping forever
			}
			if (end[c] > next[c]) {
				placed_any = true;
				part = std::max(part, cell[end[c] - 1].bottom - top);
			}
			done = done && end[c] == cell.size();
		}
		if (!placed_any && !page_empty_) {
			NewPage();
			if (repeat > 0) {
				PlaceRow(table, table.header, true);
			}
			continue;
		}
		const double height = done ? part + 2 * kCellPaddingY : kContentBottom - cursor_;
		double x = kMarginLeft;
		for (std::size_t c = 0; c < row.cells.size(); ++c) {
			const double width = table.widths[c];
			if (row.shaded || (table.shade_first_column && c == 0)) {
				Add(DrawOp{DrawOp::Kind::kFill, nullptr, 0, x, cursor_, width, height,
				           row.shaded ? kHeaderShade : kTermShade},
				    true);
			}
			Add(DrawOp{DrawOp::Kind::kStroke, nullptr, 0, x, cursor_, width, height, kBorder});
			for (std::size_t i = next[c]; i < end[c]; ++i) {
				const LineMetrics &line = lines[c][i];
				Add(DrawOp{DrawOp::Kind::kTextLine, row.cells[c], static_cast<int>(i), x + kCellPaddingX + line.x,
				           cursor_ + kCellPaddingY + line.baseline - lines[c][next[c]].top, 0, 0, kBlack});
			}
			x += width;
		}
		cursor_ += height;
		page_empty_ = false;
		next = end;
		if (done) {
			break;
		}
		NewPage();
		if (repeat > 0) {
			PlaceRow(table, table.header, true);
		}
	}
}

void Flow::Table(const std::vector<document::TableColumn> &columns, const std::vector<std::vector<Line>> &rows,
                 bool header, bool shade_first_column) {
	std::size_t column_count = columns.size();
	for (const auto &row : rows) {
		column_count = std::max(column_count, row.size());
	}
	if (column_count == 0) {
		return;
	}
	TableLayout table;
	table.has_header = header;
	table.shade_first_column = shade_first_column;
	int total = 0;
	for (std::size_t c = 0; c < column_count; ++c) {
		total += c < columns.size() ? std::max(columns[c].width, 1) : 1;
	}
	for (std::size_t c = 0; c < column_count; ++c) {
		table.widths.push_back(kContentWidth * (c < columns.size() ? std::max(columns[c].width, 1) : 1) / total);
	}
	if (header) {
		std::vector<Line> titles;
		for (std::size_t c = 0; c < column_count; ++c) {
			titles.push_back(document::TextLine(c < columns.size() ? columns[c].title : ""));
		}
		table.header = MakeRow(titles, table.widths, true);
	}
	for (const auto &cells : rows) {
		table.rows.push_back(MakeRow(cells, table.widths, false));
	}

	const double space = 8;
	// The header row never stands alone at the foot of a page.
	// (A first row taller than a page needs only a few of its lines here.)
	const double first_row = table.rows.empty() ? 0 : std::min(table.rows.front().height, 4 * kTableSize * 1.5);
	const double first = (header ? table.header.height : 0) + first_row;
	if (!page_empty_ && cursor_ + space + first > kContentBottom) {
		NewPage();
	}
	if (!page_empty_) {
		cursor_ += space;
	}
	if (header) {
		PlaceRow(table, table.header, true);
	}
	for (const TableRow &row : table.rows) {
		PlaceRow(table, row, false);
	}
	cursor_ += 4;
}

void Flow::Lay(const document::RenderedDocument &doc) {
	if (!doc.title.empty()) {
		Text({document::TextLine(doc.title)}, kTitleStyle, kMarginLeft, kContentWidth, 0);
	}
	if (!doc.subtitle.empty()) {
		Text({document::TextLine(doc.subtitle)}, kSubtitleStyle, kMarginLeft, kContentWidth, 6);
	}
	if (!doc.metadata.empty()) {
		std::vector<std::vector<Line>> rows;
		for (const document::MetadataRow &row : doc.metadata) {
			rows.push_back({document::TextLine(row.term), row.value});
		}
		Table({{"", 1}, {"", 3}}, rows, false, true);
		cursor_ += 8;
	}
	bool break_pending = false;
	for (const Block &block : doc.blocks) {
		if (block.type == BlockType::kPageBreak) {
			break_pending = true;
			continue;
		}
		// A break with nothing after it would only add an empty page.
		if (break_pending && !page_empty_) {
			NewPage();
		}
		break_pending = false;
		switch (block.type) {
		case BlockType::kHeading:
			Heading(block);
			break;
		case BlockType::kParagraph:
			Text({block.line}, kBodyStyle, kMarginLeft, kContentWidth, 6);
			break;
		case BlockType::kList:
			List(block);
			break;
		case BlockType::kTable:
			Table(block.columns, block.rows, !block.columns.empty(), false);
			break;
		case BlockType::kNote:
			Note(block.line);
			break;
		case BlockType::kSignature:
			Signature(block.lines);
			break;
		case BlockType::kPageBreak:
			break;
		}
	}
}

} // namespace mamori::exporting::pdf
