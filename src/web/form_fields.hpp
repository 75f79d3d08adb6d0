// mamori/web/form_fields.hpp
//
// Small readers for hidden form fields that every editor posts.
#pragma once

#include <optional>
#include <string>

namespace mamori::web {

//! The revision an editor was opened at (a hidden field), so a save over a
//! newer one is refused instead of overwriting it: a whole number, or
//! nullopt when the text is not one.
inline std::optional<int> ParseRevisionField(const std::string &text) {
	if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) {
		return std::nullopt;
	}
	return std::stoi(text);
}

} // namespace mamori::web
