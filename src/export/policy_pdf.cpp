// mamori/export/policy_pdf.cpp
//
// Two passes: first every block is laid out with pango and its lines are
// assigned to pages, then the pages are drawn. Knowing the page count before
// drawing is what lets the footer say "1 / 3".
#include "export/policy_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <new>
#include <vector>

namespace mamori::exporting {

namespace {

constexpr double kMillimetre = 72.0 / 25.4;
constexpr double kPageWidth = 595.28;  // A4 portrait in PostScript points
constexpr double kPageHeight = 841.89;
constexpr double kMarginTop = 20 * kMillimetre;
constexpr double kMarginRight = 20 * kMillimetre;
constexpr double kMarginBottom = 20 * kMillimetre;
constexpr double kMarginLeft = 25 * kMillimetre;  // binding side
constexpr double kContentWidth = kPageWidth - kMarginLeft - kMarginRight;
constexpr double kContentTop = kMarginTop;
constexpr double kContentBottom = kPageHeight - kMarginBottom;

constexpr double kBodySize = 12;
constexpr double kBodyIndent = kBodySize;  // section text sits one full-width character in
// Pango multiplies the font's own line height, which for Noto CJK is already
// about 1.45em; 1.2 gives the roughly 1.75em leading of printed Japanese text.
constexpr double kBodyLineSpacing = 1.2;

// Family lists: fontconfig falls back along them when a face is missing.
constexpr const char *kSerifFamily = "Noto Serif CJK JP,Noto Sans CJK JP,serif";
constexpr const char *kSansFamily = "Noto Sans CJK JP,sans-serif";

struct SurfaceDeleter {
	void operator()(cairo_surface_t *surface) const { cairo_surface_destroy(surface); }
};
struct CairoDeleter {
	void operator()(cairo_t *cr) const { cairo_destroy(cr); }
};
struct GObjectDeleter {
	void operator()(void *object) const { g_object_unref(object); }
};
struct FontDescriptionDeleter {
	void operator()(PangoFontDescription *desc) const { pango_font_description_free(desc); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectDeleter>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;

struct WriteTarget {
	std::string bytes;
	bool failed = false;
};

// Called by cairo from C: no exception may escape, so allocation failure is
// reported back as a cairo write error.
cairo_status_t AppendToString(void *closure, const unsigned char *data, unsigned int length) {
	auto *target = static_cast<WriteTarget *>(closure);
	try {
		target->bytes.append(reinterpret_cast<const char *>(data), length);
	} catch (const std::bad_alloc &) {
		target->failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

struct TextStyle {
	const char *family = kSerifFamily;
	double size = kBodySize;
	PangoWeight weight = PANGO_WEIGHT_NORMAL;
	PangoAlignment alignment = PANGO_ALIGN_LEFT;
	double line_spacing = kBodyLineSpacing;
	double first_line_indent = 0;
	bool justify = false;  // flush right margin, as in print
};

// One run of text laid out at a fixed x and width; its lines may be split
// across pages.
struct Block {
	LayoutPtr layout;
	double x = kMarginLeft;
	double space_before = 0;
	bool keep_with_next = false;  // headings: never the last thing on a page
	bool keep_together = false;   // the signature block: never split
};

struct LineMetrics {
	double top = 0;     // relative to the layout's top, in points
	double bottom = 0;
	double baseline = 0;
	double x = 0;       // alignment and indent offset within the layout
};

struct PlacedLine {
	int page = 0;
	PangoLayout *layout = nullptr;
	int line_index = 0;
	double x = 0;
	double baseline = 0;
};

LayoutPtr MakeLayout(PangoContext *context, const std::string &text, double width, const TextStyle &style) {
	LayoutPtr layout(pango_layout_new(context));
	FontDescriptionPtr font(pango_font_description_new());
	pango_font_description_set_family(font.get(), style.family);
	pango_font_description_set_weight(font.get(), style.weight);
	pango_font_description_set_size(font.get(), static_cast<int>(style.size * PANGO_SCALE));
	pango_layout_set_font_description(layout.get(), font.get());
	pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
	pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(layout.get(), style.alignment);
	pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.line_spacing));
	pango_layout_set_indent(layout.get(), static_cast<int>(style.first_line_indent * PANGO_SCALE));
	pango_layout_set_justify(layout.get(), style.justify);
	// Plain text, never markup: names like 「A&B <株>」 are printed as typed.
	pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
	return layout;
}

std::vector<LineMetrics> MeasureLines(PangoLayout *layout) {
	std::vector<LineMetrics> lines;
	PangoLayoutIter *iter = pango_layout_get_iter(layout);
	do {
		int y0 = 0;
		int y1 = 0;
		pango_layout_iter_get_line_yrange(iter, &y0, &y1);
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(iter, nullptr, &logical);
		LineMetrics line;
		line.top = static_cast<double>(y0) / PANGO_SCALE;
		line.bottom = static_cast<double>(y1) / PANGO_SCALE;
		line.baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
		line.x = static_cast<double>(logical.x) / PANGO_SCALE;
		lines.push_back(line);
	} while (pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
	return lines;
}

// Assigns every line of every block to a page and a baseline position.
std::vector<PlacedLine> Paginate(const std::vector<Block> &blocks, int &page_count) {
	std::vector<std::vector<LineMetrics>> metrics;
	for (const Block &block : blocks) {
		metrics.push_back(MeasureLines(block.layout.get()));
	}

	std::vector<PlacedLine> placed;
	int page = 0;
	double cursor = kContentTop;
	bool page_empty = true;
	auto new_page = [&] {
		++page;
		cursor = kContentTop;
		page_empty = true;
	};

	for (std::size_t b = 0; b < blocks.size(); ++b) {
		const Block &block = blocks[b];
		const std::vector<LineMetrics> &lines = metrics[b];
		const double height = lines.back().bottom - lines.front().top;
		double before = page_empty ? 0 : block.space_before;

		bool break_first = false;
		if (!page_empty && block.keep_together && cursor + before + height > kContentBottom) {
			break_first = true;
		}
		if (!page_empty && block.keep_with_next && b + 1 < blocks.size()) {
			const LineMetrics &next_first = metrics[b + 1].front();
			const double needed =
			    before + height + blocks[b + 1].space_before + (next_first.bottom - next_first.top);
			if (cursor + needed > kContentBottom) {
				break_first = true;
			}
		}
		if (break_first) {
			new_page();
			before = 0;
		}

		double origin = cursor + before - lines.front().top;
		for (std::size_t i = 0; i < lines.size(); ++i) {
			// A line taller than a whole page is placed anyway rather than
			// looping forever.
			if (origin + lines[i].bottom > kContentBottom && !page_empty) {
				new_page();
				origin = kContentTop - lines[i].top;
			}
			placed.push_back(PlacedLine{page, block.layout.get(), static_cast<int>(i), block.x + lines[i].x,
			                            origin + lines[i].baseline});
			page_empty = false;
		}
		cursor = origin + lines.back().bottom;
	}
	page_count = page + 1;
	return placed;
}

std::string FooterText(const PolicyPdfLabels &labels, const PolicyDocument &doc) {
	std::string text = FillPlaceholders(labels.footer_version, {{"version", std::to_string(doc.version)}});
	if (!doc.established_on_display.empty()) {
		text += labels.footer_separator +
		        FillPlaceholders(labels.footer_established, {{"date", doc.established_on_display}});
	}
	if (!doc.company_name.empty()) {
		text += labels.footer_separator + doc.company_name;
	}
	return text;
}

Error CairoError(const char *what, cairo_status_t status) {
	return Error::Make(ErrorCode::kInternal, "errors.pdf.cairo", {{"what", what}, {"status", cairo_status_to_string(status)}});
}

} // namespace

PolicyPdfLabels PolicyPdfLabelsIn(const MessageCatalog &messages, Locale locale) {
	// Text() without params keeps the placeholders for the renderer to fill.
	return PolicyPdfLabels{std::string(LocaleCode(locale)),
	                       messages.Text(locale, "documents.policy.pdf_title"),
	                       messages.Text(locale, "documents.policy.footer_version"),
	                       messages.Text(locale, "documents.policy.footer_established"),
	                       messages.Text(locale, "documents.policy.footer_separator"),
	                       messages.Text(locale, "documents.policy.established"),
	                       messages.Text(locale, "documents.policy.revised"),
	                       messages.Text(locale, "documents.policy.name_gap")};
}

Result<std::string> RenderPolicyPdf(const MessageCatalog &messages, Locale locale, const PolicyDocument &doc) {
	return RenderPolicyPdf(PolicyPdfLabelsIn(messages, locale), doc);
}

Result<std::string> RenderPolicyPdf(const PolicyPdfLabels &labels, const PolicyDocument &doc) {
	WriteTarget target;
	SurfacePtr surface(cairo_pdf_surface_create_for_stream(AppendToString, &target, kPageWidth, kPageHeight));
	if (cairo_status_t status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
		return CairoError("surface", status);
	}
	cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
	                               (doc.company_name.empty()
	                                    ? doc.title
	                                    : FillPlaceholders(labels.title_with_company,
	                                                       {{"title", doc.title}, {"company", doc.company_name}}))
	                                   .c_str());
	if (!doc.company_name.empty()) {
		cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, doc.company_name.c_str());
	}
	cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "mamori");

	CairoPtr cr(cairo_create(surface.get()));
	if (cairo_status_t status = cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS) {
		return CairoError("context", status);
	}

	ContextPtr context(pango_cairo_create_context(cr.get()));
	// 72 dpi makes one pango point one PDF point; the default 96 would scale
	// every font up by a third.
	pango_cairo_context_set_resolution(context.get(), 72);
	pango_context_set_language(context.get(), pango_language_from_string(labels.language.c_str()));
	// Metrics hinting off: positions must not depend on a screen grid.
	cairo_font_options_t *options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(context.get(), options);
	cairo_font_options_destroy(options);

	const TextStyle title_style{kSansFamily, 20, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, 1.0, 0};
	const TextStyle preamble_style{kSerifFamily, kBodySize, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, kBodyLineSpacing,
	                               kBodySize, true};
	const TextStyle heading_style{kSansFamily, 13, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1.0, 0};
	const TextStyle body_style{kSerifFamily, kBodySize, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, kBodyLineSpacing,
	                           kBodySize, true};
	const TextStyle signature_style{kSerifFamily, kBodySize, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, 1.15, 0};
	const TextStyle footer_style{kSansFamily, 9, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 1.0, 0};
	const TextStyle page_number_style{kSansFamily, 9, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, 1.0, 0};

	std::vector<Block> blocks;
	auto add = [&](const std::string &text, double x, double width, const TextStyle &style, double space_before) {
		if (text.empty()) {
			return;
		}
		Block block;
		block.layout = MakeLayout(context.get(), text, width, style);
		block.x = x;
		block.space_before = space_before;
		blocks.push_back(std::move(block));
	};

	add(doc.title, kMarginLeft, kContentWidth, title_style, 0);
	add(doc.preamble, kMarginLeft, kContentWidth, preamble_style, 28);
	for (const PolicySection &section : doc.sections) {
		add(std::to_string(section.number) + ". " + section.title, kMarginLeft, kContentWidth, heading_style, 16);
		if (!blocks.empty() && !section.text.empty()) {
			blocks.back().keep_with_next = true;
		}
		add(section.text, kMarginLeft + kBodyIndent, kContentWidth - kBodyIndent, body_style, 4);
	}

	std::string signature;
	auto add_line = [&](const std::string &line) {
		if (line.empty()) {
			return;
		}
		if (!signature.empty()) {
			signature += '\n';
		}
		signature += line;
	};
	if (!doc.established_on_display.empty()) {
		add_line(FillPlaceholders(labels.established, {{"date", doc.established_on_display}}));
	}
	if (!doc.revised_on_display.empty()) {
		add_line(FillPlaceholders(labels.revised, {{"date", doc.revised_on_display}}));
	}
	add_line(doc.company_name);
	std::string representative = doc.representative_title;
	if (!representative.empty() && !doc.representative_name.empty()) {
		representative += labels.name_gap;  // Japanese letterheads use a full-width space
	}
	representative += doc.representative_name;
	add_line(representative);
	const std::size_t before_signature = blocks.size();
	add(signature, kMarginLeft, kContentWidth, signature_style, 40);
	if (blocks.size() > before_signature) {
		blocks.back().keep_together = true;
	}

	if (blocks.empty()) {
		return Error::Make(ErrorCode::kInternal, "errors.pdf.empty");
	}

	int page_count = 1;
	const std::vector<PlacedLine> placed = Paginate(blocks, page_count);

	const std::string footer_text = FooterText(labels, doc);
	const double footer_top = kContentBottom + 6 * kMillimetre;
	std::size_t next = 0;
	for (int page = 0; page < page_count; ++page) {
		cairo_set_source_rgb(cr.get(), 0, 0, 0);
		for (; next < placed.size() && placed[next].page == page; ++next) {
			const PlacedLine &line = placed[next];
			cairo_move_to(cr.get(), line.x, line.baseline);
			pango_cairo_show_layout_line(cr.get(), pango_layout_get_line_readonly(line.layout, line.line_index));
		}

		// Footer: grey, below the content area, with a hairline above it.
		cairo_set_source_rgb(cr.get(), 0.6, 0.6, 0.6);
		cairo_set_line_width(cr.get(), 0.5);
		cairo_move_to(cr.get(), kMarginLeft, footer_top - 4);
		cairo_line_to(cr.get(), kPageWidth - kMarginRight, footer_top - 4);
		cairo_stroke(cr.get());
		cairo_set_source_rgb(cr.get(), 0.3, 0.3, 0.3);
		const double number_width = 60;
		LayoutPtr footer = MakeLayout(context.get(), footer_text, kContentWidth - number_width, footer_style);
		pango_layout_set_ellipsize(footer.get(), PANGO_ELLIPSIZE_END);
		cairo_move_to(cr.get(), kMarginLeft, footer_top);
		pango_cairo_show_layout(cr.get(), footer.get());
		LayoutPtr number = MakeLayout(context.get(),
		                              std::to_string(page + 1) + " / " + std::to_string(page_count),
		                              number_width, page_number_style);
		cairo_move_to(cr.get(), kPageWidth - kMarginRight - number_width, footer_top);
		pango_cairo_show_layout(cr.get(), number.get());

		cairo_show_page(cr.get());
		if (cairo_status_t status = cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS) {
			return CairoError("page", status);
		}
	}

	// Fonts are subset and the trailer written only on finish, so write
	// errors surface here rather than on destruction, where they would be lost.
	cr.reset();
	cairo_surface_finish(surface.get());
	if (cairo_status_t status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
		return CairoError("finish", status);
	}
	if (target.failed) {
		return Error::Make(ErrorCode::kInternal, "errors.pdf.out_of_memory");
	}
	return std::move(target.bytes);
}

} // namespace mamori::exporting
