// mamori/storage/postgres/libpq_functions.cpp
#include "storage/postgres/libpq_functions.hpp"

#include "platform/shared_library.hpp"

namespace mamori::storage::postgres {

namespace {

Result<LibpqFunctions> Find() {
	const platform::SharedLibrary library = MAMORI_TRY(platform::SharedLibrary::Open(MAMORI_LIBPQ_SONAME));
	LibpqFunctions functions;
#define MAMORI_LIBPQ_FIND(name) MAMORI_FIND_FUNCTION(library, functions, name)
	MAMORI_LIBPQ_FUNCTIONS(MAMORI_LIBPQ_FIND)
#undef MAMORI_LIBPQ_FIND
	return functions;
}

using Libraries = platform::FunctionsFoundOnce<LibpqFunctions, Find>;

} // namespace

Result<const LibpqFunctions *> LoadLibpq() { return Libraries::Load(); }

const LibpqFunctions &Libpq() { return Libraries::Get(); }

} // namespace mamori::storage::postgres
