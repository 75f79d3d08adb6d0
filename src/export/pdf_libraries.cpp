// mamori/export/pdf_libraries.cpp
#include "export/pdf_libraries.hpp"

#include "platform/shared_library.hpp"

namespace mamori::exporting {

namespace {

Result<PdfFunctions> FindPdf() {
	const platform::SharedLibrary library = MAMORI_TRY(platform::SharedLibrary::Open(MAMORI_PANGOCAIRO_SONAME));
	PdfFunctions functions;
	// dlsym on pangocairo's handle searches the libraries it depends on: cairo, pango, gobject.
#define MAMORI_PDF_FIND(name) functions.name = MAMORI_TRY(library.Function<decltype(&::name)>(#name));
	MAMORI_PDF_FUNCTIONS(MAMORI_PDF_FIND)
#undef MAMORI_PDF_FIND
	return functions;
}

Result<GlibFunctions> FindGlib() {
	const platform::SharedLibrary library = MAMORI_TRY(platform::SharedLibrary::Open(MAMORI_GLIB_SONAME));
	GlibFunctions functions;
#define MAMORI_GLIB_FIND(name) functions.name = MAMORI_TRY(library.Function<decltype(&::name)>(#name));
	MAMORI_GLIB_FUNCTIONS(MAMORI_GLIB_FIND)
#undef MAMORI_GLIB_FIND
	return functions;
}

// Found once per process; a failure stays (a package does not appear while mamori runs).
const Result<PdfFunctions> &FoundPdf() {
	static const Result<PdfFunctions> found = FindPdf();
	return found;
}
const Result<GlibFunctions> &FoundGlib() {
	static const Result<GlibFunctions> found = FindGlib();
	return found;
}

template <typename T>
Result<const T *> Address(const Result<T> &found) {
	if (!found) {
		return found.error();
	}
	return &found.value();
}

} // namespace

Result<const PdfFunctions *> LoadPdfLibraries() { return Address(FoundPdf()); }
Result<const GlibFunctions *> LoadGlib() { return Address(FoundGlib()); }
const PdfFunctions &Pdf() { return FoundPdf().value(); }
const GlibFunctions &Glib() { return FoundGlib().value(); }

} // namespace mamori::exporting
