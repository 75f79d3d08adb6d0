// mamori/fuzz/register_csv_fuzzer.cpp
//
// The register import from an uploaded CSV file (UTF-8 with or without BOM, or
// Shift_JIS/CP932 as Japanese Excel writes it: the reader decides, so one
// harness covers both encodings).
#include "fuzz_content.hpp"

using namespace mamori;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
	(void)fuzz::Content();
	return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	fuzz::ImportRegister(interchange::RegisterFormat::kCsv, fuzz::AsText(data, size));
	return 0;
}
