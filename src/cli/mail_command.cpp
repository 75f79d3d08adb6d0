// mamori/cli/mail_command.cpp
//
// `mail test`: sends one message through the configured relay, so an operator
// can check the mail settings before incident reports depend on them.
#include "cli/commands.hpp"

#include "cli/exit_codes.hpp"
#include "cli/mail_settings.hpp"
#include "cli/messages.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>

namespace mamori::cli {

Result<std::optional<platform::SmtpSettings>> MailSettingsFrom(const ParsedArgs &parsed) {
	if (!parsed.Has("smtp-url") && !parsed.Has("mail-from") && !parsed.Has("smtp-user")) {
		return std::optional<platform::SmtpSettings>{};
	}
	if (!parsed.Has("smtp-url")) {
		return Error::Invalid("--smtp-url", "cli.errors.smtp_url_required");
	}
	if (!parsed.Has("mail-from")) {
		return Error::Invalid("--mail-from", "cli.errors.mail_from_required");
	}
	platform::SmtpSettings settings;
	settings.url = parsed.Value("smtp-url");
	settings.from = parsed.Value("mail-from");
	settings.user = parsed.Value("smtp-user");
	if (const char *password = std::getenv("MAMORI_SMTP_PASSWORD"); password != nullptr) {
		settings.password = password;
	}
	MAMORI_TRY(platform::MakeSmtpMailer(settings));  // checks the URL and the address now, not at the first report
	return std::optional<platform::SmtpSettings>(std::move(settings));
}

int RunMail(const Args &args) {
	if (args.empty() || args[0] != "test") {
		std::cerr << "usage: mamori mail test --smtp-url smtp://HOST:PORT --mail-from ADDRESS --to ADDRESS [--smtp-user NAME]"
		          << std::endl;
		return kExitBadInput;
	}
	std::set<std::string> options = kMailOptions;
	options.insert("to");
	auto parsed = ParseArgs(Args(args.begin() + 1, args.end()), options, {});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	auto settings = MailSettingsFrom(*parsed);
	if (!settings) {
		return ReportError(settings.error());
	}
	if (!*settings) {
		return ReportError(Error::Invalid("--smtp-url", "cli.errors.smtp_url_required"));
	}
	const std::string to = parsed->Value("to");
	if (!platform::IsPlausibleMailAddress(to)) {
		return ReportError(Error::Invalid("--to", "errors.mail.address_invalid", {{"address", to}}));
	}
	auto mailer = platform::MakeSmtpMailer(**settings);
	if (!mailer) {
		return ReportError(mailer.error());
	}
	const MessageCatalog *messages = CliMessages();
	const Locale locale = CliLocale();
	platform::MailMessage message;
	message.to = {to};
	message.subject = messages != nullptr ? messages->Text(locale, "mail.test.subject") : "mamori";
	message.body = messages != nullptr ? messages->Text(locale, "mail.test.body", {{"from", (*settings)->from}}) : "";
	if (auto sent = (*mailer)->Send(message); !sent) {
		return ReportError(sent.error());
	}
	std::cout << nlohmann::json{{"sent", true}, {"to", to}}.dump() << std::endl;
	return kExitOk;
}

} // namespace mamori::cli
