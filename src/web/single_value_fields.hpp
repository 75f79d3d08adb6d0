// mamori/web/single_value_fields.hpp
//
// HTTP parameter pollution (ASVS 5.1.1): the HTTP library merges the query string and the form
// body into one list, so "?role=admin" on a form post, or a field sent twice, would leave it to
// chance which value a handler reads. mamori accepts each single-valued field once (cpp-httplib
// itself collapses a name=value pair repeated with the very same value); only the
// fields that are lists (checkbox groups) may repeat. The route gate refuses anything else with
// 400 naming the field, before any handler reads it through Request::Param.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mamori::web {

//! Whether `name` is a list field: a checkbox group whose every ticked box sends one value
//! (read with Request::Values). Every other field is single-valued.
bool IsListField(const std::string &name);

//! The first single-valued field that occurs more than once among `names` (query, body and
//! multipart fields together), or nullopt.
std::optional<std::string> FirstRepeatedField(const std::vector<std::string> &names);

} // namespace mamori::web
