// mamori/web/security_log.cpp
#include "web/security_log.hpp"

#include <iostream>
#include <mutex>

namespace mamori::web {

std::string LogSafe(const std::string &text) {
	constexpr size_t kMaxLength = 200;
	std::string safe;
	safe.reserve(std::min(text.size(), kMaxLength));
	for (unsigned char c : text) {
		if (safe.size() == kMaxLength) {
			break;
		}
		safe.push_back(c >= 0x21 && c < 0x7F ? static_cast<char>(c) : '?');
	}
	return safe;
}

bool IsRefusalStatus(int status) {
	switch (status) {
	case 400:
	case 401:
	case 403:
	case 404:
	case 405:
	case 413:
	case 429:
		return true;
	default:
		return false;
	}
}

void LogRefusal(const Request &request) {
	static std::mutex one_line_at_a_time;
	const std::string user = request.session ? std::to_string(request.session->user.id) : "-";
	const std::string line = "mamori: refused " + std::to_string(request.response.status) + " " +
	                         LogSafe(request.http.method) + " " + LogSafe(request.http.path) + " user=" + user +
	                         " client=" + LogSafe(request.client_address) + "\n";
	std::lock_guard lock(one_line_at_a_time);
	std::cerr << line << std::flush;
}

} // namespace mamori::web
