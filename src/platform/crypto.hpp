// mamori/platform/crypto.hpp
//
// Randomness and hashing from OpenSSL, for session tokens, CSRF tokens and
// one-time codes.
#pragma once

#include <string>

namespace mamori::platform {

//! URL-safe random token with `bytes` bytes of entropy (base64url, no padding).
std::string RandomToken(int bytes = 32);
//! Random decimal code of `digits` digits, for the one-time set-up code.
std::string RandomDigits(int digits);
//! Lower-case hex SHA-256 of the input.
std::string Sha256Hex(const std::string &input);
//! Constant-time comparison, so token checks do not leak timing.
bool ConstantTimeEquals(const std::string &left, const std::string &right);

} // namespace mamori::platform
