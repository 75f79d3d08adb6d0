// mamori/core/risk/analysis.cpp
#include "core/risk/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace mamori {

std::optional<CheckAnswer> CheckAnswerFromInt(int value) {
	if (value < 1 || value > 4) {
		return std::nullopt;
	}
	return static_cast<CheckAnswer>(value);
}

static int EffectiveAnswer(const CoveringItem &covering) {
	// An unanswered item is not known to be in place: it counts as 3.
	return covering.answer ? static_cast<int>(*covering.answer) : 3;
}

int DeriveVulnerability(const std::vector<CoveringItem> &applicable) {
	if (applicable.empty()) {
		return 3;
	}
	const bool all_done =
	    std::all_of(applicable.begin(), applicable.end(), [](const CoveringItem &c) { return EffectiveAnswer(c) == 1; });
	if (all_done) {
		return 1;
	}
	const bool none_done =
	    std::all_of(applicable.begin(), applicable.end(), [](const CoveringItem &c) { return EffectiveAnswer(c) == 3; });
	return none_done ? 3 : 2;
}

std::optional<double> ImplementationRate(int implemented, int partial, int not_implemented) {
	const int answered = implemented + partial + not_implemented;
	if (answered == 0) {
		return std::nullopt;
	}
	return (implemented + 0.5 * partial) / answered;
}

std::optional<int> ImplementationRatePermille(const std::optional<double> &rate) {
	if (!rate) {
		return std::nullopt;
	}
	// Rates are multiples of 1/(2n); the epsilon keeps a half (0.0625 → 62.5‰)
	// rounding up even when the double sits just below it.
	return static_cast<int>(std::floor(*rate * 1000.0 + 0.5 + 1e-9));
}

std::string FormatImplementationRate(const std::optional<double> &rate) {
	const auto permille = ImplementationRatePermille(rate);
	if (!permille) {
		return "—";
	}
	return std::to_string(*permille / 10) + "." + std::to_string(*permille % 10) + "%";
}

std::string_view RegulationNeedId(RegulationNeed need) {
	switch (need) {
	case RegulationNeed::kRequired:
		return "required";
	case RegulationNeed::kRecommended:
		return "recommended";
	case RegulationNeed::kNotNeeded:
		return "not_needed";
	}
	return "not_needed";
}

const RegulationNeedLabel *RegulationNeedLabelOf(const RiskCatalog &catalog, RegulationNeed need) {
	const std::string_view id = RegulationNeedId(need);
	for (const auto &label : catalog.regulation_needs) {
		if (label.id == id) {
			return &label;
		}
	}
	return nullptr;
}

const std::vector<CoveringItem> &CoveringItems::Empty() {
	static const std::vector<CoveringItem> kEmpty;
	return kEmpty;
}

namespace {

//! Threat id → the check items that protect against it, in catalog order.
std::map<std::string_view, std::vector<const CheckItem *>> ItemsByThreat(const RiskCatalog &catalog) {
	std::map<std::string_view, std::vector<const CheckItem *>> index;
	for (const auto &item : catalog.check_items) {
		for (const auto &threat : item.threats) {
			index[threat].push_back(&item);
		}
	}
	return index;
}

//! What a threat of a medium comes to before the asset's importance is known: it depends on the
//! answers and frequencies only, so it is worked out once per analysis, not once per asset.
struct ThreatBasis {
	ThreatAssessment shared;  // every field but risk_value and level
	bool high_seen = false;   // its items already count for a 大 risk
	bool gap_seen = false;    // already listed among the gaps
};

ThreatAssessment AssessThreatBasis(const RiskThreat &threat, const std::vector<const CheckItem *> &covering,
                                   const AnalysisInput &input) {
	ThreatAssessment result;
	result.threat = &threat;
	auto frequency = input.frequencies.find(threat.id);
	result.frequency = frequency != input.frequencies.end() ? frequency->second : threat.default_frequency;
	auto applicable = std::make_shared<std::vector<CoveringItem>>();
	for (const CheckItem *item : covering) {
		auto answer = input.answers.find(item->id);
		CoveringItem entry{item, answer != input.answers.end() ? std::optional<CheckAnswer>(answer->second) : std::nullopt};
		if (entry.answer && *entry.answer == CheckAnswer::kNotApplicable) {
			continue;
		}
		applicable->push_back(entry);
	}
	result.gap = applicable->empty();
	result.vulnerability = DeriveVulnerability(*applicable);
	result.possibility = DamagePossibility(result.frequency, result.vulnerability);
	result.applicable = CoveringItems(std::move(applicable));
	return result;
}

//! The bases of every medium's threats, in catalog order (media[m][t] for catalog.media[m].threats[t]).
std::vector<std::vector<ThreatBasis>> ThreatBases(const RiskCatalog &catalog, const AnalysisInput &input) {
	const auto by_threat = ItemsByThreat(catalog);
	static const std::vector<const CheckItem *> kNone;
	std::vector<std::vector<ThreatBasis>> media;
	media.reserve(catalog.media.size());
	for (const auto &medium : catalog.media) {
		auto &bases = media.emplace_back();
		bases.reserve(medium.threats.size());
		for (const auto &threat : medium.threats) {
			auto covering = by_threat.find(threat.id);
			bases.push_back(ThreatBasis{AssessThreatBasis(threat, covering != by_threat.end() ? covering->second : kNone, input)});
		}
	}
	return media;
}

//! The index of the asset's medium in the catalog, or -1; remembers the last one found,
//! since registers list many rows of one medium together.
class MediumIndex {
public:
	explicit MediumIndex(const RiskCatalog &catalog) : catalog_(catalog) {}
	int Find(const std::string &id) {
		if (last_ >= 0 && catalog_.media[static_cast<size_t>(last_)].id == id) {
			return last_;
		}
		const RiskMedium *medium = catalog_.FindMedium(id);
		last_ = medium != nullptr ? static_cast<int>(medium - catalog_.media.data()) : -1;
		return last_;
	}

private:
	const RiskCatalog &catalog_;
	int last_ = -1;
};

} // namespace

AnalysisResult AnalyzeRegister(const Edition &edition, const AnalysisInput &input) {
	const RiskCatalog &catalog = edition.risk_catalog;
	auto bases = ThreatBases(catalog, input);
	MediumIndex media(catalog);

	AnalysisResult result;
	result.assets.reserve(input.assets.size());
	std::set<std::string_view> high_risk_items;  // applicable items under a 大 risk
	for (const auto &asset : input.assets) {
		AssetAssessment assessment;
		assessment.asset = &asset;
		assessment.importance = Importance(edition.risk_scale, asset.rating, &assessment.importance_overridden);
		if (const int medium = media.Find(asset.medium); medium >= 0) {
			auto &medium_bases = bases[static_cast<size_t>(medium)];
			assessment.threats.reserve(medium_bases.size());
			for (auto &basis : medium_bases) {
				ThreatAssessment &threat = assessment.threats.emplace_back(basis.shared);
				threat.risk_value = assessment.importance * threat.possibility;
				threat.level = RiskLevelFor(edition.risk_scale, threat.risk_value);
				if (threat.gap) {
					basis.gap_seen = true;
				}
				if (!basis.high_seen && threat.level != nullptr && threat.level->id == "high") {
					basis.high_seen = true;
					for (const auto &covering : threat.applicable) {
						high_risk_items.insert(covering.item->id);
					}
				}
			}
		}
		for (size_t idx = 0; idx < assessment.threats.size(); ++idx) {
			const auto &threat = assessment.threats[idx];
			if (assessment.driving_threat < 0 || threat.risk_value > assessment.risk_value) {
				assessment.driving_threat = static_cast<int>(idx);
				assessment.risk_value = threat.risk_value;
			}
		}
		assessment.level = RiskLevelFor(edition.risk_scale, assessment.risk_value);
		result.assets.push_back(std::move(assessment));
	}

	for (const auto &category : catalog.categories) {
		CategoryAssessment assessment;
		assessment.category = &category;
		bool any_applicable = false;
		for (const auto &item : catalog.check_items) {
			if (item.category != category.id) {
				continue;
			}
			auto answer = input.answers.find(item.id);
			if (answer == input.answers.end()) {
				assessment.unanswered.push_back(item.id);
				any_applicable = true;  // not declared 該当しない, so it may apply
			} else {
				switch (answer->second) {
				case CheckAnswer::kImplemented:
					++assessment.implemented;
					break;
				case CheckAnswer::kPartial:
					++assessment.partial;
					break;
				case CheckAnswer::kNotImplemented:
					++assessment.not_implemented;
					break;
				case CheckAnswer::kNotApplicable:
					++assessment.not_applicable;
					break;
				}
				any_applicable = any_applicable || answer->second != CheckAnswer::kNotApplicable;
			}
			if (high_risk_items.count(item.id) > 0) {
				assessment.need_from_high_risk = true;
			}
		}
		assessment.rate = ImplementationRate(assessment.implemented, assessment.partial, assessment.not_implemented);
		if (assessment.need_from_high_risk || category.always_required) {
			assessment.need = RegulationNeed::kRequired;
		} else if (any_applicable) {
			assessment.need = RegulationNeed::kRecommended;
		} else {
			assessment.need = RegulationNeed::kNotNeeded;
		}
		result.categories.push_back(std::move(assessment));
	}

	for (size_t medium = 0; medium < catalog.media.size(); ++medium) {
		for (const auto &basis : bases[medium]) {
			if (basis.gap_seen) {
				result.uncovered_threats.push_back(basis.shared.threat);
			}
		}
	}
	return result;
}

std::vector<RiskChange> CompareWhatIf(const AnalysisResult &before, const AnalysisResult &after) {
	std::vector<RiskChange> changes;
	const size_t asset_count = std::min(before.assets.size(), after.assets.size());
	for (size_t asset_idx = 0; asset_idx < asset_count; ++asset_idx) {
		const auto &old_asset = before.assets[asset_idx];
		const auto &new_asset = after.assets[asset_idx];
		const size_t threat_count = std::min(old_asset.threats.size(), new_asset.threats.size());
		for (size_t threat_idx = 0; threat_idx < threat_count; ++threat_idx) {
			const auto &old_threat = old_asset.threats[threat_idx];
			const auto &new_threat = new_asset.threats[threat_idx];
			if (old_threat.risk_value != new_threat.risk_value) {
				changes.push_back(RiskChange{old_asset.asset, old_threat.threat, old_threat.risk_value,
				                             new_threat.risk_value, old_threat.level, new_threat.level});
			}
		}
	}
	return changes;
}

} // namespace mamori
