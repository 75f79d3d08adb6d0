// mamori/app/register_text.hpp
//
// Checks shared by the partner and cloud-service registers (internal to app/).
#pragma once

#include "core/common/result.hpp"

#include <string>

namespace mamori::app::register_text {

inline bool Blank(const std::string &text) {
	return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

//! One text of a form: its field, value, limit in bytes of UTF-8 and keys.
struct TextRule {
	const char *field;
	const std::string *value;
	size_t max_bytes;
	const char *required_key;  // nullptr when it may stay empty
	const char *too_long_key;
};

template <size_t N>
Status CheckTexts(const TextRule (&rules)[N]) {
	for (const auto &rule : rules) {
		if (rule.required_key != nullptr && Blank(*rule.value)) {
			return Error::Invalid(rule.field, rule.required_key);
		}
		if (rule.value->size() > rule.max_bytes) {
			return Error::Invalid(rule.field, rule.too_long_key,
			                      {{"max", std::to_string(rule.max_bytes)}, {"chars", std::to_string(rule.max_bytes / 3)}});
		}
	}
	return OkStatus();
}

} // namespace mamori::app::register_text
