// mamori/fuzz/register_xlsx_fuzzer.cpp
//
// The register import from an uploaded XLSX file (a ZIP of XML parts: the ZIP
// reader, the shared strings, the sheet XML and the cells).
#include "fuzz_content.hpp"

using namespace mamori;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
	(void)fuzz::Content();
	return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	fuzz::ImportRegister(interchange::RegisterFormat::kXlsx, fuzz::AsText(data, size));
	return 0;
}
