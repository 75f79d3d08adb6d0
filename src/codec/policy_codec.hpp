// mamori/codec/policy_codec.hpp
//
// One version of the 基本方針 as the values_json of its document row
// (template 'basic_policy', migration 0010): the PolicyInput's fields and the
// version number (第N版) it belongs to, in one flat object:
//   {"version": 2, "company_name": "...", "scope": "...", "clause_ids": [...],
//    "established_on": "2025-04-01", "revised_on": "", "representative_title": "...",
//    "representative_name": "...", "omission_reasons": {"clause": "reason"}}
#pragma once

#include "core/common/result.hpp"
#include "core/policy/basic_policy.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace mamori::codec {

struct PolicyValues {
	int version = 1;
	PolicyInput input;
};

//! The input's fields as a JSON object (also the audit entry's detail).
nlohmann::json PolicyInputJson(const PolicyInput &input);

//! kInvalidInput (field "input") when the text is not valid UTF-8.
Result<std::string> PolicyValuesToJson(const PolicyValues &values);
//! Keys that are missing read as empty, so versions saved before a key
//! existed (omission_reasons, issue 6) still read.
Result<PolicyValues> PolicyValuesFromJson(const std::string &text);

} // namespace mamori::codec
