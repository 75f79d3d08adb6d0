// mamori/platform/smtp_mailer.cpp
//
// SMTP through libcurl: it speaks the protocol, STARTTLS and authentication,
// so mamori only formats the message and reads back the relay's verdict.
#include "platform/mailer.hpp"

#include "platform/crypto.hpp"
#include "platform/shared_library.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <mutex>

namespace mamori::platform {
namespace {

// libcurl's functions, found when a mailer is made (platform/shared_library.hpp): a server
// without mail settings never loads libcurl and the libraries it brings. The fields are not
// named as the functions are, since curl.h makes curl_easy_setopt a type-checking macro.
struct CurlFunctions {
	decltype(&::curl_global_init) global_init = nullptr;
	decltype(&::curl_easy_init) easy_init = nullptr;
	decltype(&::curl_easy_setopt) easy_setopt = nullptr;
	decltype(&::curl_easy_perform) easy_perform = nullptr;
	decltype(&::curl_easy_cleanup) easy_cleanup = nullptr;
	decltype(&::curl_easy_strerror) easy_strerror = nullptr;
	decltype(&::curl_slist_append) slist_append = nullptr;
	decltype(&::curl_slist_free_all) slist_free_all = nullptr;
};

Result<CurlFunctions> FindCurl() {
	const SharedLibrary library = MAMORI_TRY(SharedLibrary::Open(MAMORI_LIBCURL_SONAME));
	CurlFunctions curl;
	curl.global_init = MAMORI_TRY(library.Function<decltype(curl.global_init)>("curl_global_init"));
	curl.easy_init = MAMORI_TRY(library.Function<decltype(curl.easy_init)>("curl_easy_init"));
	curl.easy_setopt = MAMORI_TRY(library.Function<decltype(curl.easy_setopt)>("curl_easy_setopt"));
	curl.easy_perform = MAMORI_TRY(library.Function<decltype(curl.easy_perform)>("curl_easy_perform"));
	curl.easy_cleanup = MAMORI_TRY(library.Function<decltype(curl.easy_cleanup)>("curl_easy_cleanup"));
	curl.easy_strerror = MAMORI_TRY(library.Function<decltype(curl.easy_strerror)>("curl_easy_strerror"));
	curl.slist_append = MAMORI_TRY(library.Function<decltype(curl.slist_append)>("curl_slist_append"));
	curl.slist_free_all = MAMORI_TRY(library.Function<decltype(curl.slist_free_all)>("curl_slist_free_all"));
	// Once, before any other thread may use libcurl (curl_global_init is not thread-safe).
	curl.global_init(CURL_GLOBAL_DEFAULT);
	return curl;
}

using CurlLibrary = FunctionsFoundOnce<CurlFunctions, FindCurl>;

std::string RfcDateNow() {
	const std::time_t now = std::time(nullptr);
	std::tm utc{};
	gmtime_r(&now, &utc);
	char text[64];
	std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0000", &utc);
	return text;
}

struct Upload {
	const std::string &text;
	size_t at = 0;
};

size_t ReadUpload(char *buffer, size_t size, size_t count, void *user) {
	auto *upload = static_cast<Upload *>(user);
	const size_t room = size * count;
	const size_t left = upload->text.size() - upload->at;
	const size_t n = std::min(room, left);
	std::memcpy(buffer, upload->text.data() + upload->at, n);
	upload->at += n;
	return n;
}

class SmtpMailer final : public Mailer {
public:
	explicit SmtpMailer(SmtpSettings settings) : settings_(std::move(settings)) {}

	Status Send(const MailMessage &message) override {
		if (message.to.empty()) {
			return Error::Invalid("to", "errors.mail.no_recipient");
		}
		for (const auto &address : message.to) {
			if (!IsPlausibleMailAddress(address)) {
				return Error::Invalid("to", "errors.mail.address_invalid", {{"address", address}});
			}
		}
		const std::string domain = settings_.from.substr(settings_.from.find('@') + 1);
		const std::string text = FormatMailMessage(settings_.from, message, RfcDateNow(),
		                                           RandomToken(16) + "@" + domain);
		const CurlFunctions &api = CurlLibrary::Get();  // MakeSmtpMailer loaded it
		CURL *curl = api.easy_init();
		if (curl == nullptr) {
			return Error::Make(ErrorCode::kInternal, "errors.mail.send_failed", {{"reason", "curl_easy_init"}});
		}
		curl_slist *recipients = nullptr;
		for (const auto &address : message.to) {
			recipients = api.slist_append(recipients, ("<" + address + ">").c_str());
		}
		Upload upload{text};
		char error_text[CURL_ERROR_SIZE] = {};
		const std::string from = "<" + settings_.from + ">";
		api.easy_setopt(curl, CURLOPT_URL, settings_.url.c_str());
		api.easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
		api.easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
		api.easy_setopt(curl, CURLOPT_READFUNCTION, ReadUpload);
		api.easy_setopt(curl, CURLOPT_READDATA, &upload);
		api.easy_setopt(curl, CURLOPT_UPLOAD, 1L);
		api.easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
		api.easy_setopt(curl, CURLOPT_TIMEOUT, settings_.timeout_seconds);
		api.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
		// Incident reports name people and weaknesses: a relay across the network must speak TLS
		// (STARTTLS, or smtps://), or nothing is sent. Only a relay on this machine (a local
		// postfix) may take plain text, since the message never leaves the host that way.
		api.easy_setopt(curl, CURLOPT_USE_SSL,
		                 static_cast<long>(IsLoopbackRelay(settings_.url) ? CURLUSESSL_TRY : CURLUSESSL_ALL));
		if (!settings_.user.empty()) {
			api.easy_setopt(curl, CURLOPT_USERNAME, settings_.user.c_str());
			api.easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str());
		}
		const CURLcode result = api.easy_perform(curl);
		api.slist_free_all(recipients);
		api.easy_cleanup(curl);
		if (result != CURLE_OK) {
			const std::string reason = error_text[0] != '\0' ? error_text : api.easy_strerror(result);
			return Error::Make(ErrorCode::kUnavailable, "errors.mail.send_failed", {{"reason", reason}});
		}
		return OkStatus();
	}

private:
	SmtpSettings settings_;
};

} // namespace

bool IsLoopbackRelay(const std::string &url) {
	const auto scheme_end = url.find("://");
	if (scheme_end == std::string::npos) {
		return false;
	}
	std::string host = url.substr(scheme_end + 3);
	if (const auto at = host.rfind('@', host.find('/')); at != std::string::npos) {
		host = host.substr(at + 1);  // user:password@host
	}
	if (!host.empty() && host.front() == '[') {
		return host.rfind("[::1]", 0) == 0;
	}
	host = host.substr(0, host.find_first_of(":/"));
	in_addr address{};
	return host == "localhost" || (inet_pton(AF_INET, host.c_str(), &address) == 1 && host.rfind("127.", 0) == 0);
}

Result<std::unique_ptr<Mailer>> MakeSmtpMailer(SmtpSettings settings) {
	if (settings.url.rfind("smtp://", 0) != 0 && settings.url.rfind("smtps://", 0) != 0) {
		return Error::Invalid("--smtp-url", "errors.mail.url_scheme");
	}
	if (!IsPlausibleMailAddress(settings.from)) {
		return Error::Invalid("--mail-from", "errors.mail.address_invalid", {{"address", settings.from}});
	}
	if (auto curl = CurlLibrary::Load(); !curl) {
		return curl.error();
	}
	return std::unique_ptr<Mailer>(std::make_unique<SmtpMailer>(std::move(settings)));
}

} // namespace mamori::platform
