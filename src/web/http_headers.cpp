// mamori/web/http_headers.cpp
#include "web/http_headers.hpp"

#include "app/selfcheck_views.hpp"

namespace mamori::web {

std::string AttachmentDisposition(const std::string &ascii_name, const std::string &utf8_name) {
	std::string fallback;
	for (char c : ascii_name) {
		const bool safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
		                  c == '-' || c == '_';
		fallback.push_back(safe ? c : '_');
	}
	return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + app::UrlEncode(utf8_name);
}

} // namespace mamori::web
