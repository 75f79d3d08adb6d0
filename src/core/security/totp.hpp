// mamori/core/security/totp.hpp
//
// Time-based one-time passwords (RFC 6238 over RFC 4226): the code an authenticator app shows
// for a shared secret and the current 30-second step. Pure: the HMAC-SHA1 function is passed in
// (platform::HmacSha1 in the program), so core stays free of I/O and of OpenSSL.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace mamori::totp {

inline constexpr std::int64_t kStepSeconds = 30;
inline constexpr int kDigits = 6;
//! Steps accepted either side of the current one, for a phone whose clock is a little off.
inline constexpr int kDriftSteps = 1;
//! Bytes of a new secret: 160 bits, the HMAC-SHA1 key size RFC 4226 recommends.
inline constexpr int kSecretBytes = 20;

//! Raw 20-byte HMAC-SHA1 of `message` under `key`.
using HmacSha1Function = std::function<std::string(const std::string &key, const std::string &message)>;

//! RFC 4648 base32 (A–Z, 2–7), without padding: the form authenticator apps read.
std::string Base32Encode(std::string_view bytes);
//! Case-insensitive; spaces, hyphens and trailing '=' are ignored (people copy secrets in groups).
//! nullopt for any other character or an impossible length.
std::optional<std::string> Base32Decode(std::string_view text);

//! The step a Unix time falls in (floor of time / 30).
std::int64_t StepAt(std::int64_t unix_seconds);

//! The code for one step, `digits` long with leading zeros (RFC 4226 dynamic truncation).
std::string CodeAt(const std::string &secret, std::int64_t step, int digits, const HmacSha1Function &hmac_sha1);

//! Normalises what a person typed: drops spaces and hyphens, turns 全角 digits into ASCII.
std::string NormalizeCode(std::string_view typed);

//! Checks `code` against the steps around `unix_seconds` (±kDriftSteps). Returns the step it
//! matched, or nullopt. A step at or before `last_used_step` never matches, so a code cannot be
//! used twice, nor can an older one still inside the drift window.
std::optional<std::int64_t> VerifyCode(const std::string &secret, std::string_view code, std::int64_t unix_seconds,
                                       std::optional<std::int64_t> last_used_step,
                                       const HmacSha1Function &hmac_sha1);

//! Groups of four for reading the secret aloud or typing it by hand ("ABCD EFGH …").
std::string GroupForReading(std::string_view base32);

} // namespace mamori::totp
