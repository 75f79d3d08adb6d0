// mamori/web/json_body.hpp
//
// The body of a JSON API call: one JSON object, or a clear 400 naming "body".
#pragma once

#include "web/web_app.hpp"

namespace mamori::web {

//! The request body parsed as a JSON object; malformed JSON or another value
//! (an array, a number) is an input error on the field "body".
Result<Json> ParseJsonObjectBody(const Request &request);

} // namespace mamori::web
