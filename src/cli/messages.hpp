// mamori/cli/messages.hpp
//
// The language of the mamori command and its message catalog. The command
// speaks Japanese, the guideline's language, unless the environment asks for
// English (README "Command line language").
#pragma once

#include "core/i18n/locale.hpp"
#include "core/i18n/message_catalog.hpp"

#include <optional>
#include <string_view>

namespace mamori::cli {

//! The locale for a POSIX locale setting: the first non-empty of LC_ALL,
//! LC_MESSAGES, LANG (their order of precedence) decides; "en..." means
//! English, anything else (ja_JP.UTF-8, C, POSIX, unset) Japanese.
Locale LocaleFromEnvironment(std::string_view lc_all, std::string_view lc_messages, std::string_view lang);

//! LocaleFromEnvironment for this process.
Locale CliLocale();

//! The message catalog from the installation's content folder, loaded once;
//! nullptr when it cannot be loaded (errors are then shown by key, which
//! still names the problem).
const MessageCatalog *CliMessages();

//! The error as the person at the terminal reads it.
std::string DescribeForCli(const Error &error);

} // namespace mamori::cli
