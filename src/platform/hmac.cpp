// mamori/platform/hmac.cpp
#include "platform/hmac.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace mamori::platform {

namespace {

std::string Hmac(const EVP_MD *digest_kind, const std::string &key, const std::string &message) {
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int length = 0;
	if (HMAC(digest_kind, key.data(), static_cast<int>(key.size()),
	         reinterpret_cast<const unsigned char *>(message.data()), message.size(), digest, &length) == nullptr) {
		return {};
	}
	return std::string(reinterpret_cast<const char *>(digest), length);
}

} // namespace

std::string HmacSha1(const std::string &key, const std::string &message) {
	return Hmac(EVP_sha1(), key, message);
}

std::string HmacSha256(const std::string &key, const std::string &message) {
	return Hmac(EVP_sha256(), key, message);
}

} // namespace mamori::platform
