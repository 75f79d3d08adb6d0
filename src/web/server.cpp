// mamori/web/server.cpp
#include "web/server.hpp"

#include "platform/files.hpp"
#include "platform/message_files.hpp"
#include "platform/retention_file.hpp"
#include "web/http_errors.hpp"
#include "web/retention_timer.hpp"
#include "web/web_app.hpp"

#include <csignal>
#include <cstdio>
#include <iostream>

namespace mamori::web {

static httplib::Server *g_running_server = nullptr;

static void StopOnSignal(int) {
	if (g_running_server != nullptr) {
		g_running_server->stop();
	}
}

static void ApplySecurityHeaders(httplib::Response &response, bool behind_tls) {
	// Everything mamori serves comes from itself: no inline scripts or
	// styles, no frames, no plugins. Charts are inline SVG (markup, not style).
	response.set_header("Content-Security-Policy",
	                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	                    "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
	response.set_header("X-Content-Type-Options", "nosniff");
	response.set_header("X-Frame-Options", "DENY");
	response.set_header("Referrer-Policy", "same-origin");
	response.set_header("Cross-Origin-Opener-Policy", "same-origin");
	response.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
	if (behind_tls) {
		// A year, without includeSubDomains: other hosts of the operator's domain are not ours to pin.
		response.set_header("Strict-Transport-Security", "max-age=31536000");
	}
}

//! The kinds of file /static/ serves; anything else that lands in the folder (a README, an editor's
//! backup) stays private (ASVS 12.5.1).
static bool IsServedStaticFile(const std::string &path) {
	for (const char *extension : {".css", ".mjs", ".js", ".svg", ".png", ".woff2", ".ico"}) {
		if (path.ends_with(extension)) {
			return true;
		}
	}
	return false;
}

static int Fail(const Error &error) {
	std::cerr << "mamori serve: " << error.Describe() << "\n";
	return 1;
}

int Serve(const ServeOptions &options, app::Store &store) {
	auto content_dir = platform::LocateResourceDir("content");
	auto web_dir = platform::LocateResourceDir("web");
	for (const auto *dir : {&content_dir, &web_dir}) {
		if (!*dir) {
			return Fail(dir->error());
		}
	}
	auto catalogs = platform::LoadCatalogs(*content_dir);
	if (!catalogs) {
		return Fail(catalogs.error());
	}
	auto messages = platform::LoadMessages(*content_dir);
	if (!messages) {
		return Fail(messages.error());
	}
	auto retention = platform::LoadRetentionSchedule(*content_dir);
	if (!retention) {
		return Fail(retention.error());
	}
	auto views = Views::Load(*web_dir + "/templates", std::move(messages.value()));
	if (!views) {
		return Fail(views.error());
	}

	std::unique_ptr<platform::Mailer> mailer;
	if (options.mail) {
		auto made = platform::MakeSmtpMailer(*options.mail);
		if (!made) {
			return Fail(made.error());
		}
		mailer = std::move(made.value());
	}
	// The mail text is filled in below, once the message catalog has its home in the views.
	app::AlertSettings alerts = options.alerts;
	app::AppContext ctx{.catalog = catalogs->Default(),
	                    .store = store,
	                    .catalogs = &*catalogs,
	                    .mailer = mailer.get(),
	                    .alerts = &alerts};
	WebApp web_app(ctx, std::move(views.value()),
	               WebOptions{.static_dir = *web_dir + "/static",
	                          .secure_cookies = options.secure_cookies,
	                          .public_url = options.public_url,
	                          .trusted_proxies = options.trusted_proxies,
	                          .console_locale = options.console_locale});

	alerts.messages = &web_app.messages();
	alerts.locale = options.console_locale;

	httplib::Server server;
	server.set_payload_max_length(kMaxBodyBytes);
	// Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to
	// every keep-alive response (measured: /healthz at 290 req/s).
	server.set_tcp_nodelay(true);
	const bool behind_tls = options.public_url.rfind("https://", 0) == 0;
	server.set_pre_routing_handler([behind_tls](const httplib::Request &request, httplib::Response &response) {
		ApplySecurityHeaders(response, behind_tls);
		if (request.path.rfind("/static/", 0) != 0) {
			response.set_header("Cache-Control", "no-store");
		} else if (!IsServedStaticFile(request.path)) {
			response.status = 404;
			response.set_content("404", "text/plain; charset=utf-8");
			return httplib::Server::HandlerResponse::Handled;
		}
		return httplib::Server::HandlerResponse::Unhandled;
	});
	server.set_mount_point("/static", *web_dir + "/static");
	server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");

	server.Get("/healthz", [](const httplib::Request &, httplib::Response &response) {
		response.set_content(R"({"status":"ok"})", "application/json");
	});
	web_app.Mount(server);

	server.set_error_handler([&web_app](const httplib::Request &http, httplib::Response &response) {
		if (!response.body.empty()) {
			return;
		}
		Request request = web_app.Begin(http, response);
		const int status = response.status;
		const ErrorCode code = status == 413   ? ErrorCode::kPayloadTooLarge
		                       : status == 404 ? ErrorCode::kNotFound
		                       : status == 400 ? ErrorCode::kInvalidInput
		                                       : ErrorCode::kInternal;
		const std::string message = status == 413 ? "web_http.too_large"
		                            : status == 404 ? "errors.not_found"
		                                            : "web_http.bad_request";
		const MessageParams params = {{"limit", std::to_string(kMaxBodyBytes / (1024 * 1024))}};
		if (http.path.rfind("/api/", 0) == 0) {
			web_app.SendApiError(request, Error::Make(code, message, params));
		} else {
			web_app.SendErrorPage(request, Error::Make(code, message, params));
		}
		response.status = status;
	});
	server.set_exception_handler([](const httplib::Request &, httplib::Response &response, std::exception_ptr error) {
		try {
			if (error) {
				std::rethrow_exception(error);
			}
		} catch (const std::exception &exception) {
			std::cerr << "mamori serve: unhandled exception: " << exception.what() << "\n";
		} catch (...) {
			std::cerr << "mamori serve: unhandled exception\n";
		}
		response.status = 500;
		response.set_content(R"({"error":{"code":"internal","message":"internal error"}})", "application/json");
	});

	if (auto code = web_app.PrepareSetupCode()) {
		const std::string url = "http://" + options.host + ":" + std::to_string(options.port) + "/";
		std::cout << "\n==============================================================\n "
		          << web_app.messages().Text(options.console_locale, "cli.serve.setup_code", {{"code", *code}})
		          << "\n "
		          << web_app.messages().Text(options.console_locale, "cli.serve.setup_code_how", {{"url", url}})
		          << "\n==============================================================\n"
		          << std::endl;
	}

	if (!server.bind_to_port(options.host.c_str(), options.port)) {
		return Fail(Error::Make(ErrorCode::kInternal, "cannot listen on " + options.host + ":" +
		                                                  std::to_string(options.port) + " (in use?)"));
	}
	// Personal data past its period goes at start and then daily (content/retention/).
	RetentionTimer retention_timer(ctx, std::move(retention.value()));
	g_running_server = &server;
	std::signal(SIGINT, StopOnSignal);
	std::signal(SIGTERM, StopOnSignal);
	std::cout << "mamori: serving on http://" << options.host << ":" << options.port << "/ (database "
	          << options.db_path << ")" << std::endl;
	server.listen_after_bind();
	g_running_server = nullptr;
	return 0;
}

} // namespace mamori::web
