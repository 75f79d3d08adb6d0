// mamori/core/security/password_policy.cpp
#include "core/security/password_policy.hpp"

#include <algorithm>
#include <cctype>

namespace mamori {

int CountCharacters(const std::string &utf8) {
	int count = 0;
	for (unsigned char byte : utf8) {
		// Continuation bytes (10xxxxxx) belong to the previous character.
		if ((byte & 0xC0) != 0x80) {
			++count;
		}
	}
	return count;
}

//! 30508 → "30,508": the count is read by people, in either language.
static std::string WithThousands(size_t number) {
	std::string digits = std::to_string(number);
	for (int pos = static_cast<int>(digits.size()) - 3; pos > 0; pos -= 3) {
		digits.insert(static_cast<size_t>(pos), ",");
	}
	return digits;
}

static std::string Lower(std::string text) {
	std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
	return text;
}

Status CheckPasswordPolicy(const std::string &password, const std::string &email,
                           const CommonPasswords &common_passwords, const std::string &field) {
	if (CountCharacters(password) < kMinPasswordLength) {
		return Error::Invalid(field, "errors.password.too_short", {{"min", std::to_string(kMinPasswordLength)}});
	}
	if (CountCharacters(password) > kMaxPasswordCharacters) {
		return Error::Invalid(field, "errors.password.too_long", {{"max", std::to_string(kMaxPasswordCharacters)}});
	}
	const std::string lowered = Lower(password);
	if (std::all_of(lowered.begin(), lowered.end(), [&](char c) { return c == lowered.front(); })) {
		return Error::Invalid(field, "errors.password.same_character");
	}
	if (common_passwords.Contains(lowered)) {
		// The list's size goes into the text, so the person sees why: attackers try such lists first.
		return Error::Invalid(field, "errors.password.common", {{"count", WithThousands(common_passwords.size())}});
	}
	const std::string lowered_email = Lower(email);
	const std::string local_part = lowered_email.substr(0, lowered_email.find('@'));
	// The whole address inside the password is as guessable as the local part alone.
	const bool contains_email = !lowered_email.empty() && lowered.find(lowered_email) != std::string::npos;
	if (contains_email ||
	    (!local_part.empty() && lowered.find(local_part) != std::string::npos && local_part.size() * 2 >= lowered.size())) {
		return Error::Invalid(field, "errors.password.near_email");
	}
	return OkStatus();
}

} // namespace mamori
