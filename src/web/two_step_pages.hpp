// mamori/web/two_step_pages.hpp
//
// The pieces of two-step login that other route files call: the sign-in forms hand over to the
// code page here, the API sign-in asks for "totp", and the members and admin pages show the
// requirement switch. Routes: routes_two_step.cpp.
#pragma once

#include "web/web_app.hpp"

namespace mamori::web {

//! The cookie that carries a sign-in waiting for its code (HttpOnly, SameSite=Strict, 5 minutes).
inline constexpr const char *kPendingSignInCookie = "mamori_signin";

//! After the right password on the sign-in form: when the account uses two-step login, starts
//! the waiting sign-in, sends the browser to the code page and returns true (no session yet).
//! False means the caller starts the session itself.
bool HandOverToSecondStep(WebApp &web, Request &request, const storage::User &user);

//! POST /api/v1/session after the right password: for a two-step account, checks the body's
//! "totp". Sends 401 {"mfa_required": true, ...} without it or with a wrong or reused code,
//! and returns false; true means the caller starts the session.
bool PassApiSecondStep(WebApp &web, Request &request, const Json &body, const storage::User &user);

//! The organisation's requirement switch for the members page (editors only).
Json TwoStepOrganizationModel(WebApp &web, Request &request, const app::OrgAccess &access);
//! The installation's requirement switch for the admin page.
Json TwoStepInstallationModel(WebApp &web, Request &request);

} // namespace mamori::web
