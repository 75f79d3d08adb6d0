// mamori/platform/hmac.hpp
//
// HMAC from OpenSSL, for the one-time codes of two-step login (core/security/totp.hpp takes it
// as a function so that core stays free of OpenSSL) and for keys derived from a secret.
#pragma once

#include <string>

namespace mamori::platform {

//! Raw 20-byte HMAC-SHA1 of `message` under `key` (RFC 2104).
std::string HmacSha1(const std::string &key, const std::string &message);

//! Raw 32-byte HMAC-SHA256 of `message` under `key`, for keys derived from an installation secret.
std::string HmacSha256(const std::string &key, const std::string &message);

} // namespace mamori::platform
