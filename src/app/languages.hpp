// mamori/app/languages.hpp
//
// The two language choices (issue 7): a user's UI language, and an
// organisation's document language, which is chosen apart from anyone's UI so
// a foreign manager can read the UI in English while the firm's documents
// stay in Japanese.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/i18n/locale.hpp"

#include <optional>

namespace mamori::app {

//! The user's chosen UI language, or nullopt when the user has not chosen.
std::optional<Locale> ChosenLocaleOf(const storage::User &user);

//! Remembers the user's UI language.
Status SetUserLanguage(AppContext &ctx, Id user_id, Locale locale);

//! The language of the organisation's generated documents (Japanese by default).
Locale DocumentLocaleOf(const storage::Organization &org);

//! The guideline content in the organisation's document language, for
//! building its documents (the UI's content follows the reader instead).
const Catalog &DocumentContentOf(const AppContext &ctx, const storage::Organization &org);

//! Changes the document language; editors only; audited.
Status SetDocumentLanguage(AppContext &ctx, const Actor &actor, const OrgAccess &access, Locale locale);

} // namespace mamori::app
