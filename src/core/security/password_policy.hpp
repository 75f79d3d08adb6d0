// mamori/core/security/password_policy.hpp
//
// mamori applies the guideline's own password advice (5か条 ③: 長く・複雑に・
// 使い回さない) to its accounts: long enough, and not a well-known password.
#pragma once

#include "core/common/result.hpp"
#include "core/security/common_passwords.hpp"

#include <string>
#include <vector>

namespace mamori {

inline constexpr int kMinPasswordLength = 10;  // characters, not bytes
// ASVS 2.1.2: at least 64 characters allowed, more than 128 refused (a passphrase of that length
// is already far beyond guessing; the cap bounds the hashing work a request can ask for).
inline constexpr int kMaxPasswordCharacters = 128;

//! Number of Unicode code points in UTF-8 text (invalid bytes count as one each).
int CountCharacters(const std::string &utf8);

Status CheckPasswordPolicy(const std::string &password, const std::string &email,
                           const CommonPasswords &common_passwords, const std::string &field = "password");

} // namespace mamori
