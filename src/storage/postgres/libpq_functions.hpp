// mamori/storage/postgres/libpq_functions.hpp
//
// The libpq functions the PostgreSQL driver calls, found when the first connection opens
// (platform/shared_library.hpp): an installation on SQLite never loads libpq and the
// Kerberos, LDAP and TLS libraries it brings (issue 11, cold start).
#pragma once

#include "core/common/result.hpp"

#include <libpq-fe.h>

namespace mamori::storage::postgres {

#define MAMORI_LIBPQ_FUNCTIONS(X)                                                                                   \
	X(PQclear) X(PQcmdTuples) X(PQconnectdb) X(PQerrorMessage) X(PQexec) X(PQexecPrepared) X(PQfinish)         \
	X(PQgetisnull) X(PQgetlength) X(PQgetvalue) X(PQnfields) X(PQntuples) X(PQprepare) X(PQreset)              \
	X(PQresultErrorField) X(PQresultErrorMessage) X(PQresultStatus) X(PQsetClientEncoding)                     \
	X(PQsetNoticeProcessor) X(PQstatus) X(PQtransactionStatus)

//! One pointer per function, named as the function is.
struct LibpqFunctions {
#define MAMORI_LIBPQ_POINTER(name) decltype(&::name) name = nullptr;
	MAMORI_LIBPQ_FUNCTIONS(MAMORI_LIBPQ_POINTER)
#undef MAMORI_LIBPQ_POINTER
};

//! Opens libpq on the first call; an error names the library when it cannot be loaded.
Result<const LibpqFunctions *> LoadLibpq();

//! The functions, once LoadLibpq has succeeded (every connection calls it before its first use).
const LibpqFunctions &Libpq();

} // namespace mamori::storage::postgres
