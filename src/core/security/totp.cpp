// mamori/core/security/totp.cpp
#include "core/security/totp.hpp"

#include <cctype>

namespace mamori::totp {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int Base32Value(char c) {
	const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
	const auto pos = kAlphabet.find(upper);
	return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

//! The 8-byte big-endian counter RFC 4226 hashes.
std::string CounterBytes(std::int64_t step) {
	std::string bytes(8, '\0');
	auto value = static_cast<std::uint64_t>(step);
	for (int i = 7; i >= 0; --i) {
		bytes[static_cast<size_t>(i)] = static_cast<char>(value & 0xFF);
		value >>= 8;
	}
	return bytes;
}

} // namespace

std::string Base32Encode(std::string_view bytes) {
	std::string out;
	std::uint32_t buffer = 0;
	int bits = 0;
	for (unsigned char byte : bytes) {
		buffer = (buffer << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out.push_back(kAlphabet[(buffer >> (bits - 5)) & 0x1F]);
			bits -= 5;
		}
	}
	if (bits > 0) {
		out.push_back(kAlphabet[(buffer << (5 - bits)) & 0x1F]);
	}
	return out;
}

std::optional<std::string> Base32Decode(std::string_view text) {
	std::string out;
	std::uint32_t buffer = 0;
	int bits = 0;
	size_t symbols = 0;
	bool padding = false;
	for (char c : text) {
		if (c == ' ' || c == '-') {
			continue;
		}
		if (c == '=') {
			padding = true;
			continue;
		}
		const int value = Base32Value(c);
		if (value < 0 || padding) {
			return std::nullopt;
		}
		++symbols;
		buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
		bits += 5;
		if (bits >= 8) {
			out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xFF));
			bits -= 8;
		}
	}
	// Lengths 1, 3 and 6 (mod 8) cannot come from any byte string.
	const size_t rest = symbols % 8;
	if (rest == 1 || rest == 3 || rest == 6) {
		return std::nullopt;
	}
	return out;
}

std::int64_t StepAt(std::int64_t unix_seconds) {
	// Floor division, so times before 1970 do not share step 0.
	std::int64_t step = unix_seconds / kStepSeconds;
	if (unix_seconds % kStepSeconds < 0) {
		--step;
	}
	return step;
}

std::string CodeAt(const std::string &secret, std::int64_t step, int digits, const HmacSha1Function &hmac_sha1) {
	const std::string mac = hmac_sha1(secret, CounterBytes(step));
	if (mac.size() < 20) {
		return {};
	}
	const int offset = static_cast<unsigned char>(mac[19]) & 0x0F;
	const std::uint32_t binary = ((static_cast<unsigned char>(mac[offset]) & 0x7F) << 24) |
	                             (static_cast<unsigned char>(mac[offset + 1]) << 16) |
	                             (static_cast<unsigned char>(mac[offset + 2]) << 8) |
	                             static_cast<unsigned char>(mac[offset + 3]);
	std::uint32_t modulus = 1;
	for (int i = 0; i < digits; ++i) {
		modulus *= 10;
	}
	std::string code = std::to_string(binary % modulus);
	return std::string(static_cast<size_t>(digits) - code.size(), '0') + code;
}

std::string NormalizeCode(std::string_view typed) {
	std::string out;
	for (size_t pos = 0; pos < typed.size();) {
		const unsigned char c = static_cast<unsigned char>(typed[pos]);
		// 「０」..「９」 are EF BC 90..99 in UTF-8.
		if (c == 0xEF && pos + 2 < typed.size() && static_cast<unsigned char>(typed[pos + 1]) == 0xBC &&
		    static_cast<unsigned char>(typed[pos + 2]) >= 0x90 && static_cast<unsigned char>(typed[pos + 2]) <= 0x99) {
			out.push_back(static_cast<char>('0' + (static_cast<unsigned char>(typed[pos + 2]) - 0x90)));
			pos += 3;
			continue;
		}
		if (c != ' ' && c != '-' && c != '\t') {
			out.push_back(static_cast<char>(c));
		}
		++pos;
	}
	return out;
}

std::optional<std::int64_t> VerifyCode(const std::string &secret, std::string_view code, std::int64_t unix_seconds,
                                       std::optional<std::int64_t> last_used_step,
                                       const HmacSha1Function &hmac_sha1) {
	if (secret.empty() || code.size() != static_cast<size_t>(kDigits)) {
		return std::nullopt;
	}
	for (char c : code) {
		if (c < '0' || c > '9') {
			return std::nullopt;
		}
	}
	const std::int64_t now_step = StepAt(unix_seconds);
	std::optional<std::int64_t> matched;
	// Every candidate is computed and compared, so the time taken does not tell which step matched.
	for (std::int64_t step = now_step - kDriftSteps; step <= now_step + kDriftSteps; ++step) {
		const std::string expected = CodeAt(secret, step, kDigits, hmac_sha1);
		unsigned char difference = 0;
		for (size_t i = 0; i < expected.size(); ++i) {
			difference |= static_cast<unsigned char>(expected[i] ^ code[i]);
		}
		if (difference == 0 && !matched && (!last_used_step || step > *last_used_step)) {
			matched = step;
		}
	}
	return matched;
}

std::string GroupForReading(std::string_view base32) {
	std::string out;
	for (size_t i = 0; i < base32.size(); ++i) {
		if (i > 0 && i % 4 == 0) {
			out.push_back(' ');
		}
		out.push_back(base32[i]);
	}
	return out;
}

} // namespace mamori::totp
