// mamori/codec/sme_codec.hpp
//
// JSON shape of `sme classify` (contract.md).
#pragma once

#include "codec/json_input.hpp"
#include "core/sme/classification.hpp"

namespace mamori::codec {

inline constexpr long long kMaxCapitalYen = 1'000'000'000'000'000LL;  // 1000兆円: far beyond any firm
inline constexpr long long kMaxEmployees = 10'000'000;

//! {"industry", "capital_yen", "employees"}
Result<CompanyProfile> DecodeCompanyProfile(const Json &document, const SmeCriteria &criteria);
Json EncodeSmeClassification(const SmeClassification &result);

} // namespace mamori::codec
