// mamori/export/pdf_libraries.hpp
//
// The cairo, pango and glib functions the renderers call, found when the first document is
// made (platform/shared_library.hpp): pango and cairo bring fontconfig, freetype, harfbuzz,
// pixman and the X11 libraries, some forty in all, which a server start does not need
// (issue 11, cold start). Calls read `Pdf().cairo_move_to(...)`: the names stay the library's.
#pragma once

#include "core/common/result.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

namespace mamori::exporting {

#define MAMORI_PDF_FUNCTIONS(X)                                                                                    \
	X(cairo_create) X(cairo_destroy) X(cairo_fill) X(cairo_font_options_create) X(cairo_font_options_destroy)   \
	X(cairo_font_options_set_hint_metrics) X(cairo_font_options_set_hint_style) X(cairo_line_to)                 \
	X(cairo_move_to) X(cairo_pdf_surface_add_outline) X(cairo_pdf_surface_create_for_stream)                     \
	X(cairo_pdf_surface_set_metadata) X(cairo_rectangle) X(cairo_set_line_width) X(cairo_set_source_rgb)         \
	X(cairo_show_page) X(cairo_status) X(cairo_status_to_string) X(cairo_stroke) X(cairo_surface_destroy)        \
	X(cairo_surface_finish) X(cairo_surface_status) X(g_object_unref) X(pango_attr_background_new)               \
	X(pango_attr_foreground_new) X(pango_attr_list_insert) X(pango_attr_list_new) X(pango_attr_list_unref)      \
	X(pango_attr_underline_new) X(pango_cairo_context_set_font_options) X(pango_cairo_context_set_resolution)   \
	X(pango_cairo_create_context) X(pango_cairo_show_layout) X(pango_cairo_show_layout_line)                     \
	X(pango_context_set_language) X(pango_font_description_free) X(pango_font_description_new)                   \
	X(pango_font_description_set_family) X(pango_font_description_set_size)                                      \
	X(pango_font_description_set_weight) X(pango_language_from_string) X(pango_layout_get_extents)               \
	X(pango_layout_get_iter) X(pango_layout_get_line_readonly) X(pango_layout_iter_free)                         \
	X(pango_layout_iter_get_baseline) X(pango_layout_iter_get_line_extents) X(pango_layout_iter_get_line_yrange) \
	X(pango_layout_iter_next_line) X(pango_layout_new) X(pango_layout_set_alignment)                             \
	X(pango_layout_set_attributes) X(pango_layout_set_ellipsize) X(pango_layout_set_font_description)            \
	X(pango_layout_set_justify) X(pango_layout_set_line_spacing) X(pango_layout_set_text)                        \
	X(pango_layout_set_width) X(pango_layout_set_wrap)

#define MAMORI_GLIB_FUNCTIONS(X) X(g_free) X(g_utf8_make_valid) X(g_utf8_validate)

//! One pointer per function, named as the function is.
struct PdfFunctions {
#define MAMORI_PDF_POINTER(name) decltype(&::name) name = nullptr;
	MAMORI_PDF_FUNCTIONS(MAMORI_PDF_POINTER)
#undef MAMORI_PDF_POINTER
};
struct GlibFunctions {
#define MAMORI_GLIB_POINTER(name) decltype(&::name) name = nullptr;
	MAMORI_GLIB_FUNCTIONS(MAMORI_GLIB_POINTER)
#undef MAMORI_GLIB_POINTER
};

//! Opens pangocairo (and with it pango, cairo and glib) on the first call.
Result<const PdfFunctions *> LoadPdfLibraries();
//! Opens glib alone on the first call (the DOCX writer needs its UTF-8 repair only).
Result<const GlibFunctions *> LoadGlib();

//! The functions, once the Load call above has succeeded (each renderer's entry makes it).
const PdfFunctions &Pdf();
const GlibFunctions &Glib();

} // namespace mamori::exporting
