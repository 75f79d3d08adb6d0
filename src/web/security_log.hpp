// mamori/web/security_log.hpp
//
// One line on standard error for every request the route gate refuses (no
// session, no role, a lower role, a bad CSRF token), so an operator's log
// collector sees probing (ASVS 7.2.2). Refusals do not go into the audit log:
// they change nothing, and a scan would bury the firm's own history.
#pragma once

#include "web/web_app.hpp"

namespace mamori::web {

//! Writes `mamori: refused STATUS METHOD PATH user=ID client=ADDRESS`. The path is the
//! client's text, so anything but printable ASCII is replaced, and a line cannot be forged.
void LogRefusal(const Request &request);

//! The statuses that are refusals: 400 (malformed or invalid input), 401, 403, 404 (unknown
//! path, or an object of another organisation), 405 (a method not in the route table), 413
//! (too large) and 429 (a rate limit).
bool IsRefusalStatus(int status);

//! The text as it may appear in a log line: printable ASCII kept, everything else as '?',
//! at most 200 characters.
std::string LogSafe(const std::string &text);

} // namespace mamori::web
