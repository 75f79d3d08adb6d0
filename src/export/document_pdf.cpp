// mamori/export/document_pdf.cpp
//
// Two passes: pdf::Flow lays out every block and assigns it to pages, then
// the pages are drawn here with the frame around them. Knowing the page
// count before drawing is what lets the footer say "1 / 3".
#include "export/document_pdf.hpp"

#include "export/page_pattern.hpp"
#include "export/pdf_flow.hpp"


#include <cstdio>

namespace mamori::exporting {

namespace {

using cairo_support::CairoPtr;
using cairo_support::ContextPtr;
using cairo_support::LayoutPtr;
using cairo_support::SurfacePtr;
using namespace pdf;

constexpr double kFrameSize = 8.5;
constexpr double kHeaderTop = 13 * kMillimetre;
constexpr double kFooterTop = kContentBottom + 7 * kMillimetre;
constexpr double kPageNumberWidth = 70;
constexpr double kDraftWidth = 100; // the draft mark, centred between the two header texts

const TextStyle kFrameLeft{kSansFamily, kFrameSize, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, 1.0, false};
const TextStyle kFrameRight{kSansFamily, kFrameSize, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, 1.0, false};
const TextStyle kDraftStyle{kSansFamily, 10, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, 1.0, false};

Error CairoError(const char *what, cairo_status_t status) {
	return Error::Make(ErrorCode::kInternal, "errors.pdf.cairo",
	                   {{"what", what}, {"status", Pdf().cairo_status_to_string(status)}});
}

//! A frame text on one line, cut with an ellipsis when it is too long.
LayoutPtr FrameLayout(PangoContext *context, const std::string &text, double width, const TextStyle &style) {
	LayoutPtr layout = MakeLayout(context, {document::TextLine(text)}, width, style);
	Pdf().pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
	return layout;
}

void Show(cairo_t *cr, PangoLayout *layout, double x, double y) {
	Pdf().cairo_move_to(cr, x, y);
	Pdf().pango_cairo_show_layout(cr, layout);
}

void Rule(cairo_t *cr, double y) {
	Pdf().cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
	Pdf().cairo_set_line_width(cr, 0.5);
	Pdf().cairo_move_to(cr, kMarginLeft, y);
	Pdf().cairo_line_to(cr, kPageWidth - kMarginRight, y);
	Pdf().cairo_stroke(cr);
}

void DrawOps(cairo_t *cr, const std::vector<DrawOp> &ops) {
	for (const DrawOp &op : ops) {
		Pdf().cairo_set_source_rgb(cr, op.colour.red, op.colour.green, op.colour.blue);
		switch (op.kind) {
		case DrawOp::Kind::kTextLine:
			Pdf().cairo_move_to(cr, op.x, op.y);
			Pdf().pango_cairo_show_layout_line(cr, Pdf().pango_layout_get_line_readonly(op.layout, op.line));
			break;
		case DrawOp::Kind::kFill:
			Pdf().cairo_rectangle(cr, op.x, op.y, op.width, op.height);
			Pdf().cairo_fill(cr);
			break;
		case DrawOp::Kind::kStroke:
			Pdf().cairo_set_line_width(cr, 0.5);
			Pdf().cairo_rectangle(cr, op.x, op.y, op.width, op.height);
			Pdf().cairo_stroke(cr);
			break;
		}
	}
}

//! The words around the page, the same on every page but the number.
class FrameDrawer {
  public:
	FrameDrawer(PangoContext *context, const document::DocumentFrame &frame) : context_(context), frame_(frame) {
		const double half = (kContentWidth - kDraftWidth) / 2;
		header_left_ = FrameLayout(context, frame.header_left, half, kFrameLeft);
		header_right_ = FrameLayout(context, frame.header_right, half, kFrameRight);
		footer_left_ = FrameLayout(context, frame.footer_left, kContentWidth - kPageNumberWidth, kFrameLeft);
		if (!frame.draft_mark.empty()) {
			draft_ = FrameLayout(context, frame.draft_mark, kDraftWidth, kDraftStyle);
		}
	}

	void Draw(cairo_t *cr, int page, int pages) const {
		Pdf().cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
		Show(cr, header_left_.get(), kMarginLeft, kHeaderTop);
		Show(cr, header_right_.get(), kPageWidth - kMarginRight - (kContentWidth - kDraftWidth) / 2, kHeaderTop);
		if (draft_) {
			Pdf().cairo_set_source_rgb(cr, 0.69, 0.0, 0.13);
			Show(cr, draft_.get(), kMarginLeft + (kContentWidth - kDraftWidth) / 2, kHeaderTop - 1);
		}
		Rule(cr, kContentTop - 4 * kMillimetre);
		Rule(cr, kFooterTop - 4);
		Pdf().cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
		Show(cr, footer_left_.get(), kMarginLeft, kFooterTop);
		if (!frame_.page_pattern.empty()) {
			LayoutPtr number =
			    FrameLayout(context_, FillPagePattern(frame_.page_pattern, page, pages), kPageNumberWidth, kFrameRight);
			Show(cr, number.get(), kPageWidth - kMarginRight - kPageNumberWidth, kFooterTop);
		}
	}

  private:
	PangoContext *context_;
	const document::DocumentFrame &frame_;
	LayoutPtr header_left_;
	LayoutPtr header_right_;
	LayoutPtr footer_left_;
	LayoutPtr draft_;
};

//! Headings as the PDF's bookmarks, nested by level.
void AddOutline(cairo_surface_t *surface, const std::vector<OutlineEntry> &outline) {
	int parents[4] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT};
	for (const OutlineEntry &entry : outline) {
		char link[96];
		std::snprintf(link, sizeof link, "page=%d pos=[%.1f %.1f]", entry.page + 1, kMarginLeft, entry.y);
		const int id = Pdf().cairo_pdf_surface_add_outline(surface, parents[entry.level - 1], entry.text.c_str(), link,
		                                             entry.level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN
		                                                              : static_cast<cairo_pdf_outline_flags_t>(0));
		for (int level = entry.level; level < 4; ++level) {
			parents[level] = id;
		}
	}
}

ContextPtr MakeContext(cairo_t *cr, Locale locale) {
	ContextPtr context(Pdf().pango_cairo_create_context(cr));
	// 72 dpi makes one pango point one PDF point; the default 96 would scale
	// every font up by a third.
	Pdf().pango_cairo_context_set_resolution(context.get(), 72);
	// The language drives line breaking (禁則) and the choice of glyphs.
	Pdf().pango_context_set_language(context.get(), Pdf().pango_language_from_string(std::string(LocaleCode(locale)).c_str()));
	// Metrics hinting off: positions must not depend on a screen grid.
	cairo_font_options_t *options = Pdf().cairo_font_options_create();
	Pdf().cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	Pdf().cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
	Pdf().pango_cairo_context_set_font_options(context.get(), options);
	Pdf().cairo_font_options_destroy(options);
	return context;
}

} // namespace

Result<std::string> RenderDocumentPdf(const document::RenderedDocument &doc) {
	MAMORI_TRY(LoadPdfLibraries());
	MAMORI_TRY(LoadGlib());  // ValidUtf8 repairs text with it
	if (doc.title.empty() && doc.subtitle.empty() && doc.metadata.empty() && doc.blocks.empty()) {
		return Error::Make(ErrorCode::kInternal, "errors.pdf.empty");
	}
	cairo_support::WriteTarget target;
	SurfacePtr surface(
	    Pdf().cairo_pdf_surface_create_for_stream(cairo_support::AppendToString, &target, kPageWidth, kPageHeight));
	if (cairo_status_t status = Pdf().cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
		return CairoError("surface", status);
	}
	Pdf().cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, ValidUtf8(doc.title).c_str());
	if (!doc.subtitle.empty()) {
		Pdf().cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, ValidUtf8(doc.subtitle).c_str());
	}
	// The frame's left header is the firm's name: the document's author.
	if (!doc.frame.header_left.empty()) {
		Pdf().cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
		                               ValidUtf8(doc.frame.header_left).c_str());
	}
	Pdf().cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "mamori");

	CairoPtr cr(Pdf().cairo_create(surface.get()));
	if (cairo_status_t status = Pdf().cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS) {
		return CairoError("context", status);
	}
	ContextPtr context = MakeContext(cr.get(), doc.locale);

	Flow flow(context.get());
	flow.Lay(doc);
	const int page_count = static_cast<int>(flow.pages().size());
	const FrameDrawer frame(context.get(), doc.frame);
	for (int page = 0; page < page_count; ++page) {
		const Page &content = flow.pages()[static_cast<std::size_t>(page)];
		DrawOps(cr.get(), content.background);
		DrawOps(cr.get(), content.foreground);
		frame.Draw(cr.get(), page + 1, page_count);
		Pdf().cairo_show_page(cr.get());
		if (cairo_status_t status = Pdf().cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS) {
			return CairoError("page", status);
		}
	}
	AddOutline(surface.get(), flow.outline());

	// Fonts are subset and the trailer written only on finish, so write
	// errors surface here rather than on destruction, where they would be lost.
	cr.reset();
	Pdf().cairo_surface_finish(surface.get());
	if (cairo_status_t status = Pdf().cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
		return CairoError("finish", status);
	}
	if (target.failed) {
		return Error::Make(ErrorCode::kInternal, "errors.pdf.out_of_memory");
	}
	return std::move(target.bytes);
}

} // namespace mamori::exporting
