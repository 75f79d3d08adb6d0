// mamori/app/risk_views.hpp
//
// Pure view-model helpers for the 詳細リスク分析 pages (付録7): the wording
// that explains every number, ordering and grouping of the register, the
// counts behind the heat map, and small text rules. No I/O here, so each
// rule can be unit-tested without a server (tests/unit/app/risk_views_test.cpp).
#pragma once

#include "app/keyed_text.hpp"
#include "core/catalog/edition.hpp"
#include "core/risk/analysis.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::app {

// --- levels, labels and scales ----------------------------------------------------------------

//! 大 / 中 / 小, or "" when the value has no band.
std::string RiskLevelLabel(const RiskLevelBand *level);
bool IsHighLevel(const RiskLevelBand *level);
//! 0 = low, 1 = medium, 2 = high (the heat map's shading).
int LevelSeverity(const RiskLevelBand *level);

//! The message key (app_risk.impact.*) of 漏えい / 改ざん / 消失・停止.
std::string_view ImpactLabel(ThreatImpact impact);
//! The label of `value` in a scale (3 → いつ発生してもおかしくない), or "" when absent.
std::string ScaleLabelText(const std::vector<ScaleLabel> &labels, int value);

// --- 重要度 (表11) -------------------------------------------------------------------------------

//! Why importance was raised above max(C, I, A): 「個人情報のため2」, 「事業への影響のため2」,
//! 「個人情報・事業への影響のため2」; "" when it was not raised.
KeyedText ImportanceNote(const AssetRating &rating, int importance, bool overridden);
//! 「max(機密性 2, 完全性 1, 可用性 0) = 2」.
KeyedText ImportanceFormula(const AssetRating &rating);

// --- 脆弱性 and 被害発生可能性 (methodology §4a, 表15) ------------------------------------------

//! The answer of a covering item as the explanation shows it; unanswered
//! items say that they count as 3.
KeyedText CoveringAnswerText(const RiskCatalog &catalog, const std::optional<CheckAnswer> &answer);
//! The rule that produced the vulnerability, in words, ending with the value:
//! 「すべて『実施している』なので 1」, 「対策の項目がないため 3（ギャップ）」, ...
KeyedText VulnerabilityReason(const ThreatAssessment &threat);
//! 「3 ÷ (4 − 2) = 1.5 → 切り上げて 2」.
KeyedText PossibilityFormula(int threat, int vulnerability);

// --- 診断結果 per category (methodology §4a) ------------------------------------------------------

// The 実施率 is written by FormatImplementationRate (core/risk/analysis.hpp), the
// same function the exports use.
//! ◎ / ○ / — (情報セキュリティ関連規程 策定の必要性), from the catalog.
std::string RegulationMark(const RiskCatalog &catalog, RegulationNeed need);
//! 必須 / 必要 / 不要.
std::string RegulationWords(const RiskCatalog &catalog, RegulationNeed need);
//! 付録５…対策規定の要否: 「対策を規定して下さい」 for ◎ and ○ whatever the 実施率.
std::string RegulationAdvice(const RiskCatalog &catalog, RegulationNeed need);
//! The message key (app_risk.regulation.*) of why the category got its mark.
std::string_view RegulationReason(const CategoryAssessment &category);

// --- the register page ------------------------------------------------------------------------------

enum class RegisterSort { kRegistered, kName, kImportance, kRisk };
enum class RegisterGrouping { kBusinessCategory, kDepartment };

//! ?sort= values "name", "importance", "risk"; anything else is 登録順.
RegisterSort ParseRegisterSort(const std::string &text);
std::string RegisterSortName(RegisterSort sort);
//! ?group=department groups by 管理部署; anything else by 業務分類.
RegisterGrouping ParseRegisterGrouping(const std::string &text);

struct AssetGroup {
	std::string name;          // the 業務分類 or 管理部署; "" for the blanks
	std::vector<size_t> rows;  // indexes into the register
	bool blank = false;        // the rows with no 業務分類 / 管理部署, shown as app_risk.group_blank
};

//! Groups in order of first appearance (blank last); rows sorted inside each
//! group: name ascending, or importance / risk worst first; ties keep register order.
//! `analysis` holds the assessments in register order.
std::vector<AssetGroup> GroupRegister(const std::vector<storage::Asset> &assets, const AnalysisResult &analysis,
                                      RegisterGrouping grouping, RegisterSort sort);

// --- heat map and risk lists ---------------------------------------------------------------------

struct HeatCounts {
	std::vector<int> importance_rows;      // top to bottom: highest importance first
	std::vector<int> possibility_columns;  // left to right: 1, 2, 3
	std::vector<std::vector<int>> counts;  // [row][column], assets at their worst risk
	std::vector<std::vector<int>> severity;  // [row][column], 0 low … 2 high, from importance × possibility
	std::vector<std::vector<std::string>> level_labels;  // [row][column], 大 / 中 / 小
	int unplaced = 0;  // assets with no threats (unknown 媒体)
};

//! Places each asset at (its importance, the possibility of its driving threat).
HeatCounts CountHeatMap(const RiskScale &scale, const AnalysisResult &analysis);

struct RiskRef {
	size_t asset = 0;   // index into AnalysisResult::assets
	size_t threat = 0;  // index into AssetAssessment::threats
};

//! Every (asset, threat) whose level id is in `levels` ("high", "medium"),
//! worst first; ties keep register and catalog order.
std::vector<RiskRef> RisksAtLevels(const AnalysisResult &analysis, const std::vector<std::string> &levels);

// --- 対策状況チェック and what-if -------------------------------------------------------------------

//! Check items of the catalog that have an answer.
int AnsweredItemCount(const RiskCatalog &catalog, const CheckAnswers &answers);
int CategoryItemCount(const RiskCatalog &catalog, const std::string &category_id);
int CategoryAnsweredCount(const RiskCatalog &catalog, const std::string &category_id, const CheckAnswers &answers);

//! Items a what-if can improve: answered 2 or 3, or not answered (which counts as 3).
std::vector<const CheckItem *> WhatIfCandidates(const RiskCatalog &catalog, const CheckAnswers &real);
//! A 大 risk that the plan brings down to 中 or below.
bool FallsFromHigh(const RiskChange &change);

//! The check items tagged with a threat, in catalog order (including ones answered 該当しない).
std::vector<const CheckItem *> ItemsCoveringThreat(const RiskCatalog &catalog, const std::string &threat_id);

// --- overview and treatment ---------------------------------------------------------------------------

//! How far a task has got; web/ picks the tag's look from it.
enum class TaskProgress { kNotStarted, kInProgress, kDone };

struct TaskTag {
	std::string label_key;  // app_risk.progress.*: 未着手 / 途中 / 完了
	TaskProgress progress = TaskProgress::kNotStarted;
};
//! 未着手 when done is 0, 完了 when done ≥ total (> 0), otherwise 途中.
TaskTag TaskTagOf(int done, int total);

struct DecisionOption {
	std::string id;     // reduce / accept / avoid / transfer
	std::string label_key;        // app_risk.decision.*: 低減 / 保有 / 回避 / 移転
	std::string explanation_key;  // app_risk.decision_help.*
};
const std::vector<DecisionOption> &DecisionOptions();

//! The state of one risk's treatment as a list shows it.
struct TreatmentState {
	std::string label_key;  // app_risk.progress.*: 未着手 / 途中 / 完了
	TaskProgress progress = TaskProgress::kNotStarted;
	bool overdue = false;
	bool awaiting_approval = false;  // 保有 of a 大 risk not yet approved
};
//! `today` is "YYYY-MM-DD" (JST). A measure is overdue when it is not
//! completed and its due date is before today.
TreatmentState TreatmentStateOf(const storage::RiskTreatment *treatment, bool high_risk, const std::string &today);

// --- files --------------------------------------------------------------------------------------------

//! The lower-case extension of an uploaded file name without the dot ("xlsx"), or "".
std::string FileExtension(const std::string &filename);

} // namespace mamori::app
