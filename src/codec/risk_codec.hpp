// mamori/codec/risk_codec.hpp
//
// JSON shape of `risk evaluate` (contract.md).
#pragma once

#include "codec/json_input.hpp"
#include "core/risk/risk.hpp"

#include <vector>

namespace mamori::codec {

struct RiskAssetInput {
	std::string id;
	RiskInput input;
};

//! {"assets": [{"id", "confidentiality", "integrity", "availability", flags..., "threat", "vulnerability"}]}
Result<std::vector<RiskAssetInput>> DecodeRiskRequest(const Json &document, const RiskScale &scale);

//! Evaluates every asset; the first out-of-range rating fails the whole request.
Result<Json> EvaluateRiskRequest(const Json &document, const RiskScale &scale);

} // namespace mamori::codec
