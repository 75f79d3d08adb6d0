// mamori/cli/admin_commands.cpp
//
// serve, user create, backup, catalog check: commands that touch an installation.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/mail_settings.hpp"
#include "cli/messages.hpp"

#include "app/accounts.hpp"
#include "app/coaching.hpp"
#include "core/catalog/untranslated_content.hpp"
#include "core/security/password_policy.hpp"
#include "platform/files.hpp"
#include "platform/programme_files.hpp"
#include "storage/open_store.hpp"
#include "web/client_address.hpp"
#include "web/server.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <filesystem>
#include <iostream>

namespace mamori::cli {

namespace {

struct Installation {
	Catalog catalog;
	std::unique_ptr<storage::Store> store;
};

Result<Installation> OpenInstallation(const std::string &db_path) {
	if (db_path.empty()) {
		return Error::Invalid("--db", "cli.errors.db_required");
	}
	auto content_dir = platform::LocateResourceDir("content");
	if (!content_dir) {
		return content_dir.error();
	}
	auto catalog = platform::LoadCatalog(*content_dir);
	if (!catalog) {
		return catalog.error();
	}
	auto store = storage::OpenStore(db_path);
	if (!store) {
		return store.error();
	}
	return Installation{std::move(catalog.value()), std::move(store.value())};
}

//! "https://mamori.example.jp/" → "https://mamori.example.jp": scheme and host (and port) only,
//! because mamori serves from the root and builds links as PUBLIC_URL + path.
Result<std::string> PublicUrl(std::string url) {
	if (url.empty()) {
		return url;
	}
	while (!url.empty() && url.back() == '/') {
		url.pop_back();
	}
	const bool https = url.rfind("https://", 0) == 0;
	const size_t host_start = https ? 8 : url.rfind("http://", 0) == 0 ? 7 : 0;
	if (host_start == 0 || url.size() == host_start ||
	    url.find_first_of("/?#@ \t\"<>", host_start) != std::string::npos) {
		return Error::Invalid("--public-url", "cli.errors.public_url_format");
	}
	return url;
}

//! "10.0.0.5,10.0.0.6" → each a literal address; names and ranges are refused, so the
//! trust given to X-Forwarded-For is exactly what the operator wrote.
Result<std::vector<std::string>> TrustedProxies(const std::string &list) {
	std::vector<std::string> proxies;
	size_t start = 0;
	while (start < list.size()) {
		size_t comma = list.find(',', start);
		if (comma == std::string::npos) {
			comma = list.size();
		}
		const std::string address = list.substr(start, comma - start);
		if (!web::IsIpAddress(address)) {
			return Error::Invalid("--trusted-proxy", "cli.errors.trusted_proxy_format", {{"value", address}});
		}
		proxies.push_back(address);
		start = comma + 1;
	}
	return proxies;
}

//! --alert-* of `serve`: a count from 0 (that alert off) up, or the default when not given.
Result<int> AlertCount(const ParsedArgs &parsed, const std::string &option, int fallback) {
	if (!parsed.Has(option)) {
		return fallback;
	}
	const std::string text = parsed.Value(option);
	int value = -1;
	auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
	if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0 || value > 100000) {
		return Error::Invalid("--" + option, "cli.errors.alert_count", {{"option", "--" + option}});
	}
	return value;
}

//! --api-rate-limit of `serve`: calls a minute per account (1 to 1,000,000), or "off".
Result<ApiRateSetting> ApiRateFrom(const ParsedArgs &parsed) {
	ApiRateSetting setting;
	if (!parsed.Has("api-rate-limit")) {
		return setting;
	}
	const std::string text = parsed.Value("api-rate-limit");
	if (text == "off") {
		setting.counted = false;
		return setting;
	}
	int value = 0;
	auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
	if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 1 || value > 1000000) {
		return Error::Invalid("--api-rate-limit", "cli.errors.api_rate_limit");
	}
	setting.limit = RateLimit{value, 60};
	return setting;
}

//! The burst alerts (app/alerts.hpp): thresholds, and where their mail goes.
Result<app::AlertSettings> AlertSettingsFrom(const ParsedArgs &parsed, bool mail_configured) {
	app::AlertSettings settings;
	app::AlertThresholds &limits = settings.thresholds;
	limits.refusals_per_client = MAMORI_TRY(AlertCount(parsed, "alert-refusals", limits.refusals_per_client));
	limits.failed_sign_ins = MAMORI_TRY(AlertCount(parsed, "alert-failed-sign-ins", limits.failed_sign_ins));
	limits.exports_per_account = MAMORI_TRY(AlertCount(parsed, "alert-exports", limits.exports_per_account));
	limits.rate_limited = MAMORI_TRY(AlertCount(parsed, "alert-rate-limited", limits.rate_limited));
	if (parsed.Has("alert-mail")) {
		settings.mail_to = parsed.Value("alert-mail");
		if (!mail_configured || !platform::IsPlausibleMailAddress(settings.mail_to)) {
			return Error::Invalid("--alert-mail", "cli.errors.alert_mail");
		}
	}
	return settings;
}

} // namespace

int RunServe(const Args &args) {
	std::set<std::string> value_options = kMailOptions;
	value_options.insert({"db", "listen", "public-url", "trusted-proxy", "alert-mail", "alert-refusals",
	                      "alert-failed-sign-ins", "alert-exports", "alert-rate-limited", "api-rate-limit"});
	auto parsed = ParseArgs(args, value_options, {"secure-cookies", "hsts-include-subdomains"});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	web::ServeOptions options;
	auto mail = MailSettingsFrom(*parsed);
	if (!mail) {
		return ReportError(mail.error());
	}
	options.mail = std::move(mail.value());
	options.db_path = parsed->Value("db", "var/mamori.db");
	auto public_url = PublicUrl(parsed->Value("public-url", ""));
	if (!public_url) {
		return ReportError(public_url.error());
	}
	options.public_url = *public_url;
	// Behind TLS every cookie must be Secure; --secure-cookies stays for a proxy without a known URL.
	options.secure_cookies = parsed->Has("secure-cookies") || options.public_url.rfind("https://", 0) == 0;
	auto proxies = TrustedProxies(parsed->Value("trusted-proxy", ""));
	if (!proxies) {
		return ReportError(proxies.error());
	}
	options.trusted_proxies = std::move(proxies.value());
	options.hsts_include_subdomains = parsed->Has("hsts-include-subdomains");
	options.console_locale = CliLocale();
	auto alerts = AlertSettingsFrom(*parsed, options.mail.has_value());
	if (!alerts) {
		return ReportError(alerts.error());
	}
	options.alerts = *alerts;
	auto api_rate = ApiRateFrom(*parsed);
	if (!api_rate) {
		return ReportError(api_rate.error());
	}
	options.api_rate = *api_rate;
	const std::string listen = parsed->Value("listen", "127.0.0.1:8080");
	const auto colon = listen.rfind(':');
	if (colon == std::string::npos || colon == 0) {
		return ReportError(Error::Invalid("--listen", "cli.errors.listen_format"));
	}
	options.host = listen.substr(0, colon);
	// Off the loopback address browsers may reach mamori over the network; without TLS settings
	// its cookies would lack Secure and could travel in clear (ASVS 3.4.1). Refuse, and say how.
	if (!web::IsLoopbackHost(options.host) && !options.secure_cookies) {
		return ReportError(Error::Invalid("--listen", "cli.errors.listen_public_without_tls", {{"host", options.host}}));
	}
	const std::string port_text = listen.substr(colon + 1);
	int port = 0;
	auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
	if (ec != std::errc() || end != port_text.data() + port_text.size() || port < 1 || port > 65535) {
		return ReportError(Error::Invalid("--listen", "cli.errors.listen_port"));
	}
	options.port = port;
	// The content is read on other threads while the database opens and migrates.
	web::ContentReads content = web::ContentReads::Start();
	// The one place the server's store is opened (storage::OpenStore picks the backend).
	auto store = storage::OpenStore(options.db_path);
	if (!store) {
		return ReportError(store.error());
	}
	return web::Serve(options, **store, std::move(content));
}

int RunUser(const Args &args) {
	if (args.empty() || args[0] != "create") {
		std::cerr << "usage: mamori user create --db PATH --email E --password P [--name NAME] [--admin]" << std::endl;
		return kExitBadInput;
	}
	auto parsed = ParseArgs(Args(args.begin() + 1, args.end()), {"db", "email", "password", "name"}, {"admin"});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	if (!parsed->positional.empty()) {
		return ReportError(Error::Invalid(parsed->positional.front(), "unexpected argument"));
	}
	if (!parsed->Has("email")) {
		return ReportError(Error::Invalid("--email", "errors.cli.email_required"));
	}
	if (!parsed->Has("password")) {
		return ReportError(Error::Invalid("--password", "errors.cli.password_required"));
	}
	// Validate before touching the database, so bad input never creates the file.
	if (auto valid = app::ValidateEmail(app::NormalizeEmail(parsed->Value("email")), "--email"); !valid) {
		return ReportError(valid.error());
	}
	if (!parsed->Has("db")) {
		return ReportError(Error::Invalid("--db", "cli.errors.db_required"));
	}
	// The password policy needs only the content catalog, so a weak password
	// is refused before the database file is even created.
	auto content_dir = platform::LocateResourceDir("content");
	if (!content_dir) {
		return ReportError(content_dir.error());
	}
	auto content = platform::LoadCatalog(*content_dir);
	if (!content) {
		return ReportError(content.error());
	}
	if (auto strong = CheckPasswordPolicy(parsed->Value("password"), app::NormalizeEmail(parsed->Value("email")),
	                                      content->common_passwords, "--password");
	    !strong) {
		return ReportError(strong.error());
	}
	auto installation = OpenInstallation(parsed->Value("db"));
	if (!installation) {
		return ReportError(installation.error());
	}
	app::AppContext ctx{installation->catalog, *installation->store};
	app::NewAccount account{parsed->Value("email"), parsed->Value("password"), parsed->Value("name"),
	                        parsed->Has("admin")};
	auto id = app::CreateAccount(ctx, account, std::nullopt);
	if (!id) {
		Error error = id.error();
		if (error.field == "password" || error.field == "email") {
			error.field = "--" + error.field;
		}
		return ReportError(error);
	}
	std::cout << nlohmann::json{{"id", *id}, {"email", app::NormalizeEmail(account.email)}, {"admin", account.is_admin}}.dump()
	          << std::endl;
	return kExitOk;
}

int RunBackup(const Args &args) {
	auto parsed = ParseArgs(args, {"db", "out"}, {});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	if (!parsed->Has("out")) {
		return ReportError(Error::Invalid("--out", "cli.errors.backup_out_required"));
	}
	if (!storage::StoreExists(parsed->Value("db"))) {
		return ReportError(Error::Invalid("--db", "cli.errors.db_not_found", {{"path", parsed->Value("db")}}));
	}
	auto installation = OpenInstallation(parsed->Value("db"));
	if (!installation) {
		return ReportError(installation.error());
	}
	if (auto status = installation->store->BackupTo(parsed->Value("out")); !status) {
		return ReportError(status.error());
	}
	std::cout << nlohmann::json{{"backup", parsed->Value("out")}}.dump() << std::endl;
	return kExitOk;
}

int RunCatalog(const Args &args) {
	if (args.empty() || args[0] != "check") {
		std::cerr << "usage: mamori catalog check [--content DIR]" << std::endl;
		return kExitBadInput;
	}
	auto parsed = ParseArgs(Args(args.begin() + 1, args.end()), {"content"}, {});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	std::string dir = parsed->Value("content");
	if (dir.empty()) {
		auto located = platform::LocateResourceDir("content");
		if (!located) {
			return ReportError(located.error());
		}
		dir = *located;
	}
	auto files = platform::ReadContentFiles(dir);
	if (!files) {
		return ReportError(files.error());
	}
	// Every locale must load on its own: a translation that breaks a rule of
	// the loader (a footnote term missing from the English text) shows here.
	auto catalogs = platform::LoadCatalogs(dir);
	if (!catalogs) {
		return ReportError(catalogs.error());
	}
	auto untranslated = UntranslatedContent(*files);
	if (!untranslated) {
		return ReportError(untranslated.error());
	}
	const auto &gaps = untranslated.value();
	if (!gaps.empty()) {
		// One line per the CLI contract; the first gap, and how many there are.
		const auto &first = gaps.front();
		const std::string where = (std::filesystem::path(dir) / first.file).string() + ": " + first.path;
		return ReportError(Error{ErrorCode::kCatalogInvalid, where,
		                         first.reason + " (" + std::to_string(gaps.size()) + " translation gaps in all)"});
	}
	// The coaching programmes (issue 12) go through the same loader as a consultant's own.
	auto programmes = platform::LoadProgrammes(dir, app::ProgrammeDocumentKinds());
	if (!programmes) {
		return ReportError(programmes.error());
	}
	nlohmann::json programme_ids = nlohmann::json::array();
	for (const auto &file : *programmes) {
		programme_ids.push_back(file.programme.id);
	}
	const Catalog &catalog = catalogs->Default();
	nlohmann::json editions = nlohmann::json::array();
	for (const auto &[id, edition] : catalog.editions) {
		editions.push_back({{"id", id},
		                    {"title", edition.title},
		                    {"selfcheck_items", edition.ItemCount()},
		                    // 対策状況チェック (付録7): 55 in edition 3.0
		                    {"check_items", edition.risk_catalog.check_items.size()},
		                    {"five_articles", edition.five_articles.size()},
		                    {"policy_clauses", edition.policy_template.clauses.size()}});
	}
	nlohmann::json locales = nlohmann::json::array();
	for (Locale locale : kAllLocales) {
		locales.push_back(std::string(LocaleCode(locale)));
	}
	std::cout << nlohmann::json{{"ok", true}, {"default_edition", catalog.default_edition}, {"editions", editions},
	                            {"locales", locales}, {"programmes", programme_ids}}
	                 .dump(2)
	          << std::endl;
	return kExitOk;
}

} // namespace mamori::cli
