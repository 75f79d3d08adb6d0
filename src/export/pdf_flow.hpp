// mamori/export/pdf_flow.hpp
//
// The first of the PDF's two passes: a RenderedDocument's title, metadata
// and blocks laid out with pango and poured onto A4 pages as draw
// operations. Only once every page is known can the second pass
// (document_pdf.cpp) draw them with "1 / N" in the footer.
#pragma once

#include "core/document/rendered_document.hpp"
#include "export/cairo_support.hpp"

#include <string>
#include <vector>

namespace mamori::exporting::pdf {

constexpr double kMillimetre = 72.0 / 25.4;
constexpr double kPageWidth = 595.28; // A4 portrait in PostScript points
constexpr double kPageHeight = 841.89;
constexpr double kMarginTop = 25 * kMillimetre; // room for the running header
constexpr double kMarginRight = 20 * kMillimetre;
constexpr double kMarginBottom = 20 * kMillimetre;
constexpr double kMarginLeft = 25 * kMillimetre; // binding side
constexpr double kContentWidth = kPageWidth - kMarginLeft - kMarginRight;
constexpr double kContentTop = kMarginTop;
constexpr double kContentBottom = kPageHeight - kMarginBottom;

// Family lists: fontconfig falls back along them when a face is missing.
inline constexpr const char *kSerifFamily = "Noto Serif CJK JP,Noto Sans CJK JP,serif";
inline constexpr const char *kSansFamily = "Noto Sans CJK JP,sans-serif";

struct Rgb {
	double red = 0;
	double green = 0;
	double blue = 0;
};

struct DrawOp {
	enum class Kind {
		kTextLine, // one line of `layout` with its baseline's left end at (x, y)
		kFill,     // a rectangle, top-left (x, y)
		kStroke,   // a rectangle's outline
	};
	Kind kind = Kind::kTextLine;
	PangoLayout *layout = nullptr;
	int line = 0;
	double x = 0;
	double y = 0;
	double width = 0;
	double height = 0;
	Rgb colour;
};

//! A heading's place, for the PDF's outline (bookmarks).
struct OutlineEntry {
	int level = 1;
	std::string text;
	int page = 0; // 0-based
	double y = 0;
};

struct Page {
	std::vector<DrawOp> background; // shading, drawn first
	std::vector<DrawOp> foreground; // text and borders
};

struct TextStyle {
	const char *family = kSerifFamily;
	double size = 10.5;
	PangoWeight weight = PANGO_WEIGHT_NORMAL;
	PangoAlignment alignment = PANGO_ALIGN_LEFT;
	double line_spacing = 1.0; // pango's factor of the font's own line height
	bool justify = false;
};

//! The text, with any byte that is not UTF-8 replaced by U+FFFD: pango
//! and cairo refuse invalid text.
std::string ValidUtf8(const std::string &text);

//! Lines of styled spans as one pango layout: text as typed (never
//! markup), kBlank spans underlined in red on a pale ground.
cairo_support::LayoutPtr MakeLayout(PangoContext *context, const std::vector<document::Line> &lines, double width,
                                    const TextStyle &style);

//! The whole document's pages. `context` must outlive the result, which
//! holds the layouts the draw operations point to.
class Flow {
  public:
	explicit Flow(PangoContext *context);

	void Lay(const document::RenderedDocument &doc);

	const std::vector<Page> &pages() const { return pages_; }
	const std::vector<OutlineEntry> &outline() const { return outline_; }

  private:
	struct Segment { // the part of a block on one page
		int page = 0;
		double top = 0;
		double bottom = 0;
	};
	struct Placement {
		std::vector<Segment> segments;
		int first_page = 0;
		double first_baseline = 0;
	};
	struct TableRow {
		std::vector<PangoLayout *> cells;
		double height = 0;
		bool shaded = false; // header cells
	};
	struct TableLayout {
		std::vector<double> widths;
		bool has_header = false;
		TableRow header;
		std::vector<TableRow> rows;
		bool shade_first_column = false;
	};

	PangoLayout *Keep(cairo_support::LayoutPtr layout);
	void NewPage();
	Page &Current() { return pages_[static_cast<std::size_t>(page_)]; }
	void Add(DrawOp op, bool background = false);

	Placement PlaceLines(PangoLayout *layout, double x, double space_before);
	void Heading(const document::Block &block);
	void Text(const std::vector<document::Line> &lines, const TextStyle &style, double x, double width,
	          double space_before);
	void List(const document::Block &block);
	void Note(const document::Line &line);
	void Signature(const std::vector<document::Line> &lines);
	TableRow MakeRow(const std::vector<document::Line> &cells, const std::vector<double> &widths, bool header);
	void Table(const std::vector<document::TableColumn> &columns, const std::vector<std::vector<document::Line>> &rows,
	           bool header, bool shade_first_column);
	void PlaceRow(const TableLayout &table, const TableRow &row, bool is_header);

	PangoContext *context_;
	std::vector<cairo_support::LayoutPtr> layouts_;
	std::vector<Page> pages_;
	std::vector<OutlineEntry> outline_;
	int page_ = 0;
	double cursor_ = kContentTop;
	bool page_empty_ = true;
};

} // namespace mamori::exporting::pdf
