// mamori/web/server.cpp
#include "web/server.hpp"

#include "app/org_view_cache.hpp"
#include "app/round_scores.hpp"
#include "platform/files.hpp"
#include "platform/message_files.hpp"
#include "platform/memory_release.hpp"
#include "platform/retention_file.hpp"
#include "web/http_errors.hpp"
#include "web/route_table.hpp"
#include "web/retention_timer.hpp"
#include "web/web_app.hpp"
#include "web/worker_pool.hpp"

#include <csignal>
#include <future>
#include <sys/socket.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <cstdio>
#include <iostream>

namespace mamori::web {

//! Worker threads: one per open connection that is sending requests (see RunServer).
static constexpr size_t kWorkerThreads = 128;
// Started with the server; the rest as connections need them (worker_pool.hpp).
static constexpr size_t kInitialWorkerThreads = 8;
//! Requests one keep-alive connection may carry before the server closes it.
static constexpr size_t kKeepAliveRequests = 1000;
//! What the kept views of organisations (analyses, dashboards) may take, by their estimates: the
//! register analyses of ~8 organisations of 1,000 assets, or of hundreds of typical ones (issue 11:
//! RSS after the load ≤ 64 MiB).
static constexpr size_t kViewCacheBytes = 16 * 1024 * 1024;

static httplib::Server *g_running_server = nullptr;

static void StopOnSignal(int) {
	if (g_running_server != nullptr) {
		g_running_server->stop();
	}
}

//! The HSTS value for the options: none without an https public address; a year; with
//! includeSubDomains only when the operator asked, since other hosts of the domain may not be
//! ready for HTTPS-only and are not mamori's to pin by default.
static std::string StrictTransportSecurity(const ServeOptions &options) {
	if (options.public_url.rfind("https://", 0) != 0) {
		return "";
	}
	return options.hsts_include_subdomains ? "max-age=31536000; includeSubDomains" : "max-age=31536000";
}

static void ApplySecurityHeaders(httplib::Response &response, const std::string &strict_transport_security) {
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
	if (!strict_transport_security.empty()) {
		response.set_header("Strict-Transport-Security", strict_transport_security);
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

struct ContentReads::Loaded {
	Catalogs catalogs;
	Views views;
	RetentionSchedule retention;
	std::string web_dir;
};

struct ContentReads::Pending {
	std::string web_dir;
	Error located;  // when content/ or web/ cannot be found, nothing is read
	std::future<Result<Catalogs>> catalogs;
	std::future<Result<std::pair<Views, RetentionSchedule>>> pages;
};

ContentReads::ContentReads(std::unique_ptr<Pending> pending) : pending_(std::move(pending)) {}
ContentReads::ContentReads(ContentReads &&) noexcept = default;
ContentReads &ContentReads::operator=(ContentReads &&) noexcept = default;
ContentReads::~ContentReads() = default; // std::async's futures wait for their threads

ContentReads ContentReads::Start() {
#ifdef __GLIBC__
	// Before the first thread: glibc gives busy threads arenas of their own (up
	// to 8 per core) and keeps what they freed; with a hundred workers that
	// showed as RSS growing under load and never coming back. Four arenas keep
	// contention low on the small machines mamori runs on.
	mallopt(M_ARENA_MAX, 4);
#endif
	auto pending = std::make_unique<Pending>();
	auto content_dir = platform::LocateResourceDir("content");
	auto web_dir = platform::LocateResourceDir("web");
	for (const auto *dir : {&content_dir, &web_dir}) {
		if (!*dir) {
			pending->located = dir->error();
			return ContentReads(std::move(pending));
		}
	}
	pending->web_dir = *web_dir;
	// The catalogs do not depend on the messages and templates: one thread each.
	pending->catalogs = std::async(std::launch::async, [dir = *content_dir] { return platform::LoadCatalogs(dir); });
	pending->pages = std::async(std::launch::async, [dir = *content_dir, web = *web_dir]()
	                                                    -> Result<std::pair<Views, RetentionSchedule>> {
		auto messages = MAMORI_TRY(platform::LoadMessages(dir));
		auto retention = MAMORI_TRY(platform::LoadRetentionSchedule(dir));
		auto views = MAMORI_TRY(Views::Load(web + "/templates", std::move(messages)));
		return std::pair<Views, RetentionSchedule>(std::move(views), std::move(retention));
	});
	return ContentReads(std::move(pending));
}

Result<ContentReads::Loaded> ContentReads::Wait() {
	if (!pending_->catalogs.valid()) {
		return pending_->located;
	}
	auto catalogs = pending_->catalogs.get();
	auto pages = pending_->pages.get();
	if (!catalogs) {
		return catalogs.error();
	}
	if (!pages) {
		return pages.error();
	}
	return Loaded{std::move(catalogs.value()), std::move(pages->first), std::move(pages->second), pending_->web_dir};
}

int Serve(const ServeOptions &options, app::Store &store, ContentReads content) {
	platform::StartMemoryRelease();
	httplib::Server server;
	// Mounting compiles every route's pattern (a std::regex each), a tenth of a start: it runs
	// beside the content reads, and the routes find the app once it is made (AppSlot).
	const AppSlot app_slot = std::make_shared<WebApp *>(nullptr);
	std::future<void> mounted = std::async(std::launch::async, [&server, app_slot] {
		server.Get("/healthz", [](const httplib::Request &, httplib::Response &response) {
			response.set_content(R"({"status":"ok"})", "application/json");
		});
		MountRoutes(app_slot, server, AllRoutes());
	});
	auto loaded = content.Wait();
	mounted.get();
	if (!loaded) {
		return Fail(loaded.error());
	}
	auto &catalogs = loaded->catalogs;
	const std::string &web_dir = loaded->web_dir;

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
	app::OrgViewCache org_views(kViewCacheBytes);
	const app::ViewCacheAttachment org_views_attached(store, org_views);
	app::AppContext ctx{.catalog = catalogs.Default(),
	                    .store = store,
	                    .catalogs = &catalogs,
	                    .mailer = mailer.get(),
	                    .alerts = &alerts,
	                    .api_rate = &options.api_rate};
	// Rounds answered before migration 0028 get their kept scores before the first request.
	if (auto scored = app::ScoreUnscoredRounds(ctx); !scored) {
		return Fail(scored.error());
	}
	WebApp web_app(ctx, std::move(loaded->views),
	               WebOptions{.static_dir = web_dir + "/static",
	                          .secure_cookies = options.secure_cookies,
	                          .public_url = options.public_url,
	                          .trusted_proxies = options.trusted_proxies,
	                          .console_locale = options.console_locale});

	alerts.messages = &web_app.messages();
	alerts.locale = options.console_locale;
	*app_slot = &web_app;
	server.set_payload_max_length(kMaxBodyBytes);
	// Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to
	// every keep-alive response (measured: /healthz at 290 req/s).
	server.set_tcp_nodelay(true);
	// cpp-httplib gives each open keep-alive connection a worker thread until it
	// goes idle. With its default pool (max(8, cores - 1) threads) the 9th of 64
	// busy browsers waited for a whole connection to finish, which was the 1.7 s
	// p99 of issue 11. Threads are cheap here (stacks are reserved, not used) and
	// every request is short, so the pool is sized for the connections a busy
	// office or a small operator keeps open; a connection may serve many
	// requests (the library's default closes it after 5, costing a reconnect).
	server.new_task_queue = [] { return new GrowingWorkerPool(kInitialWorkerThreads, kWorkerThreads); };
	server.set_keep_alive_max_count(kKeepAliveRequests);
	// cpp-httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, compiled into Debian's
	// library). When 64 browsers connected at once, the kernel dropped the handshakes that did not
	// fit and the clients sent them again a second later: the ~1 s p99 at 64 connections even on
	// /healthz (`nstat`: TcpExtListenOverflows). The listening socket is noted here and listened on
	// again with the system's limit once bound.
	// SO_REUSEADDR only: the library's default adds SO_REUSEPORT, with which a second `mamori
	// serve` on the same port starts without complaint and the kernel splits the connections
	// between the two (seen in the test suites as requests answered by another test's server).
	int listening_socket = -1;
	server.set_socket_options([&listening_socket](int socket) {
		const int yes = 1;
		::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
		listening_socket = socket;
	});
	const std::string strict_transport_security = StrictTransportSecurity(options);
	server.set_pre_routing_handler([strict_transport_security](const httplib::Request &request, httplib::Response &response) {
		ApplySecurityHeaders(response, strict_transport_security);
		if (request.path.rfind("/static/", 0) != 0) {
			response.set_header("Cache-Control", "no-store");
		} else if (!IsServedStaticFile(request.path)) {
			response.status = 404;
			response.set_content("404", "text/plain; charset=utf-8");
			return httplib::Server::HandlerResponse::Handled;
		}
		return httplib::Server::HandlerResponse::Unhandled;
	});
	server.set_mount_point("/static", web_dir + "/static");
	server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");

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
	if (listening_socket >= 0) {
		::listen(listening_socket, SOMAXCONN);
	}
	// Personal data past its period goes at start and then daily (content/retention/).
	RetentionTimer retention_timer(ctx, std::move(loaded->retention));
	g_running_server = &server;
	std::signal(SIGINT, StopOnSignal);
	std::signal(SIGTERM, StopOnSignal);
	std::cout << "mamori: serving on http://" << options.host << ":" << options.port << "/ (database "
	          << options.db_path << ")" << std::endl; server.listen_after_bind();
	g_running_server = nullptr;
	return 0;
}

} // namespace mamori::web
