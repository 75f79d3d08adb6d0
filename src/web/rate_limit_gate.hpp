// mamori/web/rate_limit_gate.hpp
//
// The web side of the rate limits (app/rate_limits.hpp): counts a request for the signed-in
// account, or for the client address before sign-in, and answers 429 with Retry-After and a
// message in the request's language when the limit is reached. The route table applies it to
// every API call and every upload (web/route_table.cpp); downloads apply it themselves, since
// an export is what they do, not how they are addressed (web/audited_download.cpp).
#pragma once

#include "app/rate_limits.hpp"
#include "web/web_app.hpp"

namespace mamori::web {

//! Counts one use of `kind`; true when the request may go on. Otherwise the 429 (JSON when
//! `as_json`, else a page) has been sent and logged.
bool PassRateLimit(WebApp &web, Request &request, app::RateKind kind, bool as_json);

} // namespace mamori::web
