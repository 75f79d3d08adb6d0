// mamori/storage/postgres/libpq_functions.cpp
#include "storage/postgres/libpq_functions.hpp"

#include "platform/shared_library.hpp"

namespace mamori::storage::postgres {

namespace {

Result<LibpqFunctions> Find() {
	const platform::SharedLibrary library = MAMORI_TRY(platform::SharedLibrary::Open(MAMORI_LIBPQ_SONAME));
	LibpqFunctions functions;
#define MAMORI_LIBPQ_FIND(name) functions.name = MAMORI_TRY(library.Function<decltype(&::name)>(#name));
	MAMORI_LIBPQ_FUNCTIONS(MAMORI_LIBPQ_FIND)
#undef MAMORI_LIBPQ_FIND
	return functions;
}

// Found once per process; a failure stays (the package will not appear while mamori runs).
const Result<LibpqFunctions> &Found() {
	static const Result<LibpqFunctions> found = Find();
	return found;
}

} // namespace

Result<const LibpqFunctions *> LoadLibpq() {
	const Result<LibpqFunctions> &found = Found();
	if (!found) {
		return found.error();
	}
	return &found.value();
}

const LibpqFunctions &Libpq() { return Found().value(); }

} // namespace mamori::storage::postgres
