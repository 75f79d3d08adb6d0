// mamori/platform/password_hash.cpp
#include "platform/password_hash.hpp"

#include "platform/crypto.hpp"

#include <argon2.h>
#include <openssl/rand.h>

#include <cstdlib>
#include <vector>

namespace mamori::platform {

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. MAMORI_ARGON2_FAST
// lowers the cost for test suites that create many accounts; it is read only
// from the environment, never from a request.
static void Parameters(uint32_t *time_cost, uint32_t *memory_kib) {
	*time_cost = 2;
	*memory_kib = 19 * 1024;
	if (const char *fast = std::getenv("MAMORI_ARGON2_FAST"); fast != nullptr && fast[0] == '1') {
		*time_cost = 1;
		*memory_kib = 1024;
	}
}

Result<std::string> HashPassword(const std::string &password) {
	uint32_t time_cost = 0;
	uint32_t memory_kib = 0;
	Parameters(&time_cost, &memory_kib);
	const uint32_t parallelism = 1;
	unsigned char salt[16];
	if (RAND_bytes(salt, sizeof(salt)) != 1) {
		return Error::Make(ErrorCode::kInternal, "no randomness for the password salt");
	}
	const size_t hash_length = 32;
	const size_t encoded_length =
	    argon2_encodedlen(time_cost, memory_kib, parallelism, sizeof(salt), hash_length, Argon2_id);
	std::vector<char> encoded(encoded_length);
	const int rc = argon2id_hash_encoded(time_cost, memory_kib, parallelism, password.data(), password.size(), salt,
	                                     sizeof(salt), hash_length, encoded.data(), encoded.size());
	if (rc != ARGON2_OK) {
		return Error::Make(ErrorCode::kInternal, std::string("argon2id failed: ") + argon2_error_message(rc));
	}
	return std::string(encoded.data());
}

bool VerifyPassword(const std::string &encoded_hash, const std::string &password) {
	if (encoded_hash.empty()) {
		return false;
	}
	return argon2id_verify(encoded_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

} // namespace mamori::platform
