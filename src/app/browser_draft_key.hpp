// mamori/app/browser_draft_key.hpp
//
// A key for what a page keeps in the browser between sessions. The one-page
// self-check sheet stores unsent choices in localStorage so that an expired
// session loses nothing (issue 13); those choices show a firm's weak points,
// so the browser keeps them only encrypted (AES-GCM, in the page's script)
// under a key the server derives for one person and one sheet. The key
// never touches browser storage: it is in the page only while the person is
// signed in, so after a session ends the stored draft cannot be read, and
// signing in again as the same person makes it readable again (ASVS 8.2.2).
#pragma once

#include "app/app_context.hpp"
#include "core/common/result.hpp"

#include <string>

namespace mamori::app {

//! 64 hex digits (256 bits): HMAC-SHA256 under the installation's draft
//! secret of the user id and `scope` (the draft's storage key). The secret is
//! made on first use and kept as an installation setting, so keys stay the
//! same across restarts and across instances sharing one database.
Result<std::string> BrowserDraftKey(const AppContext &ctx, Id user_id, const std::string &scope);

} // namespace mamori::app
