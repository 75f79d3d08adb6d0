// mamori/cli/mail_settings.hpp
//
// The outgoing-mail flags shared by `serve` and `mail test`:
// --smtp-url smtp://host:port (or smtps://), --mail-from ADDRESS and
// optionally --smtp-user NAME. The password comes from the environment
// (MAMORI_SMTP_PASSWORD), so it never shows in the process list.
#pragma once

#include "cli/args.hpp"
#include "platform/mailer.hpp"

#include <optional>

namespace mamori::cli {

inline const std::set<std::string> kMailOptions = {"smtp-url", "mail-from", "smtp-user"};

//! nullopt when no mail flag is given (mail is optional); an error when only
//! some are, naming the one missing.
Result<std::optional<platform::SmtpSettings>> MailSettingsFrom(const ParsedArgs &parsed);

} // namespace mamori::cli
