// mamori/web/return_path.hpp
//
// Where to go after signing in: the page that sent the person to the sign-in
// page (`next`). Only a path on this site is accepted, so the parameter cannot
// send anyone to another site after they typed their password (an open redirect).
#pragma once

#include <string>

namespace mamori::web {

//! `text` when it is a path on this site ("/orgs/3/selfcheck/answer/sheet?respondent=…"),
//! else "": not starting with one "/", "//" or "/\" (another host), control characters,
//! or longer than 1,000 characters.
std::string SafeReturnPath(const std::string &text);

} // namespace mamori::web
