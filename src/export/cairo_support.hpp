// mamori/export/cairo_support.hpp
//
// Owning handles for the cairo, pango and glib objects the PDF renderers
// use, and the cairo write callback that collects a PDF in memory.
#pragma once

#include "export/pdf_libraries.hpp"

#include <memory>
#include <new>
#include <string>

namespace mamori::exporting::cairo_support {

struct SurfaceDeleter {
	void operator()(cairo_surface_t *surface) const { Pdf().cairo_surface_destroy(surface); }
};
struct CairoDeleter {
	void operator()(cairo_t *cr) const { Pdf().cairo_destroy(cr); }
};
struct GObjectDeleter {
	void operator()(void *object) const { Pdf().g_object_unref(object); }
};
struct FontDescriptionDeleter {
	void operator()(PangoFontDescription *desc) const { Pdf().pango_font_description_free(desc); }
};
struct AttrListDeleter {
	void operator()(PangoAttrList *list) const { Pdf().pango_attr_list_unref(list); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectDeleter>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;
using AttrListPtr = std::unique_ptr<PangoAttrList, AttrListDeleter>;

struct WriteTarget {
	std::string bytes;
	bool failed = false;
};

// Called by cairo from C: no exception may escape, so allocation failure is
// reported back as a cairo write error.
inline cairo_status_t AppendToString(void *closure, const unsigned char *data, unsigned int length) {
	auto *target = static_cast<WriteTarget *>(closure);
	try {
		target->bytes.append(reinterpret_cast<const char *>(data), length);
	} catch (const std::bad_alloc &) {
		target->failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

} // namespace mamori::exporting::cairo_support
