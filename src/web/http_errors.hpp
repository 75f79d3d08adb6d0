// mamori/web/http_errors.hpp
#pragma once

#include "core/common/result.hpp"

namespace mamori::web {

//! The one table from ErrorCode to HTTP status.
int HttpStatusFor(ErrorCode code);
//! Stable machine name of a code, for JSON error bodies ("invalid_input").
const char *ErrorCodeName(ErrorCode code);
//! The message key of an HTML error page's title for an HTTP status.
const char *ErrorPageTitleKey(int status);

} // namespace mamori::web
