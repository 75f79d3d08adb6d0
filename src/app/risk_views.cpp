// mamori/app/risk_views.cpp
#include "app/risk_views.hpp"

#include "app/selfcheck_views.hpp"
#include "core/risk/risk.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace mamori::app {

// --- levels, labels and scales ----------------------------------------------------------------

std::string RiskLevelLabel(const RiskLevelBand *level) { return level != nullptr ? level->label : ""; }

bool IsHighLevel(const RiskLevelBand *level) { return level != nullptr && level->id == "high"; }

int LevelSeverity(const RiskLevelBand *level) {
	if (level == nullptr) {
		return 0;
	}
	if (level->id == "high") {
		return 2;
	}
	return level->id == "medium" ? 1 : 0;
}

std::string_view ImpactLabel(ThreatImpact impact) {
	switch (impact) {
	case ThreatImpact::kConfidentiality:
		return "app_risk.impact.confidentiality";
	case ThreatImpact::kIntegrity:
		return "app_risk.impact.integrity";
	case ThreatImpact::kAvailability:
		return "app_risk.impact.availability";
	}
	return "";
}

std::string ScaleLabelText(const std::vector<ScaleLabel> &labels, int value) {
	for (const auto &label : labels) {
		if (label.value == value) {
			return label.label;
		}
	}
	return "";
}

// --- 重要度 -------------------------------------------------------------------------------------

KeyedText ImportanceNote(const AssetRating &rating, int importance, bool overridden) {
	if (!overridden) {
		return {};
	}
	const bool personal = rating.personal_info || rating.sensitive_personal_info || rating.my_number;
	const MessageParams params = {{"importance", std::to_string(importance)}};
	if (personal && rating.business_critical) {
		return {"app_risk.importance.personal_and_business", params};
	}
	if (personal) {
		return {"app_risk.importance.personal", params};
	}
	if (rating.business_critical) {
		return {"app_risk.importance.business", params};
	}
	return {};
}

KeyedText ImportanceFormula(const AssetRating &rating) {
	const int by_rating = std::max({rating.confidentiality, rating.integrity, rating.availability});
	return {"app_risk.importance.formula",
	        {{"confidentiality", std::to_string(rating.confidentiality)},
	         {"integrity", std::to_string(rating.integrity)},
	         {"availability", std::to_string(rating.availability)},
	         {"importance", std::to_string(by_rating)}}};
}

// --- 脆弱性 and 被害発生可能性 ------------------------------------------------------------------

KeyedText CoveringAnswerText(const RiskCatalog &catalog, const std::optional<CheckAnswer> &answer) {
	if (!answer) {
		return {"app_risk.covering.unanswered", {}};
	}
	const int value = static_cast<int>(*answer);
	return {"app_risk.covering.answer",
	        {{"value", std::to_string(value)}, {"label", ScaleLabelText(catalog.check_answer_labels, value)}}};
}

KeyedText VulnerabilityReason(const ThreatAssessment &threat) {
	if (threat.gap) {
		return {"app_risk.vulnerability.gap", {}};
	}
	bool any_unanswered = false;
	for (const auto &covering : threat.applicable) {
		any_unanswered = any_unanswered || !covering.answer;
	}
	switch (threat.vulnerability) {
	case 1:
		return {"app_risk.vulnerability.all_implemented", {}};
	case 3:
		return {any_unanswered ? "app_risk.vulnerability.none_implemented_or_unanswered"
		                       : "app_risk.vulnerability.none_implemented",
		        {}};
	default:
		return {"app_risk.vulnerability.mixed", {{"value", std::to_string(threat.vulnerability)}}};
	}
}

KeyedText PossibilityFormula(int threat, int vulnerability) {
	const int divisor = 4 - vulnerability;
	const std::string head =
	    std::to_string(threat) + " ÷ (4 − " + std::to_string(vulnerability) + ") ";
	if (divisor <= 0) {
		return {"app_risk.possibility.formula", {{"formula", head}}};
	}
	const int result = DamagePossibility(threat, vulnerability);
	if (threat % divisor == 0) {
		return {"app_risk.possibility.formula", {{"formula", head + "= " + std::to_string(result)}}};
	}
	// Hundredths, rounded; "=" only when the decimal is exact (÷2 gives .5).
	const long hundredths = std::lround(threat * 100.0 / divisor);
	const bool exact = (threat * 100) % divisor == 0;
	std::string decimal = std::to_string(hundredths / 100) + ".";
	const long fraction = hundredths % 100;
	decimal += fraction < 10 ? "0" + std::to_string(fraction) : std::to_string(fraction);
	if (decimal.back() == '0') {
		decimal.pop_back();
	}
	return {"app_risk.possibility.rounded_up",
	        {{"formula", head + (exact ? "= " : "≒ ") + decimal}, {"result", std::to_string(result)}}};
}

// --- 診断結果 per category ----------------------------------------------------------------------

std::string RegulationMark(const RiskCatalog &catalog, RegulationNeed need) {
	const RegulationNeedLabel *label = RegulationNeedLabelOf(catalog, need);
	return label != nullptr ? label->mark : "";
}

std::string RegulationWords(const RiskCatalog &catalog, RegulationNeed need) {
	const RegulationNeedLabel *label = RegulationNeedLabelOf(catalog, need);
	return label != nullptr ? label->label : "";
}

std::string RegulationAdvice(const RiskCatalog &catalog, RegulationNeed need) {
	const RegulationNeedLabel *label = RegulationNeedLabelOf(catalog, need);
	return label != nullptr ? label->advice : "";
}

std::string_view RegulationReason(const CategoryAssessment &category) {
	const bool always = category.category != nullptr && category.category->always_required;
	switch (category.need) {
	case RegulationNeed::kRequired:
		if (always && category.need_from_high_risk) {
			return "app_risk.regulation.always_and_high";
		}
		if (always) {
			return "app_risk.regulation.always";
		}
		return "app_risk.regulation.high";
	case RegulationNeed::kRecommended:
		return "app_risk.regulation.recommended";
	case RegulationNeed::kNotNeeded:
		return "app_risk.regulation.not_needed";
	}
	return "";
}

// --- the register page ------------------------------------------------------------------------------

RegisterSort ParseRegisterSort(const std::string &text) {
	if (text == "name") {
		return RegisterSort::kName;
	}
	if (text == "importance") {
		return RegisterSort::kImportance;
	}
	if (text == "risk") {
		return RegisterSort::kRisk;
	}
	return RegisterSort::kRegistered;
}

std::string RegisterSortName(RegisterSort sort) {
	switch (sort) {
	case RegisterSort::kName:
		return "name";
	case RegisterSort::kImportance:
		return "importance";
	case RegisterSort::kRisk:
		return "risk";
	case RegisterSort::kRegistered:
		return "";
	}
	return "";
}

RegisterGrouping ParseRegisterGrouping(const std::string &text) {
	return text == "department" ? RegisterGrouping::kDepartment : RegisterGrouping::kBusinessCategory;
}

std::vector<AssetGroup> GroupRegister(const std::vector<storage::Asset> &assets, const AnalysisResult &analysis,
                                      RegisterGrouping grouping, RegisterSort sort) {
	std::vector<AssetGroup> groups;
	std::map<std::string, size_t> index;
	std::vector<size_t> blanks;
	for (size_t row = 0; row < assets.size(); ++row) {
		const std::string key = TrimSpaces(grouping == RegisterGrouping::kDepartment ? assets[row].department
		                                                                             : assets[row].business_category);
		if (key.empty()) {
			blanks.push_back(row);
			continue;
		}
		auto found = index.find(key);
		if (found == index.end()) {
			index[key] = groups.size();
			groups.push_back({key, {row}});
		} else {
			groups[found->second].rows.push_back(row);
		}
	}
	if (!blanks.empty()) {
		groups.push_back({"", blanks, true});
	}
	auto importance = [&](size_t row) { return row < analysis.assets.size() ? analysis.assets[row].importance : 0; };
	auto risk = [&](size_t row) { return row < analysis.assets.size() ? analysis.assets[row].risk_value : 0; };
	for (auto &group : groups) {
		auto &rows = group.rows;
		switch (sort) {
		case RegisterSort::kRegistered:
			break;
		case RegisterSort::kName:
			std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) { return assets[a].name < assets[b].name; });
			break;
		case RegisterSort::kImportance:
			std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) { return importance(a) > importance(b); });
			break;
		case RegisterSort::kRisk:
			std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
				if (risk(a) != risk(b)) {
					return risk(a) > risk(b);
				}
				return importance(a) > importance(b);
			});
			break;
		}
	}
	return groups;
}

// --- heat map and risk lists ---------------------------------------------------------------------

HeatCounts CountHeatMap(const RiskScale &scale, const AnalysisResult &analysis) {
	HeatCounts heat;
	const int top = std::max(scale.rating_max, scale.override_importance);
	for (int importance = top; importance >= scale.rating_min; --importance) {
		heat.importance_rows.push_back(importance);
	}
	// The possibility of damage runs from 1 (any threat with every control in place) to
	// the highest threat frequency (no control: divided by 1).
	for (int possibility = 1; possibility <= scale.threat_max; ++possibility) {
		heat.possibility_columns.push_back(possibility);
	}
	const size_t rows = heat.importance_rows.size();
	const size_t columns = heat.possibility_columns.size();
	heat.counts.assign(rows, std::vector<int>(columns, 0));
	heat.severity.assign(rows, std::vector<int>(columns, 0));
	heat.level_labels.assign(rows, std::vector<std::string>(columns));
	for (size_t row = 0; row < rows; ++row) {
		for (size_t column = 0; column < columns; ++column) {
			const RiskLevelBand *level =
			    RiskLevelFor(scale, heat.importance_rows[row] * heat.possibility_columns[column]);
			heat.severity[row][column] = LevelSeverity(level);
			heat.level_labels[row][column] = RiskLevelLabel(level);
		}
	}
	for (const auto &asset : analysis.assets) {
		if (asset.threats.empty()) {
			++heat.unplaced;
			continue;
		}
		// The worst risk is importance × the largest possibility (for importance 0 every
		// risk is 0 and the largest possibility still says where the asset stands).
		int possibility = 0;
		for (const auto &threat : asset.threats) {
			possibility = std::max(possibility, threat.possibility);
		}
		const int row = top - asset.importance;
		const int column = possibility - 1;
		if (row < 0 || row >= static_cast<int>(rows) || column < 0 || column >= static_cast<int>(columns)) {
			++heat.unplaced;
			continue;
		}
		++heat.counts[row][column];
	}
	return heat;
}

std::vector<RiskRef> RisksAtLevels(const AnalysisResult &analysis, const std::vector<std::string> &levels) {
	std::vector<RiskRef> risks;
	for (size_t asset = 0; asset < analysis.assets.size(); ++asset) {
		const auto &threats = analysis.assets[asset].threats;
		for (size_t threat = 0; threat < threats.size(); ++threat) {
			const RiskLevelBand *level = threats[threat].level;
			if (level != nullptr && std::find(levels.begin(), levels.end(), level->id) != levels.end()) {
				risks.push_back({asset, threat});
			}
		}
	}
	std::stable_sort(risks.begin(), risks.end(), [&](const RiskRef &a, const RiskRef &b) {
		return analysis.assets[a.asset].threats[a.threat].risk_value > analysis.assets[b.asset].threats[b.threat].risk_value;
	});
	return risks;
}

// --- 対策状況チェック and what-if -------------------------------------------------------------------

int AnsweredItemCount(const RiskCatalog &catalog, const CheckAnswers &answers) {
	int count = 0;
	for (const auto &item : catalog.check_items) {
		count += answers.count(item.id) > 0 ? 1 : 0;
	}
	return count;
}

int CategoryItemCount(const RiskCatalog &catalog, const std::string &category_id) {
	return static_cast<int>(std::count_if(catalog.check_items.begin(), catalog.check_items.end(),
	                                      [&](const CheckItem &item) { return item.category == category_id; }));
}

int CategoryAnsweredCount(const RiskCatalog &catalog, const std::string &category_id, const CheckAnswers &answers) {
	int count = 0;
	for (const auto &item : catalog.check_items) {
		count += item.category == category_id && answers.count(item.id) > 0 ? 1 : 0;
	}
	return count;
}

std::vector<const CheckItem *> WhatIfCandidates(const RiskCatalog &catalog, const CheckAnswers &real) {
	std::vector<const CheckItem *> items;
	for (const auto &item : catalog.check_items) {
		auto answer = real.find(item.id);
		if (answer == real.end() || answer->second == CheckAnswer::kPartial ||
		    answer->second == CheckAnswer::kNotImplemented) {
			items.push_back(&item);
		}
	}
	return items;
}

bool FallsFromHigh(const RiskChange &change) { return IsHighLevel(change.before_level) && !IsHighLevel(change.after_level); }

std::vector<const CheckItem *> ItemsCoveringThreat(const RiskCatalog &catalog, const std::string &threat_id) {
	std::vector<const CheckItem *> items;
	for (const auto &item : catalog.check_items) {
		if (std::find(item.threats.begin(), item.threats.end(), threat_id) != item.threats.end()) {
			items.push_back(&item);
		}
	}
	return items;
}

// --- overview and treatment ---------------------------------------------------------------------------

TaskTag TaskTagOf(int done, int total) {
	if (done <= 0) {
		return {"app_risk.progress.not_started", TaskProgress::kNotStarted};
	}
	if (done >= total) {
		return {"app_risk.progress.done", TaskProgress::kDone};
	}
	return {"app_risk.progress.in_progress", TaskProgress::kInProgress};
}

const std::vector<DecisionOption> &DecisionOptions() {
	static const std::vector<DecisionOption> options = {
	    // Paraphrases of 第2部 5(6) 手順3 ①〜④.
	    {"reduce", "app_risk.decision.reduce", "app_risk.decision_help.reduce"},
	    {"accept", "app_risk.decision.accept", "app_risk.decision_help.accept"},
	    {"avoid", "app_risk.decision.avoid", "app_risk.decision_help.avoid"},
	    {"transfer", "app_risk.decision.transfer", "app_risk.decision_help.transfer"},
	};
	return options;
}

TreatmentState TreatmentStateOf(const storage::RiskTreatment *treatment, bool high_risk, const std::string &today) {
	TreatmentState state;
	if (treatment == nullptr || treatment->decision.empty()) {
		state.label_key = "app_risk.progress.not_started";
		state.progress = TaskProgress::kNotStarted;
		return state;
	}
	if (treatment->decision == "accept") {
		state.awaiting_approval = high_risk && !treatment->approved_by.has_value();
		state.label_key = state.awaiting_approval ? "app_risk.progress.in_progress" : "app_risk.progress.done";
		state.progress = state.awaiting_approval ? TaskProgress::kInProgress : TaskProgress::kDone;
		return state;
	}
	if (treatment->completed) {
		state.label_key = "app_risk.progress.done";
		state.progress = TaskProgress::kDone;
		return state;
	}
	state.label_key = "app_risk.progress.in_progress";
	state.progress = TaskProgress::kInProgress;
	state.overdue = !treatment->due_on.empty() && treatment->due_on < today;
	return state;
}

// --- files --------------------------------------------------------------------------------------------

std::string FileExtension(const std::string &filename) {
	const size_t slash = filename.find_last_of("/\\");
	const std::string base = slash == std::string::npos ? filename : filename.substr(slash + 1);
	const size_t dot = base.rfind('.');
	if (dot == std::string::npos || dot + 1 >= base.size()) {
		return "";
	}
	std::string extension = base.substr(dot + 1);
	for (char &c : extension) {
		if (c >= 'A' && c <= 'Z') {
			c = static_cast<char>(c - 'A' + 'a');
		}
	}
	return extension;
}

} // namespace mamori::app
