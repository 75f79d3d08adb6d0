// mamori/web/return_path.cpp
#include "web/return_path.hpp"

#include <algorithm>

namespace mamori::web {

std::string SafeReturnPath(const std::string &text) {
	if (text.empty() || text.size() > 1000 || text[0] != '/') {
		return "";
	}
	// "//host" and "/\host" are read by browsers as another site.
	if (text.size() > 1 && (text[1] == '/' || text[1] == '\\')) {
		return "";
	}
	if (std::any_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 || c == 0x7F; })) {
		return "";
	}
	return text;
}

} // namespace mamori::web
