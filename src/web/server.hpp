// mamori/web/server.hpp
#pragma once

#include "app/alert_settings.hpp"
#include "app/records.hpp"
#include "core/common/result.hpp"
#include "core/security/rate_limit.hpp"
#include "platform/mailer.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mamori::web {

struct ServeOptions {
	std::string db_path;
	std::string host = "127.0.0.1";
	int port = 8080;
	bool secure_cookies = false;
	//! The address people use, e.g. "https://mamori.example.jp" ("" = none given). An https
	//! address marks the cookies Secure, adds HSTS, and makes links in mail absolute.
	std::string public_url;
	//! Reverse proxies whose X-Forwarded-For is believed (web/client_address.hpp).
	std::vector<std::string> trusted_proxies;
	//! HSTS also for every subdomain of the public host (only when the operator owns all of them).
	bool hsts_include_subdomains = false;
	Locale console_locale = kDefaultLocale;  // of the lines printed on the terminal (the set-up code)
	std::optional<platform::SmtpSettings> mail;  // none: reports show on the dashboard only
	//! Thresholds and the operator's address of the burst alerts (app/alerts.hpp).
	app::AlertSettings alerts;
	//! The API limit per account (`--api-rate-limit`).
	mamori::ApiRateSetting api_rate;
};

class Views;

//! What a server reads from content/ and web/ before it can answer: the
//! catalogs (both languages), the messages with the page templates, and the
//! retention schedule. Reading them is most of a start, so they are read on
//! two threads of their own from the moment Start is called, while the
//! caller opens the database (issue 11: a cold start within 100 ms).
class ContentReads {
public:
	static ContentReads Start();
	ContentReads(ContentReads &&) noexcept;
	ContentReads &operator=(ContentReads &&) noexcept;
	~ContentReads();

	struct Loaded;
	//! Waits for both threads; the first problem found is the error.
	Result<Loaded> Wait();

private:
	struct Pending;
	explicit ContentReads(std::unique_ptr<Pending> pending);
	std::unique_ptr<Pending> pending_;
};

//! Prints the set-up code when no account exists yet, and serves `store`
//! with `content` until stopped. Returns the exit code.
int Serve(const ServeOptions &options, app::Store &store, ContentReads content);

} // namespace mamori::web
