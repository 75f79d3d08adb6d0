// mamori/platform/crypto.hpp
//
// Randomness and hashing from OpenSSL, for session tokens, CSRF tokens and
// one-time codes.
#pragma once

#include <string>

namespace mamori::platform {

//! Where app/ gets its randomness: held by AppContext, so tests can make
//! tokens and codes predictable; production passes RealRandom().
class RandomSource {
public:
	virtual ~RandomSource() = default;
	//! URL-safe token with `bytes` bytes of entropy (base64url, no padding).
	virtual std::string Token(int bytes) = 0;
	//! Decimal code of `digits` digits.
	virtual std::string Digits(int digits) = 0;
};

//! OpenSSL's generator (RandomToken / RandomDigits below); one for the program.
RandomSource &RealRandom();

//! URL-safe random token with `bytes` bytes of entropy (base64url, no padding).
std::string RandomToken(int bytes = 32);
//! Random decimal code of `digits` digits, for the one-time set-up code.
std::string RandomDigits(int digits);
//! Lower-case hex SHA-256 of the input.
std::string Sha256Hex(const std::string &input);
//! Constant-time comparison, so token checks do not leak timing.
bool ConstantTimeEquals(const std::string &left, const std::string &right);

} // namespace mamori::platform
