// mamori/tests/unit/app/risk_views_test.cpp
#include "app/risk_views.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mamori::app {
namespace {

//! The Japanese words a label key stands for, as people read them.
std::string Ja(const std::string &key) { return testing_support::ShippedMessages().Text(Locale::kJa, key); }
std::string Ja(const KeyedText &text) {
	return testing_support::ShippedMessages().Text(Locale::kJa, text.key, text.params);
}

RiskScale EditionThreeScale() {
	RiskScale scale;
	scale.levels = {{"high", "大", 4, 6}, {"medium", "中", 1, 3}, {"low", "小", 0, 0}};
	return scale;
}

RiskCatalog SmallCatalog() {
	RiskCatalog catalog;
	catalog.check_answer_labels = {{1, "実施している"}, {2, "一部実施している"}, {3, "実施していない／わからない"}, {4, "自社に該当しない"}};
	catalog.regulation_needs = {{"required", "◎", "必須", "対策を規定して下さい"},
	                            {"recommended", "○", "必要", "対策を規定して下さい"},
	                            {"not_needed", "—", "不要", "規定は不要です"}};
	catalog.categories = {{"organizational", 1, "組織的セキュリティ対策", true}, {"physical", 6, "物理的セキュリティ対策", false}};
	catalog.check_items = {
	    {"c1", "organizational", "方針を定めている", "", {"t_a", "t_b"}, {}},
	    {"c2", "organizational", "責任者を決めている", "", {"t_a"}, {}},
	    {"c3", "physical", "施錠している", "", {"t_b"}, {}},
	};
	return catalog;
}

storage::Asset MakeAsset(const std::string &name, const std::string &category, const std::string &department) {
	storage::Asset asset;
	asset.name = name;
	asset.business_category = category;
	asset.department = department;
	return asset;
}

AssetAssessment Assessed(int importance, int risk_value, std::vector<int> possibilities = {1}) {
	AssetAssessment assessment;
	assessment.importance = importance;
	assessment.risk_value = risk_value;
	for (int possibility : possibilities) {
		ThreatAssessment threat;
		threat.possibility = possibility;
		threat.risk_value = importance * possibility;
		assessment.threats.push_back(threat);
	}
	return assessment;
}

// ---- labels -----------------------------------------------------------------------------------

TEST(RiskLevelTest, ClassAndLabelNameTheBand) {
	const RiskScale scale = EditionThreeScale();
	EXPECT_EQ(RiskLevelLabel(&scale.levels[0]), "大");
	EXPECT_EQ(RiskLevelLabel(nullptr), "");
	EXPECT_TRUE(IsHighLevel(&scale.levels[0]));
	EXPECT_FALSE(IsHighLevel(&scale.levels[1]));
	EXPECT_EQ(LevelSeverity(&scale.levels[0]), 2);
	EXPECT_EQ(LevelSeverity(&scale.levels[1]), 1);
	EXPECT_EQ(LevelSeverity(&scale.levels[2]), 0);
}

TEST(RiskLabelsTest, ImpactAndScaleLabels) {
	EXPECT_EQ(Ja(std::string(ImpactLabel(ThreatImpact::kConfidentiality))), "漏えい");
	EXPECT_EQ(Ja(std::string(ImpactLabel(ThreatImpact::kIntegrity))), "改ざん");
	EXPECT_EQ(Ja(std::string(ImpactLabel(ThreatImpact::kAvailability))), "消失・停止");
	const std::vector<ScaleLabel> labels = {{3, "いつ発生してもおかしくない"}, {1, "通常は発生しない"}};
	EXPECT_EQ(ScaleLabelText(labels, 3), "いつ発生してもおかしくない");
	EXPECT_EQ(ScaleLabelText(labels, 2), "");
}

// ---- importance --------------------------------------------------------------------------------

TEST(ImportanceNoteTest, NamesTheOverride) {
	AssetRating rating;
	rating.confidentiality = 1;
	EXPECT_EQ(Ja(ImportanceNote(rating, 1, false)), "");
	rating.personal_info = true;
	EXPECT_EQ(Ja(ImportanceNote(rating, 2, true)), "個人情報のため2");
	rating.personal_info = false;
	rating.my_number = true;
	EXPECT_EQ(Ja(ImportanceNote(rating, 2, true)), "個人情報のため2");
	rating.my_number = false;
	rating.business_critical = true;
	EXPECT_EQ(Ja(ImportanceNote(rating, 2, true)), "事業への影響のため2");
	rating.sensitive_personal_info = true;
	EXPECT_EQ(Ja(ImportanceNote(rating, 2, true)), "個人情報・事業への影響のため2");
}

TEST(ImportanceNoteTest, FormulaShowsEachRating) {
	AssetRating rating{2, 1, 0};
	EXPECT_EQ(Ja(ImportanceFormula(rating)), "max(機密性 2, 完全性 1, 可用性 0) = 2");
}

// ---- vulnerability and possibility ---------------------------------------------------------------

TEST(VulnerabilityReasonTest, StatesTheRule) {
	CheckItem item;
	ThreatAssessment threat;
	threat.gap = true;
	threat.vulnerability = 3;
	EXPECT_EQ(Ja(VulnerabilityReason(threat)), "この脅威を防ぐ対策の項目が当てはまらないため 3（ギャップ）");
	threat.gap = false;
	threat.applicable = {{&item, CheckAnswer::kImplemented}};
	threat.vulnerability = 1;
	EXPECT_EQ(Ja(VulnerabilityReason(threat)), "すべて1「実施している」なので 1");
	threat.applicable = {{&item, CheckAnswer::kNotImplemented}, {&item, std::nullopt}};
	threat.vulnerability = 3;
	EXPECT_EQ(Ja(VulnerabilityReason(threat)), "すべて3「実施していない／わからない」（未回答を含む）なので 3");
	threat.applicable = {{&item, CheckAnswer::kNotImplemented}};
	EXPECT_EQ(Ja(VulnerabilityReason(threat)), "すべて3「実施していない／わからない」なので 3");
	threat.applicable = {{&item, CheckAnswer::kImplemented}, {&item, CheckAnswer::kNotImplemented}};
	threat.vulnerability = 2;
	EXPECT_EQ(Ja(VulnerabilityReason(threat)), "すべて1でもすべて3でもないので 2");
}

TEST(CoveringAnswerTextTest, UnansweredCountsAsThree) {
	const RiskCatalog catalog = SmallCatalog();
	EXPECT_EQ(Ja(CoveringAnswerText(catalog, CheckAnswer::kPartial)), "2「一部実施している」");
	EXPECT_EQ(Ja(CoveringAnswerText(catalog, std::nullopt)), "未回答（3として計算）");
}

TEST(PossibilityFormulaTest, ShowsTheDivisionAndTheCeiling) {
	EXPECT_EQ(Ja(PossibilityFormula(3, 1)), "3 ÷ (4 − 1) = 1");
	EXPECT_EQ(Ja(PossibilityFormula(3, 2)), "3 ÷ (4 − 2) = 1.5 → 切り上げて 2");
	EXPECT_EQ(Ja(PossibilityFormula(3, 3)), "3 ÷ (4 − 3) = 3");
	EXPECT_EQ(Ja(PossibilityFormula(2, 1)), "2 ÷ (4 − 1) ≒ 0.67 → 切り上げて 1");
	EXPECT_EQ(Ja(PossibilityFormula(1, 1)), "1 ÷ (4 − 1) ≒ 0.33 → 切り上げて 1");
	EXPECT_EQ(Ja(PossibilityFormula(2, 2)), "2 ÷ (4 − 2) = 1");
	EXPECT_EQ(Ja(PossibilityFormula(1, 2)), "1 ÷ (4 − 2) = 0.5 → 切り上げて 1");
}

// ---- categories ----------------------------------------------------------------------------------

TEST(RegulationTest, MarksWordsAdviceAndReasons) {
	const RiskCatalog catalog = SmallCatalog();
	EXPECT_EQ(RegulationMark(catalog, RegulationNeed::kRequired), "◎");
	EXPECT_EQ(RegulationMark(catalog, RegulationNeed::kRecommended), "○");
	EXPECT_EQ(RegulationMark(catalog, RegulationNeed::kNotNeeded), "—");
	EXPECT_EQ(RegulationWords(catalog, RegulationNeed::kRequired), "必須");
	EXPECT_EQ(RegulationWords(catalog, RegulationNeed::kRecommended), "必要");
	EXPECT_EQ(RegulationWords(catalog, RegulationNeed::kNotNeeded), "不要");
	// ○ asks for the measures to be written down too (付録7 手順3: ○ 100.0% 対策を規定して下さい).
	EXPECT_EQ(RegulationAdvice(catalog, RegulationNeed::kRequired), "対策を規定して下さい");
	EXPECT_EQ(RegulationAdvice(catalog, RegulationNeed::kRecommended), "対策を規定して下さい");
	EXPECT_EQ(RegulationMark(RiskCatalog{}, RegulationNeed::kRequired), "");

	CategoryAssessment organizational;
	organizational.category = &catalog.categories[0];
	organizational.need = RegulationNeed::kRequired;
	EXPECT_EQ(Ja(std::string(RegulationReason(organizational))), "組織的・人的セキュリティ対策の規程は、どの会社でも常に必要です。");
	CategoryAssessment physical;
	physical.category = &catalog.categories[1];
	physical.need = RegulationNeed::kRequired;
	physical.need_from_high_risk = true;
	EXPECT_EQ(Ja(std::string(RegulationReason(physical))), "リスク値が「大」の脅威が、この区分の対策に左右されます。");
	physical.need = RegulationNeed::kNotNeeded;
	physical.need_from_high_risk = false;
	EXPECT_EQ(Ja(std::string(RegulationReason(physical))), "この区分の対策は、すべて「自社に該当しない」と回答しています。");
}

// ---- register --------------------------------------------------------------------------------------

TEST(RegisterSortTest, ParsesQueryValues) {
	EXPECT_EQ(ParseRegisterSort("name"), RegisterSort::kName);
	EXPECT_EQ(ParseRegisterSort("importance"), RegisterSort::kImportance);
	EXPECT_EQ(ParseRegisterSort("risk"), RegisterSort::kRisk);
	EXPECT_EQ(ParseRegisterSort("<script>"), RegisterSort::kRegistered);
	EXPECT_EQ(RegisterSortName(RegisterSort::kRisk), "risk");
	EXPECT_EQ(ParseRegisterGrouping("department"), RegisterGrouping::kDepartment);
	EXPECT_EQ(ParseRegisterGrouping(""), RegisterGrouping::kBusinessCategory);
}

TEST(GroupRegisterTest, GroupsInOrderOfFirstAppearanceWithBlanksLast) {
	const std::vector<storage::Asset> assets = {MakeAsset("従業員名簿", "人事", "総務部"), MakeAsset("見積書", "営業", "営業部"),
	                                            MakeAsset("メモ", "　", ""), MakeAsset("給与台帳", "人事", "総務部")};
	AnalysisResult analysis;
	analysis.assets = {Assessed(2, 4), Assessed(1, 2), Assessed(0, 0), Assessed(2, 6)};
	auto groups = GroupRegister(assets, analysis, RegisterGrouping::kBusinessCategory, RegisterSort::kRegistered);
	ASSERT_EQ(groups.size(), 3u);
	EXPECT_EQ(groups[0].name, "人事");
	EXPECT_EQ(groups[0].rows, (std::vector<size_t>{0, 3}));
	EXPECT_EQ(groups[1].name, "営業");
	EXPECT_TRUE(groups[2].blank);
	EXPECT_EQ(Ja("app_risk.group_blank"), "（未記入）");
	EXPECT_EQ(groups[2].rows, (std::vector<size_t>{2}));

	groups = GroupRegister(assets, analysis, RegisterGrouping::kDepartment, RegisterSort::kRisk);
	ASSERT_EQ(groups.size(), 3u);
	EXPECT_EQ(groups[0].name, "総務部");
	EXPECT_EQ(groups[0].rows, (std::vector<size_t>{3, 0}));  // risk 6 before 4
}

TEST(GroupRegisterTest, SortsByNameAndImportanceKeepingTiesInOrder) {
	const std::vector<storage::Asset> assets = {MakeAsset("b", "x", ""), MakeAsset("a", "x", ""), MakeAsset("c", "x", "")};
	AnalysisResult analysis;
	analysis.assets = {Assessed(1, 1), Assessed(1, 1), Assessed(2, 2)};
	auto by_name = GroupRegister(assets, analysis, RegisterGrouping::kBusinessCategory, RegisterSort::kName);
	EXPECT_EQ(by_name[0].rows, (std::vector<size_t>{1, 0, 2}));
	auto by_importance = GroupRegister(assets, analysis, RegisterGrouping::kBusinessCategory, RegisterSort::kImportance);
	EXPECT_EQ(by_importance[0].rows, (std::vector<size_t>{2, 0, 1}));
}

// ---- heat map and risk lists ---------------------------------------------------------------------

TEST(HeatMapTest, PlacesEachAssetAtItsWorstPossibility) {
	const RiskScale scale = EditionThreeScale();
	AnalysisResult analysis;
	analysis.assets = {Assessed(2, 6, {1, 3}), Assessed(2, 4, {2}), Assessed(0, 0, {3, 1}), Assessed(1, 0, {})};
	const HeatCounts heat = CountHeatMap(scale, analysis);
	EXPECT_EQ(heat.importance_rows, (std::vector<int>{2, 1, 0}));
	EXPECT_EQ(heat.possibility_columns, (std::vector<int>{1, 2, 3}));
	EXPECT_EQ(heat.counts[0][2], 1);  // importance 2, possibility 3
	EXPECT_EQ(heat.counts[0][1], 1);  // importance 2, possibility 2
	EXPECT_EQ(heat.counts[2][2], 1);  // importance 0 at its largest possibility
	EXPECT_EQ(heat.unplaced, 1);      // no threats
	EXPECT_EQ(heat.severity[0][1], 2);  // 2 × 2 = 4 → 大
	EXPECT_EQ(heat.severity[1][2], 1);  // 1 × 3 = 3 → 中
	EXPECT_EQ(heat.severity[2][2], 0);  // 0 → 小
	EXPECT_EQ(heat.level_labels[0][0], "中");
}

TEST(RisksAtLevelsTest, WorstFirstAndStable) {
	const RiskScale scale = EditionThreeScale();
	AnalysisResult analysis;
	analysis.assets = {Assessed(2, 4, {2, 1}), Assessed(2, 6, {3}), Assessed(1, 3, {3})};
	for (auto &asset : analysis.assets) {
		for (auto &threat : asset.threats) {
			threat.level = RiskLevelFor(scale, threat.risk_value);
		}
	}
	auto high = RisksAtLevels(analysis, {"high"});
	ASSERT_EQ(high.size(), 2u);
	EXPECT_EQ(high[0].asset, 1u);
	EXPECT_EQ(high[1].asset, 0u);
	auto decided = RisksAtLevels(analysis, {"high", "medium"});
	ASSERT_EQ(decided.size(), 4u);
	EXPECT_EQ(decided[2].asset, 2u);  // 3 before the 2 of asset 0's second threat
	EXPECT_EQ(decided[3].asset, 0u);
	EXPECT_EQ(decided[3].threat, 1u);
}

// ---- check and what-if ---------------------------------------------------------------------------

TEST(CheckCountsTest, CountsAnswersPerCategory) {
	const RiskCatalog catalog = SmallCatalog();
	CheckAnswers answers = {{"c1", CheckAnswer::kImplemented}, {"c3", CheckAnswer::kNotApplicable}, {"zz", CheckAnswer::kPartial}};
	EXPECT_EQ(AnsweredItemCount(catalog, answers), 2);
	EXPECT_EQ(CategoryItemCount(catalog, "organizational"), 2);
	EXPECT_EQ(CategoryAnsweredCount(catalog, "organizational", answers), 1);
	EXPECT_EQ(CategoryAnsweredCount(catalog, "physical", answers), 1);
}

TEST(WhatIfTest, CandidatesArePartialNotDoneOrUnanswered) {
	const RiskCatalog catalog = SmallCatalog();
	CheckAnswers answers = {{"c1", CheckAnswer::kImplemented}, {"c2", CheckAnswer::kPartial}};
	auto candidates = WhatIfCandidates(catalog, answers);
	ASSERT_EQ(candidates.size(), 2u);
	EXPECT_EQ(candidates[0]->id, "c2");
	EXPECT_EQ(candidates[1]->id, "c3");
	answers["c3"] = CheckAnswer::kNotApplicable;
	EXPECT_EQ(WhatIfCandidates(catalog, answers).size(), 1u);
}

TEST(WhatIfTest, FallsFromHighOnlyWhenLeavingTheHighBand) {
	const RiskScale scale = EditionThreeScale();
	RiskChange change;
	change.before_level = &scale.levels[0];
	change.after_level = &scale.levels[1];
	EXPECT_TRUE(FallsFromHigh(change));
	change.after_level = &scale.levels[0];
	EXPECT_FALSE(FallsFromHigh(change));
	change.before_level = &scale.levels[1];
	change.after_level = &scale.levels[2];
	EXPECT_FALSE(FallsFromHigh(change));
}

TEST(ItemsCoveringThreatTest, InCatalogOrder) {
	const RiskCatalog catalog = SmallCatalog();
	auto items = ItemsCoveringThreat(catalog, "t_b");
	ASSERT_EQ(items.size(), 2u);
	EXPECT_EQ(items[0]->id, "c1");
	EXPECT_EQ(items[1]->id, "c3");
	EXPECT_TRUE(ItemsCoveringThreat(catalog, "none").empty());
}

// ---- overview and treatment ------------------------------------------------------------------------

TEST(TaskTagTest, NotStartedInProgressDone) {
	EXPECT_EQ(TaskTagOf(0, 10).label_key, "app_risk.progress.not_started");
	EXPECT_EQ(TaskTagOf(3, 10).label_key, "app_risk.progress.in_progress");
	EXPECT_EQ(TaskTagOf(3, 10).progress, TaskProgress::kInProgress);
	EXPECT_EQ(TaskTagOf(10, 10).progress, TaskProgress::kDone);
	EXPECT_EQ(TaskTagOf(0, 10).progress, TaskProgress::kNotStarted);
	EXPECT_EQ(Ja(TaskTagOf(10, 10).label_key), "完了");
	EXPECT_EQ(Ja(TaskTagOf(0, 0).label_key), "未着手");
}

TEST(DecisionOptionsTest, FourDecisionsInGuidelineOrder) {
	const auto &options = DecisionOptions();
	ASSERT_EQ(options.size(), 4u);
	EXPECT_EQ(Ja(options[0].label_key), "低減");
	EXPECT_EQ(Ja(options[1].label_key), "保有");
	EXPECT_EQ(Ja(options[2].label_key), "回避");
	EXPECT_EQ(Ja(options[3].label_key), "移転");
	EXPECT_NE(Ja(options[3].explanation_key).find("サイバー保険"), std::string::npos);
	// 手順3 ①: 低減 improves the vulnerability; 重要度 and 脅威 stay fixed (表14).
	EXPECT_NE(Ja(options[0].explanation_key).find("脆弱性を改善"), std::string::npos);
	EXPECT_NE(Ja(options[0].explanation_key).find("重要度と脅威は変わらず"), std::string::npos);
	// 手順3 ③: 回避 changes how the work is done or how systems are used.
	EXPECT_NE(Ja(options[2].explanation_key).find("仕事のやりかた"), std::string::npos);
	EXPECT_NE(Ja(options[2].explanation_key).find("情報システムの利用方法"), std::string::npos);
}

TEST(TreatmentStateTest, UndecidedInProgressOverdueAndDone) {
	EXPECT_EQ(Ja(TreatmentStateOf(nullptr, true, "2025-04-01").label_key), "未着手");
	storage::RiskTreatment treatment;
	treatment.decision = "reduce";
	treatment.due_on = "2025-03-31";
	auto state = TreatmentStateOf(&treatment, true, "2025-04-01");
	EXPECT_EQ(Ja(state.label_key), "途中");
	EXPECT_TRUE(state.overdue);
	EXPECT_FALSE(TreatmentStateOf(&treatment, true, "2025-03-31").overdue);  // due today is not late
	treatment.completed = true;
	state = TreatmentStateOf(&treatment, true, "2025-04-01");
	EXPECT_EQ(Ja(state.label_key), "完了");
	EXPECT_FALSE(state.overdue);
}

TEST(TreatmentStateTest, AcceptingAHighRiskWaitsForApproval) {
	storage::RiskTreatment treatment;
	treatment.decision = "accept";
	auto state = TreatmentStateOf(&treatment, true, "2025-04-01");
	EXPECT_TRUE(state.awaiting_approval);
	EXPECT_EQ(Ja(state.label_key), "途中");
	EXPECT_FALSE(TreatmentStateOf(&treatment, false, "2025-04-01").awaiting_approval);
	treatment.approved_by = 7;
	state = TreatmentStateOf(&treatment, true, "2025-04-01");
	EXPECT_FALSE(state.awaiting_approval);
	EXPECT_EQ(Ja(state.label_key), "完了");
}

// ---- files -------------------------------------------------------------------------------------------

TEST(FileExtensionTest, LowerCaseWithoutPath) {
	EXPECT_EQ(FileExtension("台帳.XLSX"), "xlsx");
	EXPECT_EQ(FileExtension("C:\\fakepath\\register.csv"), "csv");
	EXPECT_EQ(FileExtension("a.b/noext"), "");
	EXPECT_EQ(FileExtension("trailing."), "");
	EXPECT_EQ(FileExtension(""), "");
}

} // namespace
} // namespace mamori::app
