// mamori/export/pdf_libraries.cpp
#include "export/pdf_libraries.hpp"

#include "platform/shared_library.hpp"

namespace mamori::exporting {

namespace {

Result<PdfFunctions> FindPdf() {
	const platform::SharedLibrary library = MAMORI_TRY(platform::SharedLibrary::Open(MAMORI_PANGOCAIRO_SONAME));
	PdfFunctions functions;
	// dlsym on pangocairo's handle searches the libraries it depends on: cairo, pango, gobject.
#define MAMORI_PDF_FIND(name) MAMORI_FIND_FUNCTION(library, functions, name)
	MAMORI_PDF_FUNCTIONS(MAMORI_PDF_FIND)
#undef MAMORI_PDF_FIND
	return functions;
}

Result<GlibFunctions> FindGlib() {
	const platform::SharedLibrary library = MAMORI_TRY(platform::SharedLibrary::Open(MAMORI_GLIB_SONAME));
	GlibFunctions functions;
#define MAMORI_GLIB_FIND(name) MAMORI_FIND_FUNCTION(library, functions, name)
	MAMORI_GLIB_FUNCTIONS(MAMORI_GLIB_FIND)
#undef MAMORI_GLIB_FIND
	return functions;
}

using PdfLibraries = platform::FunctionsFoundOnce<PdfFunctions, FindPdf>;
using GlibLibrary = platform::FunctionsFoundOnce<GlibFunctions, FindGlib>;

} // namespace

Result<const PdfFunctions *> LoadPdfLibraries() { return PdfLibraries::Load(); }
Result<const GlibFunctions *> LoadGlib() { return GlibLibrary::Load(); }
const PdfFunctions &Pdf() { return PdfLibraries::Get(); }
const GlibFunctions &Glib() { return GlibLibrary::Get(); }

} // namespace mamori::exporting
