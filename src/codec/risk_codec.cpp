// mamori/codec/risk_codec.cpp
#include "codec/risk_codec.hpp"

#include <set>

namespace mamori::codec {

static constexpr size_t kMaxAssets = 100000;
static constexpr size_t kMaxIdBytes = 200;

static Result<int> ReadRating(const Json &asset, const std::string &parent, const char *key, int min, int max) {
	const std::string field = FieldPath(parent, key);
	auto member = RequireMember(asset, key, field);
	if (!member) {
		return member.error();
	}
	auto number = RequireInteger(**member, field, min, max);
	if (!number) {
		return number.error();
	}
	return static_cast<int>(*number);
}

static Result<bool> ReadFlag(const Json &asset, const std::string &parent, const char *key) {
	auto found = asset.find(key);
	if (found == asset.end()) {
		return false;  // the flags default to 無 when left out
	}
	return RequireBool(*found, FieldPath(parent, key));
}

Result<std::vector<RiskAssetInput>> DecodeRiskRequest(const Json &document, const RiskScale &scale) {
	if (auto object = RequireObject(document, ""); !object) {
		return object.error();
	}
	auto list = RequireMember(document, "assets", "assets");
	if (!list) {
		return list.error();
	}
	if (!(*list)->is_array()) {
		return Error::Invalid("assets", "errors.json.array_required");
	}
	if ((*list)->size() > kMaxAssets) {
		return Error::Invalid("assets", "errors.risk.too_many_assets", {{"max", std::to_string(kMaxAssets)}});
	}
	std::vector<RiskAssetInput> assets;
	std::set<std::string> ids;
	for (size_t idx = 0; idx < (*list)->size(); ++idx) {
		const Json &entry = (**list)[idx];
		const std::string parent = IndexPath("assets", idx);
		if (auto object = RequireObject(entry, parent); !object) {
			return object.error();
		}
		RiskAssetInput asset;
		auto id_value = RequireMember(entry, "id", FieldPath(parent, "id"));
		if (!id_value) {
			return id_value.error();
		}
		auto id = RequireString(**id_value, FieldPath(parent, "id"), kMaxIdBytes);
		if (!id) {
			return id.error();
		}
		if (!ids.insert(*id).second) {
			return Error::Invalid(FieldPath(parent, "id"), "errors.risk.asset_id_duplicate", {{"id", *id}});
		}
		asset.id = *id;

		struct RatingField {
			const char *key;
			int *target;
			int min;
			int max;
		};
		const RatingField ratings[] = {
		    {"confidentiality", &asset.input.rating.confidentiality, scale.rating_min, scale.rating_max},
		    {"integrity", &asset.input.rating.integrity, scale.rating_min, scale.rating_max},
		    {"availability", &asset.input.rating.availability, scale.rating_min, scale.rating_max},
		    {"threat", &asset.input.threat, scale.threat_min, scale.threat_max},
		    {"vulnerability", &asset.input.vulnerability, scale.vulnerability_min, scale.vulnerability_max},
		};
		for (const auto &rating : ratings) {
			auto value = ReadRating(entry, parent, rating.key, rating.min, rating.max);
			if (!value) {
				return value.error();
			}
			*rating.target = *value;
		}

		struct FlagField {
			const char *key;
			bool *target;
		};
		const FlagField flags[] = {
		    {"personal_info", &asset.input.rating.personal_info},
		    {"sensitive_personal_info", &asset.input.rating.sensitive_personal_info},
		    {"my_number", &asset.input.rating.my_number},
		    {"business_critical", &asset.input.rating.business_critical},
		};
		for (const auto &flag : flags) {
			auto value = ReadFlag(entry, parent, flag.key);
			if (!value) {
				return value.error();
			}
			*flag.target = *value;
		}
		assets.push_back(std::move(asset));
	}
	return assets;
}

Result<Json> EvaluateRiskRequest(const Json &document, const RiskScale &scale) {
	auto assets = DecodeRiskRequest(document, scale);
	if (!assets) {
		return assets.error();
	}
	Json out_assets = Json::array();
	for (size_t idx = 0; idx < assets->size(); ++idx) {
		const auto &asset = (*assets)[idx];
		auto assessment = AssessRisk(scale, asset.input);
		if (!assessment) {
			Error error = assessment.error();
			error.field = FieldPath(IndexPath("assets", idx), error.field);
			return error;
		}
		out_assets.push_back({
		    {"id", asset.id},
		    {"importance", assessment->importance},
		    {"importance_overridden", assessment->importance_overridden},
		    {"possibility", assessment->possibility},
		    {"risk_value", assessment->risk_value},
		    {"risk_level", assessment->level->id},
		    {"risk_level_label", assessment->level->label},
		});
	}
	return Json{{"assets", out_assets}};
}

} // namespace mamori::codec
