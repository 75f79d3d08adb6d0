// mamori/web/account_pages.hpp
//
// Helpers of the signed-in user's own account (issue 10) that other route
// files use too: sending the new cookie after a session rotation, and the
// Retry-After header of a throttled sign-in.
#pragma once

#include "web/web_app.hpp"

namespace mamori::web {

//! Rotates the request's session (app::RotateSession: new token, new CSRF token)
//! and sets the new cookie. Call it after any change of the session's privilege.
Status RotateSessionCookie(WebApp &web, Request &request);

//! Adds Retry-After to a kRateLimited answer that says how long to wait.
void SetRetryAfter(Request &request, const Error &error);

} // namespace mamori::web
