// mamori/codec/json_input.hpp
//
// Strict readers for JSON input. Each names the field at fault with a dotted
// path ("assets[2].threat") so the CLI and the API can say exactly what is wrong.
#pragma once

#include "core/common/result.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace mamori::codec {

using Json = nlohmann::json;

//! Parses a whole document; the error says where the syntax broke.
Result<Json> ParseJson(const std::string &text);

Result<const Json *> RequireObject(const Json &value, const std::string &field);
Result<const Json *> RequireMember(const Json &object, const std::string &key, const std::string &field);
Result<long long> RequireInteger(const Json &value, const std::string &field, long long min, long long max);
Result<std::string> RequireString(const Json &value, const std::string &field, size_t max_bytes);
Result<bool> RequireBool(const Json &value, const std::string &field);

std::string FieldPath(const std::string &parent, const std::string &key);
std::string IndexPath(const std::string &parent, size_t index);

} // namespace mamori::codec
