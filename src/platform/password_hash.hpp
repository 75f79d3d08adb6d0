// mamori/platform/password_hash.hpp
//
// argon2id password hashing (libargon2). The encoded form carries its own
// salt and parameters, so parameters can be raised later without a migration.
#pragma once

#include "core/common/result.hpp"

#include <string>

namespace mamori::platform {

Result<std::string> HashPassword(const std::string &password);
bool VerifyPassword(const std::string &encoded_hash, const std::string &password);

} // namespace mamori::platform
