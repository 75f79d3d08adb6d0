// mamori/core/risk/analysis.hpp
//
// The 詳細リスク分析 of 付録7 over a whole register: for every asset and
// every threat of its medium, the vulnerability derived from the 対策状況
// チェック, the possibility of damage and the risk value, each with the
// inputs that produced it, so the UI can explain every number. Then, per
// regulation category, the 実施率 and whether a regulation must be written.
// Rules marked "defined here" in methodology §4a.
#pragma once

#include "core/catalog/edition.hpp"
#include "core/risk/risk.hpp"

#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mamori {

//! Answers of the 対策状況チェック (付録7).
enum class CheckAnswer {
	kImplemented = 1,     // 実施している
	kPartial = 2,         // 一部実施している
	kNotImplemented = 3,  // 実施していない／わからない
	kNotApplicable = 4,   // 自社に該当しない
};

std::optional<CheckAnswer> CheckAnswerFromInt(int value);

using CheckAnswers = std::map<std::string, CheckAnswer>;  // check item id → answer

struct RegisterAsset {
	std::string key;  // stable identifier of the row (database id or import key)
	std::string name;
	std::string medium;  // RiskMedium id
	AssetRating rating;
};

struct AnalysisInput {
	std::vector<RegisterAsset> assets;
	std::map<std::string, int> frequencies;  // threat id → 1..3; missing ones take the catalog default
	CheckAnswers answers;                    // unanswered items count as 実施していない／わからない
};

//! A check item as it bore on one threat.
struct CoveringItem {
	const CheckItem *item = nullptr;
	std::optional<CheckAnswer> answer;  // nullopt: unanswered
};

//! The items bearing on one threat. Every asset of a medium shares its
//! threats' lists (they depend on the answers only), so a register of
//! 10,000 assets keeps 24 lists, not 40,000 copies; reads like a vector.
class CoveringItems {
public:
	CoveringItems() = default;
	CoveringItems(std::initializer_list<CoveringItem> items)
	    : items_(std::make_shared<const std::vector<CoveringItem>>(items)) {}
	explicit CoveringItems(std::shared_ptr<const std::vector<CoveringItem>> items) : items_(std::move(items)) {}

	const std::vector<CoveringItem> &list() const { return items_ ? *items_ : Empty(); }
	operator const std::vector<CoveringItem> &() const { return list(); }
	auto begin() const { return list().begin(); }
	auto end() const { return list().end(); }
	size_t size() const { return list().size(); }
	bool empty() const { return list().empty(); }
	const CoveringItem &operator[](size_t idx) const { return list()[idx]; }

private:
	static const std::vector<CoveringItem> &Empty();
	std::shared_ptr<const std::vector<CoveringItem>> items_;
};

struct ThreatAssessment {
	const RiskThreat *threat = nullptr;
	int frequency = 1;
	CoveringItems applicable;  // items covering the threat whose answer is not 該当しない
	bool gap = false;  // no applicable item covers the threat
	int vulnerability = 3;
	int possibility = 1;
	int risk_value = 0;
	const RiskLevelBand *level = nullptr;
};

struct AssetAssessment {
	const RegisterAsset *asset = nullptr;
	int importance = 0;
	bool importance_overridden = false;
	std::vector<ThreatAssessment> threats;
	int driving_threat = -1;  // index into threats of the largest risk (first on ties); -1 when none
	int risk_value = 0;
	const RiskLevelBand *level = nullptr;
};

enum class RegulationNeed {
	kRequired,     // ◎
	kRecommended,  // ○
	kNotNeeded,    // —
};

struct CategoryAssessment {
	const ControlCategory *category = nullptr;
	int implemented = 0;
	int partial = 0;
	int not_implemented = 0;
	int not_applicable = 0;
	std::vector<std::string> unanswered;  // item ids: listed, not counted
	std::optional<double> rate;           // (1s + ½·2s) ÷ answered 1–3; nullopt when none
	RegulationNeed need = RegulationNeed::kNotNeeded;
	bool need_from_high_risk = false;  // ◎ because a 大 risk depends on the category's items
};

struct AnalysisResult {
	std::vector<AssetAssessment> assets;  // in input order
	std::vector<CategoryAssessment> categories;  // in catalog order
	std::vector<const RiskThreat *> uncovered_threats;  // gaps, over the media in use
};

//! Derives vulnerability from the answers of the items covering a threat:
//! 1 when all applicable answers are 1, 3 when all are 3 or none applies
//! (a gap), otherwise 2. Unanswered items count as 3.
int DeriveVulnerability(const std::vector<CoveringItem> &applicable);

//! The 実施率 of a category, nullopt when no item is answered 1–3.
std::optional<double> ImplementationRate(int implemented, int partial, int not_implemented);

//! The 実施率 in tenths of a percent, rounded half up (0.625 → 625); nullopt stays nullopt.
std::optional<int> ImplementationRatePermille(const std::optional<double> &rate);

//! The one way mamori writes a 実施率, on the page and in every export: one
//! decimal place as the 診断結果 sheet prints it ("62.5%", "100.0%", "33.3%");
//! "—" when no item of the category is answered 1–3.
std::string FormatImplementationRate(const std::optional<double> &rate);

//! "required" / "recommended" / "not_needed": the id of the need's wording in
//! the catalog (RiskCatalog::regulation_needs).
std::string_view RegulationNeedId(RegulationNeed need);
//! The catalog's wording of a need (◎ 必須 対策を規定して下さい, ...), or nullptr.
const RegulationNeedLabel *RegulationNeedLabelOf(const RiskCatalog &catalog, RegulationNeed need);

//! Runs the whole analysis. Assets whose medium is unknown to the catalog get no threats.
AnalysisResult AnalyzeRegister(const Edition &edition, const AnalysisInput &input);

struct RiskChange {
	const RegisterAsset *asset = nullptr;
	const RiskThreat *threat = nullptr;
	int before = 0;
	int after = 0;
	const RiskLevelBand *before_level = nullptr;
	const RiskLevelBand *after_level = nullptr;
};

//! What-if (付録7 診断結果): every (asset, threat) risk value that changes
//! when `planned` answers replace the real ones. The real answers are not modified.
std::vector<RiskChange> CompareWhatIf(const AnalysisResult &before, const AnalysisResult &after);

} // namespace mamori
