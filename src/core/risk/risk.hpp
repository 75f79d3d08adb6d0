// mamori/core/risk/risk.hpp
//
// The arithmetic of the 詳細リスク分析 (付録7; methodology §4): importance of
// an asset, possibility of damage, and the risk value with its level.
#pragma once

#include "core/catalog/edition.hpp"
#include "core/common/result.hpp"

#include <string>
#include <vector>

namespace mamori {

struct AssetRating {
	int confidentiality = 0;
	int integrity = 0;
	int availability = 0;
	bool personal_info = false;
	bool sensitive_personal_info = false;
	bool my_number = false;
	bool business_critical = false;
};

struct RiskInput {
	AssetRating rating;
	int threat = 1;
	int vulnerability = 1;
};

struct RiskAssessment {
	int importance = 0;
	bool importance_overridden = false;  // raised by personal data or business-critical flag
	int possibility = 0;
	int risk_value = 0;
	const RiskLevelBand *level = nullptr;
};

//! 表11: max(C, I, A), raised to the scale's override value when any
//! personal-data flag is set or the asset is business-critical.
int Importance(const RiskScale &scale, const AssetRating &rating, bool *overridden = nullptr);

//! 表15: ceil(threat ÷ (4 − vulnerability)).
int DamagePossibility(int threat, int vulnerability);

const RiskLevelBand *RiskLevelFor(const RiskScale &scale, int risk_value);

//! A reduction (低減, 手順3 ①) works on the vulnerability only: 重要度 and 脅威
//! stay fixed (表14). The risk values it can reach, one per vulnerability from
//! `vulnerability` down to the scale's minimum, largest first, without repeats.
std::vector<int> RiskValuesByReduction(const RiskScale &scale, int importance, int threat, int vulnerability);

//! Range-checks every rating against the scale (field names as in the
//! contract: "confidentiality", "threat", ...), then computes.
Result<RiskAssessment> AssessRisk(const RiskScale &scale, const RiskInput &input);

} // namespace mamori
