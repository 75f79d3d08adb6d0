// mamori/platform/crypto.cpp
#include "platform/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace mamori::platform {

static std::vector<unsigned char> RandomBytes(int count) {
	std::vector<unsigned char> bytes(static_cast<size_t>(count));
	if (RAND_bytes(bytes.data(), count) != 1) {
		// Without randomness no token is safe to hand out; stop rather than degrade.
		throw std::runtime_error("RAND_bytes failed");
	}
	return bytes;
}

std::string RandomToken(int bytes) {
	static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	const auto raw = RandomBytes(bytes);
	std::string out;
	unsigned int buffer = 0;
	int bits = 0;
	for (unsigned char byte : raw) {
		buffer = (buffer << 8) | byte;
		bits += 8;
		while (bits >= 6) {
			bits -= 6;
			out.push_back(kAlphabet[(buffer >> bits) & 0x3F]);
		}
	}
	if (bits > 0) {
		out.push_back(kAlphabet[(buffer << (6 - bits)) & 0x3F]);
	}
	return out;
}

std::string RandomDigits(int digits) {
	std::string out;
	while (static_cast<int>(out.size()) < digits) {
		for (unsigned char byte : RandomBytes(digits)) {
			// Rejection sampling keeps every digit equally likely.
			if (byte < 250 && static_cast<int>(out.size()) < digits) {
				out.push_back(static_cast<char>('0' + byte % 10));
			}
		}
	}
	return out;
}

namespace {

class OpenSslRandom final : public RandomSource {
public:
	std::string Token(int bytes) override { return RandomToken(bytes); }
	std::string Digits(int digits) override { return RandomDigits(digits); }
};

} // namespace

RandomSource &RealRandom() {
	// Stateless apart from OpenSSL's own thread-safe generator, so one is shared by every thread.
	static OpenSslRandom random;
	return random;
}

std::string Sha256Hex(const std::string &input) {
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int length = 0;
	EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha256(), nullptr);
	static constexpr char kHex[] = "0123456789abcdef";
	std::string out;
	for (unsigned int idx = 0; idx < length; ++idx) {
		out.push_back(kHex[digest[idx] >> 4]);
		out.push_back(kHex[digest[idx] & 0xF]);
	}
	return out;
}

bool ConstantTimeEquals(const std::string &left, const std::string &right) {
	if (left.size() != right.size()) {
		return false;
	}
	return CRYPTO_memcmp(left.data(), right.data(), left.size()) == 0;
}

} // namespace mamori::platform
