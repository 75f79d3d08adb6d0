// mamori/tests/unit/core/risk/risk_analysis_test.cpp
//
// The 詳細リスク分析 over a register (methodology §4, §4a "defined here"):
// vulnerability derived from the 対策状況チェック, 被害発生可能性, リスク値 per
// (asset, threat), the asset's driving threat, gaps, 実施率 and 規程策定の必要性
// per category, and the what-if comparison. Most tests run on a small
// hand-made edition so every expectation can be worked out on paper; a few
// run on the shipped catalog.
#include "core/risk/analysis.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace mamori {
namespace {

// ---------------------------------------------------------------------------
// A small edition.
//
//   medium pc:    t_leak (C, 3), t_loss (A, 2), t_gap (C, 2)
//   medium paper: p_theft (C, 2), p_fire (A, 1)
//
//   category org (always required): i4 [t_leak, p_theft], i6 [t_loss]
//   category tech:                  i1 [t_leak, t_loss], i2 [t_leak], i7 [t_loss]
//   category phys:                  i3 [p_theft, p_fire], i5 [t_gap]
//
//   so  t_leak ← i1 i2 i4,  t_loss ← i1 i6 i7,  t_gap ← i5,
//       p_theft ← i3 i4,    p_fire ← i3.
// ---------------------------------------------------------------------------

RiskThreat Threat(const char *id, ThreatImpact impact, int frequency) {
	RiskThreat threat;
	threat.id = id;
	threat.name = id;
	threat.impact = impact;
	threat.default_frequency = frequency;
	return threat;
}

CheckItem Item(const char *id, const char *category, std::vector<std::string> threats) {
	CheckItem item;
	item.id = id;
	item.category = category;
	item.text = id;
	item.threats = std::move(threats);
	return item;
}

RiskScale Scale30() {
	RiskScale scale;
	scale.levels = {{"high", "大", 4, 6}, {"medium", "中", 1, 3}, {"low", "小", 0, 0}};
	return scale;
}

const Edition &Small() {
	static const Edition edition = [] {
		Edition e;
		e.id = "test";
		e.risk_scale = Scale30();
		RiskCatalog &c = e.risk_catalog;
		c.media.push_back(RiskMedium{"pc", "PC", "",
		                             {Threat("t_leak", ThreatImpact::kConfidentiality, 3),
		                              Threat("t_loss", ThreatImpact::kAvailability, 2),
		                              Threat("t_gap", ThreatImpact::kConfidentiality, 2)}});
		c.media.push_back(RiskMedium{"paper", "書類", "",
		                             {Threat("p_theft", ThreatImpact::kConfidentiality, 2),
		                              Threat("p_fire", ThreatImpact::kAvailability, 1)}});
		c.categories = {{"org", 1, "組織", true}, {"tech", 2, "技術", false}, {"phys", 3, "物理", false}};
		c.check_items = {
		    Item("i1", "tech", {"t_leak", "t_loss"}), Item("i2", "tech", {"t_leak"}),
		    Item("i3", "phys", {"p_theft", "p_fire"}), Item("i4", "org", {"t_leak", "p_theft"}),
		    Item("i5", "phys", {"t_gap"}),           Item("i6", "org", {"t_loss"}),
		    Item("i7", "tech", {"t_loss"}),
		};
		return e;
	}();
	return edition;
}

const std::vector<std::string> kSmallItems = {"i1", "i2", "i3", "i4", "i5", "i6", "i7"};

RegisterAsset Asset(const char *key, const char *medium, int c, int i, int a) {
	RegisterAsset asset;
	asset.key = key;
	asset.name = key;
	asset.medium = medium;
	asset.rating.confidentiality = c;
	asset.rating.integrity = i;
	asset.rating.availability = a;
	return asset;
}

CheckAnswers Answers(std::initializer_list<std::pair<const char *, int>> list) {
	CheckAnswers answers;
	for (const auto &[id, value] : list) answers[id] = static_cast<CheckAnswer>(value);
	return answers;
}

const ThreatAssessment &FindThreat(const AssetAssessment &asset, const std::string &id) {
	for (const auto &threat : asset.threats) {
		if (threat.threat->id == id) return threat;
	}
	ADD_FAILURE() << "no threat " << id;
	static const ThreatAssessment none;
	return none;
}

const CategoryAssessment &FindCategory(const AnalysisResult &result, const std::string &id) {
	for (const auto &category : result.categories) {
		if (category.category->id == id) return category;
	}
	ADD_FAILURE() << "no category " << id;
	static const CategoryAssessment none;
	return none;
}

std::vector<std::string> ThreatIds(const std::vector<const RiskThreat *> &threats) {
	std::vector<std::string> ids;
	for (const auto *threat : threats) ids.push_back(threat->id);
	return ids;
}

std::vector<std::string> ItemIds(const std::vector<CoveringItem> &items) {
	std::vector<std::string> ids;
	for (const auto &covering : items) ids.push_back(covering.item->id);
	return ids;
}

std::string LevelId(const RiskLevelBand *level) { return level != nullptr ? level->id : "(none)"; }

// ---------------------------------------------------------------------------
// DeriveVulnerability
// ---------------------------------------------------------------------------

std::vector<CoveringItem> Covering(std::initializer_list<int> answers) {
	static const CheckItem item = Item("x", "tech", {});
	std::vector<CoveringItem> list;
	for (int value : answers) {
		list.push_back(CoveringItem{&item, value == 0 ? std::nullopt : std::optional<CheckAnswer>(static_cast<CheckAnswer>(value))});
	}
	return list;
}

TEST(VulnerabilityTest, DerivedFromAnswers) {
	EXPECT_EQ(DeriveVulnerability(Covering({1})), 1);
	EXPECT_EQ(DeriveVulnerability(Covering({1, 1, 1})), 1);
	EXPECT_EQ(DeriveVulnerability(Covering({3})), 3);
	EXPECT_EQ(DeriveVulnerability(Covering({3, 3, 3})), 3);
	EXPECT_EQ(DeriveVulnerability(Covering({1, 3})), 2);
	EXPECT_EQ(DeriveVulnerability(Covering({3, 1, 3})), 2);
	EXPECT_EQ(DeriveVulnerability(Covering({2})), 2);
	EXPECT_EQ(DeriveVulnerability(Covering({2, 2})), 2);
	EXPECT_EQ(DeriveVulnerability(Covering({1, 2})), 2);
	EXPECT_EQ(DeriveVulnerability(Covering({2, 3})), 2);
}

TEST(VulnerabilityTest, UnansweredCountsAsNotImplemented) {
	EXPECT_EQ(DeriveVulnerability(Covering({0})), 3);
	EXPECT_EQ(DeriveVulnerability(Covering({0, 3})), 3);
	EXPECT_EQ(DeriveVulnerability(Covering({0, 1})), 2);
	EXPECT_EQ(DeriveVulnerability(Covering({1, 1, 0})), 2);
}

TEST(VulnerabilityTest, NoApplicableItemIsThree) { EXPECT_EQ(DeriveVulnerability({}), 3); }

TEST(AnalysisTest, VulnerabilityThroughTheRegister) {
	AnalysisInput input;
	input.assets = {Asset("pc", "pc", 2, 0, 0)};
	struct Case {
		CheckAnswers answers;
		int leak;  // t_leak ← i1 i2 i4
	};
	const Case cases[] = {
	    {Answers({{"i1", 1}, {"i2", 1}, {"i4", 1}}), 1},
	    {Answers({{"i1", 3}, {"i2", 3}, {"i4", 3}}), 3},
	    {Answers({{"i1", 1}, {"i2", 3}, {"i4", 1}}), 2},
	    {Answers({{"i1", 2}, {"i2", 2}, {"i4", 2}}), 2},
	    {Answers({{"i1", 1}, {"i2", 1}}), 2},              // i4 unanswered counts as 3
	    {Answers({}), 3},                                  // all unanswered
	    {Answers({{"i1", 1}, {"i2", 4}, {"i4", 1}}), 1},   // 4 is left out
	    {Answers({{"i1", 3}, {"i2", 4}, {"i4", 4}}), 3},
	    {Answers({{"i1", 4}, {"i2", 4}, {"i4", 2}}), 2},
	};
	for (const auto &c : cases) {
		input.answers = c.answers;
		const auto result = AnalyzeRegister(Small(), input);
		ASSERT_EQ(result.assets.size(), 1u);
		const auto &leak = FindThreat(result.assets[0], "t_leak");
		EXPECT_EQ(leak.vulnerability, c.leak);
		EXPECT_FALSE(leak.gap);
	}
}

TEST(AnalysisTest, ItemsAnsweredNotApplicableAreLeftOut) {
	AnalysisInput input;
	input.assets = {Asset("pc", "pc", 1, 0, 0)};
	input.answers = Answers({{"i1", 1}, {"i2", 4}});  // i4 unanswered
	const auto result = AnalyzeRegister(Small(), input);
	const auto &leak = FindThreat(result.assets[0], "t_leak");
	EXPECT_EQ(ItemIds(leak.applicable), (std::vector<std::string>{"i1", "i4"}));
	ASSERT_EQ(leak.applicable.size(), 2u);
	ASSERT_TRUE(leak.applicable[0].answer.has_value());
	EXPECT_EQ(*leak.applicable[0].answer, CheckAnswer::kImplemented);
	EXPECT_FALSE(leak.applicable[1].answer.has_value());
	EXPECT_EQ(leak.vulnerability, 2);
}

TEST(AnalysisTest, OnlyNotApplicableItemsMakeAGap) {
	AnalysisInput input;
	input.assets = {Asset("pc", "pc", 2, 0, 0)};
	input.answers = Answers({{"i5", 4}, {"i1", 4}, {"i2", 4}, {"i4", 4}});
	const auto result = AnalyzeRegister(Small(), input);
	for (const char *id : {"t_gap", "t_leak"}) {
		const auto &threat = FindThreat(result.assets[0], id);
		EXPECT_TRUE(threat.gap) << id;
		EXPECT_TRUE(threat.applicable.empty()) << id;
		EXPECT_EQ(threat.vulnerability, 3) << id;
	}
	// t_loss ← i1 i6 i7: i6 and i7 unanswered still apply.
	EXPECT_FALSE(FindThreat(result.assets[0], "t_loss").gap);
	// Gaps in catalog order.
	EXPECT_EQ(ThreatIds(result.uncovered_threats), (std::vector<std::string>{"t_leak", "t_gap"}));
}

TEST(AnalysisTest, GapsListedOnlyForMediaInUse) {
	// p_fire ← i3 only: a gap when i3 is 4, but only reported when paper is in use.
	AnalysisInput input;
	input.assets = {Asset("pc", "pc", 1, 1, 1)};
	input.answers = Answers({{"i3", 4}, {"i5", 4}});
	auto result = AnalyzeRegister(Small(), input);
	EXPECT_EQ(ThreatIds(result.uncovered_threats), (std::vector<std::string>{"t_gap"}));

	input.assets.push_back(Asset("doc", "paper", 1, 0, 0));
	result = AnalyzeRegister(Small(), input);
	EXPECT_EQ(ThreatIds(result.uncovered_threats), (std::vector<std::string>{"t_gap", "p_fire"}));
	// p_theft ← i3 i4: i4 unanswered still applies.
	EXPECT_FALSE(FindThreat(result.assets[1], "p_theft").gap);

	// Nothing answered 4: no gaps anywhere.
	input.answers.clear();
	EXPECT_TRUE(AnalyzeRegister(Small(), input).uncovered_threats.empty());

	// Only paper in use.
	input.assets = {Asset("doc", "paper", 1, 0, 0)};
	input.answers = Answers({{"i3", 4}, {"i5", 4}});
	EXPECT_EQ(ThreatIds(AnalyzeRegister(Small(), input).uncovered_threats), (std::vector<std::string>{"p_fire"}));
}

TEST(AnalysisTest, GapsListedOncePerThreat) {
	AnalysisInput input;
	input.assets = {Asset("a", "pc", 1, 0, 0), Asset("b", "pc", 2, 0, 0)};
	input.answers = Answers({{"i5", 4}});
	EXPECT_EQ(ThreatIds(AnalyzeRegister(Small(), input).uncovered_threats), (std::vector<std::string>{"t_gap"}));
}

// ---------------------------------------------------------------------------
// Frequency, possibility, risk
// ---------------------------------------------------------------------------

TEST(AnalysisTest, FirmFrequencyOverridesTheDefault) {
	AnalysisInput input;
	input.assets = {Asset("pc", "pc", 2, 0, 0)};
	auto result = AnalyzeRegister(Small(), input);
	EXPECT_EQ(FindThreat(result.assets[0], "t_leak").frequency, 3);
	EXPECT_EQ(FindThreat(result.assets[0], "t_loss").frequency, 2);
	EXPECT_EQ(FindThreat(result.assets[0], "t_gap").frequency, 2);

	input.frequencies = {{"t_leak", 1}, {"t_gap", 3}, {"p_fire", 3}};
	result = AnalyzeRegister(Small(), input);
	EXPECT_EQ(FindThreat(result.assets[0], "t_leak").frequency, 1);
	EXPECT_EQ(FindThreat(result.assets[0], "t_loss").frequency, 2);  // default kept
	EXPECT_EQ(FindThreat(result.assets[0], "t_gap").frequency, 3);
	// all unanswered → vulnerability 3 → possibility = frequency; importance 2.
	EXPECT_EQ(FindThreat(result.assets[0], "t_leak").risk_value, 2);
	EXPECT_EQ(FindThreat(result.assets[0], "t_gap").risk_value, 6);
}

TEST(AnalysisTest, PossibilityIsCeilingOfThreatOverFourMinusVulnerability) {
	// t_leak ← i1 i2 i4; importance 2.
	struct Case {
		int frequency;
		CheckAnswers answers;
		int vulnerability;
		int possibility;
		int risk;
		const char *level;
	};
	const Case cases[] = {
	    {3, Answers({{"i1", 3}, {"i2", 3}, {"i4", 3}}), 3, 3, 6, "high"},    // 3 ÷ 1
	    {3, Answers({{"i1", 1}, {"i2", 2}, {"i4", 3}}), 2, 2, 4, "high"},    // 3 ÷ 2 → 2
	    {3, Answers({{"i1", 1}, {"i2", 1}, {"i4", 1}}), 1, 1, 2, "medium"},  // 3 ÷ 3
	    {2, Answers({{"i1", 3}, {"i2", 3}, {"i4", 3}}), 3, 2, 4, "high"},    // 2 ÷ 1
	    {2, Answers({{"i1", 2}, {"i2", 2}, {"i4", 2}}), 2, 1, 2, "medium"},  // 2 ÷ 2
	    {2, Answers({{"i1", 1}, {"i2", 1}, {"i4", 1}}), 1, 1, 2, "medium"},  // 2 ÷ 3 → 1
	    {1, Answers({{"i1", 3}, {"i2", 3}, {"i4", 3}}), 3, 1, 2, "medium"},  // 1 ÷ 1
	    {1, Answers({{"i1", 2}}), 2, 1, 2, "medium"},                        // 1 ÷ 2 → 1
	    {1, Answers({{"i1", 1}, {"i2", 1}, {"i4", 1}}), 1, 1, 2, "medium"},  // 1 ÷ 3 → 1
	};
	for (const auto &c : cases) {
		AnalysisInput input;
		input.assets = {Asset("pc", "pc", 0, 2, 0)};
		input.frequencies = {{"t_leak", c.frequency}};
		input.answers = c.answers;
		const auto result = AnalyzeRegister(Small(), input);
		const auto &leak = FindThreat(result.assets[0], "t_leak");
		EXPECT_EQ(leak.frequency, c.frequency);
		EXPECT_EQ(leak.vulnerability, c.vulnerability) << c.frequency;
		EXPECT_EQ(leak.possibility, c.possibility) << c.frequency << "/" << c.vulnerability;
		EXPECT_EQ(leak.risk_value, c.risk) << c.frequency << "/" << c.vulnerability;
		EXPECT_EQ(LevelId(leak.level), c.level) << c.frequency << "/" << c.vulnerability;
	}
}

TEST(AnalysisTest, AssetRiskIsTheLargestAndDrivingThreatPointsAtIt) {
	AnalysisInput input;
	input.assets = {Asset("pc", "pc", 2, 0, 0)};
	// Nothing answered: vulnerability 3 everywhere, possibility = frequency.
	// t_leak 3 → 6, t_loss 2 → 4, t_gap 2 → 4.
	auto result = AnalyzeRegister(Small(), input);
	const auto &asset = result.assets[0];
	ASSERT_EQ(asset.threats.size(), 3u);
	EXPECT_EQ(asset.threats[0].threat->id, "t_leak");
	EXPECT_EQ(asset.threats[1].threat->id, "t_loss");
	EXPECT_EQ(asset.threats[2].threat->id, "t_gap");
	EXPECT_EQ(asset.threats[0].risk_value, 6);
	EXPECT_EQ(asset.threats[1].risk_value, 4);
	EXPECT_EQ(asset.threats[2].risk_value, 4);
	EXPECT_EQ(asset.risk_value, 6);
	EXPECT_EQ(asset.driving_threat, 0);
	EXPECT_EQ(LevelId(asset.level), "high");
	EXPECT_EQ(asset.importance, 2);
	EXPECT_EQ(asset.asset, &input.assets[0]);

	// The largest is not the first: t_leak down to 1 → 2; t_loss stays 4; t_gap up to 3 → 6.
	input.frequencies = {{"t_leak", 1}, {"t_gap", 3}};
	result = AnalyzeRegister(Small(), input);
	EXPECT_EQ(result.assets[0].risk_value, 6);
	EXPECT_EQ(result.assets[0].driving_threat, 2);

	// A tie between t_loss and t_gap (both 4): the first one drives.
	input.frequencies = {{"t_leak", 1}};
	result = AnalyzeRegister(Small(), input);
	EXPECT_EQ(result.assets[0].threats[0].risk_value, 2);
	EXPECT_EQ(result.assets[0].risk_value, 4);
	EXPECT_EQ(result.assets[0].driving_threat, 1);

	// All equal: the first threat drives.
	input.frequencies = {{"t_leak", 1}, {"t_loss", 1}, {"t_gap", 1}};
	result = AnalyzeRegister(Small(), input);
	EXPECT_EQ(result.assets[0].risk_value, 2);
	EXPECT_EQ(result.assets[0].driving_threat, 0);
	EXPECT_EQ(LevelId(result.assets[0].level), "medium");
}

TEST(AnalysisTest, ImportanceWithOverrides) {
	AnalysisInput input;
	input.assets = {Asset("plain", "paper", 1, 0, 1), Asset("personal", "paper", 0, 0, 0),
	                Asset("critical", "paper", 1, 0, 0), Asset("zero", "paper", 0, 0, 0)};
	input.assets[1].rating.personal_info = true;
	input.assets[2].rating.business_critical = true;
	// Nothing answered: p_theft 2 → possibility 2, p_fire 1 → 1.
	const auto result = AnalyzeRegister(Small(), input);
	ASSERT_EQ(result.assets.size(), 4u);
	EXPECT_EQ(result.assets[0].importance, 1);
	EXPECT_FALSE(result.assets[0].importance_overridden);
	EXPECT_EQ(result.assets[0].risk_value, 2);
	EXPECT_EQ(result.assets[1].importance, 2);
	EXPECT_TRUE(result.assets[1].importance_overridden);
	EXPECT_EQ(result.assets[1].risk_value, 4);
	EXPECT_EQ(LevelId(result.assets[1].level), "high");
	EXPECT_EQ(result.assets[2].importance, 2);
	EXPECT_TRUE(result.assets[2].importance_overridden);
	EXPECT_EQ(result.assets[2].risk_value, 4);
	EXPECT_EQ(result.assets[3].importance, 0);
	EXPECT_EQ(result.assets[3].risk_value, 0);
	EXPECT_EQ(LevelId(result.assets[3].level), "low");
	// Input order is kept.
	for (size_t idx = 0; idx < input.assets.size(); ++idx) EXPECT_EQ(result.assets[idx].asset, &input.assets[idx]);
}

TEST(AnalysisTest, UnknownMediumHasNoThreatsAndRiskZero) {
	AnalysisInput input;
	input.assets = {Asset("fax", "fax", 2, 2, 2), Asset("pc", "pc", 1, 0, 0)};
	input.answers = Answers({{"i5", 4}});
	const auto result = AnalyzeRegister(Small(), input);
	ASSERT_EQ(result.assets.size(), 2u);
	EXPECT_TRUE(result.assets[0].threats.empty());
	EXPECT_EQ(result.assets[0].importance, 2);
	EXPECT_EQ(result.assets[0].risk_value, 0);
	EXPECT_EQ(result.assets[0].driving_threat, -1);
	EXPECT_EQ(LevelId(result.assets[0].level), "low");
	// The other asset is unaffected.
	EXPECT_EQ(result.assets[1].threats.size(), 3u);
	EXPECT_EQ(ThreatIds(result.uncovered_threats), (std::vector<std::string>{"t_gap"}));
}

TEST(AnalysisTest, EmptyRegister) {
	const auto result = AnalyzeRegister(Small(), AnalysisInput{});
	EXPECT_TRUE(result.assets.empty());
	EXPECT_TRUE(result.uncovered_threats.empty());
	ASSERT_EQ(result.categories.size(), 3u);
	// No risk at all: org is still ◎ (always), the others ○ (unanswered items may apply).
	EXPECT_EQ(result.categories[0].need, RegulationNeed::kRequired);
	EXPECT_EQ(result.categories[1].need, RegulationNeed::kRecommended);
	EXPECT_EQ(result.categories[2].need, RegulationNeed::kRecommended);
}

// ---------------------------------------------------------------------------
// 実施率 and 規程策定の必要性
// ---------------------------------------------------------------------------

TEST(ImplementationRateTest, Formula) {
	EXPECT_FALSE(ImplementationRate(0, 0, 0).has_value());
	EXPECT_DOUBLE_EQ(*ImplementationRate(1, 0, 0), 1.0);
	EXPECT_DOUBLE_EQ(*ImplementationRate(0, 1, 0), 0.5);
	EXPECT_DOUBLE_EQ(*ImplementationRate(0, 0, 1), 0.0);
	EXPECT_DOUBLE_EQ(*ImplementationRate(2, 2, 0), 0.75);
	EXPECT_DOUBLE_EQ(*ImplementationRate(0, 1, 1), 0.25);
	EXPECT_DOUBLE_EQ(*ImplementationRate(3, 1, 2), 3.5 / 6);
	EXPECT_DOUBLE_EQ(*ImplementationRate(5, 1, 1), 5.5 / 7);
}

TEST(ImplementationRateTest, FormattedWithOneDecimalAsTheSheet) {
	// The 診断結果 example of 付録7: 62.5%, 33.3%, 14.3%, 100.0%.
	EXPECT_EQ(FormatImplementationRate(ImplementationRate(2, 1, 1)), "62.5%");
	EXPECT_EQ(FormatImplementationRate(ImplementationRate(1, 0, 2)), "33.3%");
	EXPECT_EQ(FormatImplementationRate(ImplementationRate(1, 0, 6)), "14.3%");
	EXPECT_EQ(FormatImplementationRate(ImplementationRate(3, 0, 0)), "100.0%");
	EXPECT_EQ(FormatImplementationRate(ImplementationRate(0, 0, 4)), "0.0%");
	EXPECT_EQ(FormatImplementationRate(ImplementationRate(0, 2, 1)), "33.3%");
	EXPECT_EQ(FormatImplementationRate(ImplementationRate(2, 0, 1)), "66.7%");
	// Halves round up: 1/16 = 6.25% → 6.3%.
	EXPECT_EQ(FormatImplementationRate(ImplementationRate(0, 1, 7)), "6.3%");
	EXPECT_EQ(FormatImplementationRate(std::nullopt), "—");
	EXPECT_EQ(ImplementationRatePermille(0.625), 625);
	EXPECT_EQ(ImplementationRatePermille(std::nullopt), std::nullopt);
}

RC_GTEST_PROP(ImplementationRateProperty, FormattedRateHasOneDecimalAndIsWithinAHalfTenth, ()) {
	const int implemented = *rc::gen::inRange(0, 20);
	const int partial = *rc::gen::inRange(0, 20);
	const int not_implemented = *rc::gen::inRange(0, 20);
	RC_PRE(implemented + partial + not_implemented > 0);
	const auto rate = ImplementationRate(implemented, partial, not_implemented);
	const std::string text = FormatImplementationRate(rate);
	RC_ASSERT(text.size() >= 4u);
	RC_ASSERT(text.back() == '%');
	RC_ASSERT(text[text.size() - 3] == '.');
	const double shown = std::stod(text.substr(0, text.size() - 1));
	RC_ASSERT(std::abs(shown - *rate * 100.0) <= 0.05 + 1e-9);
	RC_ASSERT(shown >= 0.0 && shown <= 100.0);
}

TEST(AnalysisTest, CategoryRatesCountOneToThreeAndListUnanswered) {
	AnalysisInput input;
	input.answers = Answers({{"i1", 1}, {"i2", 2}, {"i7", 4}, {"i3", 3}});
	const auto result = AnalyzeRegister(Small(), input);
	ASSERT_EQ(result.categories.size(), 3u);
	EXPECT_EQ(result.categories[0].category->id, "org");
	EXPECT_EQ(result.categories[1].category->id, "tech");
	EXPECT_EQ(result.categories[2].category->id, "phys");

	const auto &tech = FindCategory(result, "tech");  // i1=1 i2=2 i7=4
	EXPECT_EQ(tech.implemented, 1);
	EXPECT_EQ(tech.partial, 1);
	EXPECT_EQ(tech.not_implemented, 0);
	EXPECT_EQ(tech.not_applicable, 1);
	EXPECT_TRUE(tech.unanswered.empty());
	ASSERT_TRUE(tech.rate.has_value());
	EXPECT_DOUBLE_EQ(*tech.rate, 0.75);  // (1 + ½) ÷ 2

	const auto &phys = FindCategory(result, "phys");  // i3=3, i5 unanswered
	EXPECT_EQ(phys.not_implemented, 1);
	EXPECT_EQ(phys.unanswered, (std::vector<std::string>{"i5"}));
	ASSERT_TRUE(phys.rate.has_value());
	EXPECT_DOUBLE_EQ(*phys.rate, 0.0);

	const auto &org = FindCategory(result, "org");  // nothing answered
	EXPECT_EQ(org.unanswered, (std::vector<std::string>{"i4", "i6"}));
	EXPECT_EQ(org.implemented + org.partial + org.not_implemented + org.not_applicable, 0);
	EXPECT_FALSE(org.rate.has_value());
}

TEST(AnalysisTest, CategoryAllNotApplicableHasNoRate) {
	AnalysisInput input;
	input.answers = Answers({{"i1", 4}, {"i2", 4}, {"i7", 4}});
	const AnalysisResult result = AnalyzeRegister(Small(), input);
	const auto &tech = FindCategory(result, "tech");
	EXPECT_EQ(tech.not_applicable, 3);
	EXPECT_FALSE(tech.rate.has_value());
	EXPECT_EQ(tech.need, RegulationNeed::kNotNeeded);
}

TEST(AnalysisTest, RegulationNeed) {
	// A paper asset of importance 2: p_theft ← i3 i4 with i3=3, i4=4 → vulnerability 3,
	// possibility 2, risk 4 (大) depending on i3 (phys). p_fire ← i3 → 1 × 2 = 2.
	// A pc asset of importance 2 with t_loss down to 1: t_leak ← i1 i2 i4 with i1=i2=4, i4=4
	// → gap, risk 6 (大) but no applicable item; t_loss ← i1(4) i6 i7 unanswered → 3, 1 → 2.
	AnalysisInput input;
	input.assets = {Asset("doc", "paper", 2, 0, 0), Asset("pc", "pc", 2, 0, 0)};
	input.frequencies = {{"t_loss", 1}, {"t_gap", 1}};
	input.answers = Answers({{"i3", 3}, {"i4", 4}, {"i1", 4}, {"i2", 4}});
	auto result = AnalyzeRegister(Small(), input);
	EXPECT_EQ(FindThreat(result.assets[0], "p_theft").risk_value, 4);
	EXPECT_EQ(FindThreat(result.assets[1], "t_leak").risk_value, 6);
	EXPECT_TRUE(FindThreat(result.assets[1], "t_leak").gap);
	EXPECT_EQ(FindThreat(result.assets[1], "t_loss").risk_value, 2);

	const auto &org = FindCategory(result, "org");
	EXPECT_EQ(org.need, RegulationNeed::kRequired);  // always required
	EXPECT_FALSE(org.need_from_high_risk);           // i4 is 4: not applicable under any 大 risk
	const auto &phys = FindCategory(result, "phys");
	EXPECT_EQ(phys.need, RegulationNeed::kRequired);  // i3 under the 大 p_theft
	EXPECT_TRUE(phys.need_from_high_risk);
	const auto &tech = FindCategory(result, "tech");
	EXPECT_EQ(tech.need, RegulationNeed::kRecommended);  // i7 unanswered applies, only under 中 risks
	EXPECT_FALSE(tech.need_from_high_risk);

	// Lowering the paper asset to importance 1 removes the 大 risk: phys falls to ○.
	input.assets[0].rating.confidentiality = 1;
	result = AnalyzeRegister(Small(), input);
	EXPECT_EQ(FindCategory(result, "phys").need, RegulationNeed::kRecommended);
	EXPECT_FALSE(FindCategory(result, "phys").need_from_high_risk);

	// Every phys item answered 4 → — ; org answered all 4 is still ◎.
	input.answers = Answers({{"i3", 4}, {"i5", 4}, {"i4", 4}, {"i6", 4}});
	result = AnalyzeRegister(Small(), input);
	EXPECT_EQ(FindCategory(result, "phys").need, RegulationNeed::kNotNeeded);
	EXPECT_EQ(FindCategory(result, "org").need, RegulationNeed::kRequired);
	EXPECT_FALSE(FindCategory(result, "org").rate.has_value());
	EXPECT_EQ(FindCategory(result, "tech").need, RegulationNeed::kRequired);  // i1 i2 i7 unanswered under 大 t_leak

	// All answered 1 and no 大 risk: ○ for tech and phys.
	input.answers.clear();
	for (const auto &id : kSmallItems) input.answers[id] = CheckAnswer::kImplemented;
	result = AnalyzeRegister(Small(), input);
	for (const auto &asset : result.assets) EXPECT_LE(asset.risk_value, 3);
	EXPECT_EQ(FindCategory(result, "tech").need, RegulationNeed::kRecommended);
	EXPECT_EQ(FindCategory(result, "phys").need, RegulationNeed::kRecommended);
	EXPECT_DOUBLE_EQ(*FindCategory(result, "tech").rate, 1.0);
}

TEST(AnalysisTest, HighRiskFromAnyAssetMakesCategoryRequired) {
	// t_leak 大 with i1=1, i2=1, i4=3 (vulnerability 2, 3 ÷ 2 → 2, × 2 = 4).
	AnalysisInput input;
	input.assets = {Asset("pc", "pc", 2, 0, 0)};
	input.frequencies = {{"t_loss", 1}, {"t_gap", 1}};
	input.answers = Answers({{"i1", 1}, {"i2", 1}, {"i4", 3}, {"i3", 1}, {"i5", 1}});
	const auto result = AnalyzeRegister(Small(), input);
	EXPECT_EQ(FindThreat(result.assets[0], "t_leak").risk_value, 4);
	// Items answered 1 still "bear on" the 大 risk.
	EXPECT_EQ(FindCategory(result, "tech").need, RegulationNeed::kRequired);
	EXPECT_TRUE(FindCategory(result, "tech").need_from_high_risk);
	EXPECT_TRUE(FindCategory(result, "org").need_from_high_risk);
	EXPECT_EQ(FindCategory(result, "phys").need, RegulationNeed::kRecommended);
}

// ---------------------------------------------------------------------------
// What-if
// ---------------------------------------------------------------------------

TEST(WhatIfTest, ListsExactlyTheChangedPairs) {
	// pc (importance 1): t_leak ← i1 i2 (unanswered) i4=3 → 3, 3 → risk 3.
	//   with i4=1: {3,3,1} → 2, ceil(3/2) = 2 → risk 2.
	// doc (importance 2): p_theft ← i3=3 i4=3 → 3, 2 → risk 4 大.
	//   with i3=i4=1 → 1, 1 → risk 2 中. p_fire ← i3: 3 → 1, ceil(1/1)=1 → 1, 1: risk 2 both.
	AnalysisInput input;
	input.assets = {Asset("pc", "pc", 1, 0, 0), Asset("doc", "paper", 2, 0, 0)};
	input.answers = Answers({{"i3", 3}, {"i4", 3}});
	const AnalysisInput original = input;

	AnalysisInput planned = input;
	planned.answers["i3"] = CheckAnswer::kImplemented;
	planned.answers["i4"] = CheckAnswer::kImplemented;

	const auto before = AnalyzeRegister(Small(), input);
	const auto after = AnalyzeRegister(Small(), planned);
	const auto changes = CompareWhatIf(before, after);
	ASSERT_EQ(changes.size(), 2u);
	EXPECT_EQ(changes[0].asset, &input.assets[0]);
	EXPECT_EQ(changes[0].threat->id, "t_leak");
	EXPECT_EQ(changes[0].before, 3);
	EXPECT_EQ(changes[0].after, 2);
	EXPECT_EQ(LevelId(changes[0].before_level), "medium");
	EXPECT_EQ(LevelId(changes[0].after_level), "medium");
	EXPECT_EQ(changes[1].asset, &input.assets[1]);
	EXPECT_EQ(changes[1].threat->id, "p_theft");
	EXPECT_EQ(changes[1].before, 4);
	EXPECT_EQ(changes[1].after, 2);
	EXPECT_EQ(LevelId(changes[1].before_level), "high");
	EXPECT_EQ(LevelId(changes[1].after_level), "medium");

	// The real answers and the earlier result are untouched.
	EXPECT_EQ(input.answers, original.answers);
	EXPECT_EQ(input.frequencies, original.frequencies);
	EXPECT_EQ(input.assets.size(), original.assets.size());
	EXPECT_EQ(FindThreat(before.assets[1], "p_theft").risk_value, 4);
	EXPECT_EQ(AnalyzeRegister(Small(), input).assets[1].risk_value, 4);
}

TEST(WhatIfTest, NoChangeNoEntries) {
	AnalysisInput input;
	input.assets = {Asset("pc", "pc", 2, 0, 0), Asset("doc", "paper", 1, 0, 0)};
	input.answers = Answers({{"i1", 2}, {"i3", 3}});
	const auto before = AnalyzeRegister(Small(), input);
	EXPECT_TRUE(CompareWhatIf(before, AnalyzeRegister(Small(), input)).empty());
	// Improving an item that covers no threat of the assets in use changes nothing.
	AnalysisInput pc_only = input;
	pc_only.assets.pop_back();
	AnalysisInput planned = pc_only;
	planned.answers["i3"] = CheckAnswer::kImplemented;  // covers paper threats only
	EXPECT_TRUE(CompareWhatIf(AnalyzeRegister(Small(), pc_only), AnalyzeRegister(Small(), planned)).empty());
}

TEST(WhatIfTest, WorseningIsListedToo) {
	AnalysisInput input;
	input.assets = {Asset("pc", "pc", 2, 0, 0)};
	input.frequencies = {{"t_loss", 1}, {"t_leak", 1}};
	input.answers = Answers({{"i5", 1}});
	AnalysisInput planned = input;
	planned.answers["i5"] = CheckAnswer::kNotApplicable;  // t_gap becomes a gap: 1,1 → 3,2
	const auto changes = CompareWhatIf(AnalyzeRegister(Small(), input), AnalyzeRegister(Small(), planned));
	ASSERT_EQ(changes.size(), 1u);
	EXPECT_EQ(changes[0].threat->id, "t_gap");
	EXPECT_EQ(changes[0].before, 2);
	EXPECT_EQ(changes[0].after, 4);
	EXPECT_EQ(input.answers.at("i5"), CheckAnswer::kImplemented);
}

// ---------------------------------------------------------------------------
// Properties on the small edition
// ---------------------------------------------------------------------------

//! A random register, frequencies and answers over the small edition.
AnalysisInput GenInput() {
	AnalysisInput input;
	const int count = *rc::gen::inRange(1, 4);
	for (int idx = 0; idx < count; ++idx) {
		const char *media[] = {"pc", "paper"};
		RegisterAsset asset = Asset("a", media[*rc::gen::inRange(0, 2)], *rc::gen::inRange(0, 3),
		                            *rc::gen::inRange(0, 3), *rc::gen::inRange(0, 3));
		asset.key = "a" + std::to_string(idx);
		asset.rating.personal_info = *rc::gen::inRange(0, 5) == 0;
		input.assets.push_back(asset);
	}
	for (const char *threat : {"t_leak", "t_loss", "t_gap", "p_theft", "p_fire"}) {
		const int frequency = *rc::gen::inRange(0, 4);  // 0: catalog default
		if (frequency > 0) input.frequencies[threat] = frequency;
	}
	for (const auto &id : kSmallItems) {
		const int answer = *rc::gen::inRange(0, 5);  // 0: unanswered
		if (answer > 0) input.answers[id] = static_cast<CheckAnswer>(answer);
	}
	return input;
}

RC_GTEST_PROP(AnalysisProperty, ImprovingAnAnswerNeverRaisesARisk, ()) {
	const AnalysisInput input = GenInput();
	const std::string item = kSmallItems[*rc::gen::inRange<size_t>(0, kSmallItems.size())];
	auto found = input.answers.find(item);
	const int current = found == input.answers.end() ? 3 : static_cast<int>(found->second);
	RC_PRE(current == 2 || current == 3);
	AnalysisInput planned = input;
	planned.answers[item] = static_cast<CheckAnswer>(current - 1);

	const auto before = AnalyzeRegister(Small(), input);
	const auto after = AnalyzeRegister(Small(), planned);
	RC_ASSERT(before.assets.size() == after.assets.size());
	for (size_t a = 0; a < before.assets.size(); ++a) {
		RC_ASSERT(after.assets[a].risk_value <= before.assets[a].risk_value);
		RC_ASSERT(before.assets[a].threats.size() == after.assets[a].threats.size());
		for (size_t t = 0; t < before.assets[a].threats.size(); ++t) {
			RC_ASSERT(after.assets[a].threats[t].vulnerability <= before.assets[a].threats[t].vulnerability);
			RC_ASSERT(after.assets[a].threats[t].risk_value <= before.assets[a].threats[t].risk_value);
		}
	}
	for (const auto &change : CompareWhatIf(before, after)) RC_ASSERT(change.after < change.before);
}

RC_GTEST_PROP(AnalysisProperty, ValuesStayOnTheScale, ()) {
	const AnalysisInput input = GenInput();
	const auto result = AnalyzeRegister(Small(), input);
	RC_ASSERT(result.assets.size() == input.assets.size());
	for (const auto &asset : result.assets) {
		RC_ASSERT(asset.importance >= 0 && asset.importance <= 2);
		int largest = 0;
		for (const auto &threat : asset.threats) {
			RC_ASSERT(threat.vulnerability >= 1 && threat.vulnerability <= 3);
			RC_ASSERT(threat.frequency >= 1 && threat.frequency <= 3);
			const int divisor = 4 - threat.vulnerability;
			RC_ASSERT(threat.possibility == (threat.frequency + divisor - 1) / divisor);
			RC_ASSERT(threat.possibility >= 1 && threat.possibility <= 3);
			RC_ASSERT(threat.risk_value == asset.importance * threat.possibility);
			RC_ASSERT(threat.risk_value >= 0 && threat.risk_value <= 6);
			RC_ASSERT(threat.level != nullptr);
			RC_ASSERT(threat.level->min <= threat.risk_value && threat.risk_value <= threat.level->max);
			RC_ASSERT(threat.gap == threat.applicable.empty());
			if (threat.gap) RC_ASSERT(threat.vulnerability == 3);
			for (const auto &covering : threat.applicable) {
				RC_ASSERT(!(covering.answer && *covering.answer == CheckAnswer::kNotApplicable));
			}
			largest = std::max(largest, threat.risk_value);
		}
		RC_ASSERT(asset.risk_value == largest);
		RC_ASSERT(asset.driving_threat >= 0);
		RC_ASSERT(asset.threats[asset.driving_threat].risk_value == largest);
		for (int t = 0; t < asset.driving_threat; ++t) RC_ASSERT(asset.threats[t].risk_value < largest);
		RC_ASSERT(asset.level != nullptr);
	}
	for (const auto &category : result.categories) {
		if (category.rate) RC_ASSERT(*category.rate >= 0.0 && *category.rate <= 1.0);
		const int counted = category.implemented + category.partial + category.not_implemented +
		                    category.not_applicable + static_cast<int>(category.unanswered.size());
		const auto items = std::count_if(Small().risk_catalog.check_items.begin(), Small().risk_catalog.check_items.end(),
		                                 [&](const CheckItem &item) { return item.category == category.category->id; });
		RC_ASSERT(counted == items);
	}
}

RC_GTEST_PROP(AnalysisProperty, ImportanceZeroIsAlwaysLow, ()) {
	AnalysisInput input = GenInput();
	const size_t idx = *rc::gen::inRange<size_t>(0, input.assets.size());
	input.assets[idx].rating = AssetRating{0, 0, 0};
	const auto result = AnalyzeRegister(Small(), input);
	const auto &asset = result.assets[idx];
	RC_ASSERT(asset.importance == 0);
	RC_ASSERT(asset.risk_value == 0);
	RC_ASSERT(asset.level->id == std::string("low"));
	for (const auto &threat : asset.threats) {
		RC_ASSERT(threat.risk_value == 0);
		RC_ASSERT(threat.level->id == std::string("low"));
	}
}

RC_GTEST_PROP(AnalysisProperty, DerivedVulnerabilityInRange, ()) {
	const int count = *rc::gen::inRange(0, 8);
	std::vector<CoveringItem> applicable;
	static const CheckItem item = Item("x", "tech", {});
	bool all_one = count > 0, all_three = true;
	for (int idx = 0; idx < count; ++idx) {
		const int value = *rc::gen::inRange(0, 4);  // 0: unanswered; 4 never applies
		applicable.push_back(CoveringItem{&item, value == 0 ? std::nullopt : std::optional<CheckAnswer>(static_cast<CheckAnswer>(value))});
		const int effective = value == 0 ? 3 : value;
		all_one = all_one && effective == 1;
		all_three = all_three && effective == 3;
	}
	const int vulnerability = DeriveVulnerability(applicable);
	RC_ASSERT(vulnerability >= 1 && vulnerability <= 3);
	RC_ASSERT(vulnerability == (all_one ? 1 : all_three ? 3 : 2));
}

RC_GTEST_PROP(AnalysisProperty, WhatIfNeverMutatesTheInput, ()) {
	const AnalysisInput input = GenInput();
	const AnalysisInput copy = input;
	AnalysisInput planned = input;
	for (const auto &id : kSmallItems) {
		if (*rc::gen::arbitrary<bool>()) planned.answers[id] = CheckAnswer::kImplemented;
	}
	const auto before = AnalyzeRegister(Small(), input);
	const auto after = AnalyzeRegister(Small(), planned);
	const auto changes = CompareWhatIf(before, after);
	RC_ASSERT(input.answers == copy.answers);
	RC_ASSERT(input.frequencies == copy.frequencies);
	// Exactly the pairs whose value differs.
	size_t differing = 0;
	for (size_t a = 0; a < before.assets.size(); ++a) {
		for (size_t t = 0; t < before.assets[a].threats.size(); ++t) {
			if (before.assets[a].threats[t].risk_value != after.assets[a].threats[t].risk_value) ++differing;
		}
	}
	RC_ASSERT(changes.size() == differing);
	for (const auto &change : changes) {
		RC_ASSERT(change.before != change.after);
		RC_ASSERT(change.before_level != nullptr && change.after_level != nullptr);
	}
}

// ---------------------------------------------------------------------------
// The shipped catalog
// ---------------------------------------------------------------------------

//! One asset of importance 2 per medium of the catalog.
AnalysisInput OneAssetPerMedium() {
	AnalysisInput input;
	for (const auto &medium : testing_support::ShippedEdition().risk_catalog.media) {
		RegisterAsset asset = Asset("", "", 2, 2, 2);
		asset.key = medium.id;
		asset.name = medium.name;
		asset.medium = medium.id;
		input.assets.push_back(asset);
	}
	return input;
}

AnalysisInput AllAnswered(CheckAnswer answer) {
	AnalysisInput input = OneAssetPerMedium();
	for (const auto &item : testing_support::ShippedEdition().risk_catalog.check_items) input.answers[item.id] = answer;
	return input;
}

TEST(AnalysisCatalogTest, EveryThreatIsCoveredByCheckItems) {
	const auto &catalog = testing_support::ShippedEdition().risk_catalog;
	ASSERT_EQ(catalog.media.size(), 6u);
	for (const auto &medium : catalog.media) {
		for (const auto &threat : medium.threats) {
			const auto covering = std::count_if(catalog.check_items.begin(), catalog.check_items.end(), [&](const CheckItem &item) {
				return std::find(item.threats.begin(), item.threats.end(), threat.id) != item.threats.end();
			});
			EXPECT_GE(covering, 1) << threat.id;
			EXPECT_GE(covering, 2) << threat.id << " (the catalog promises two items per threat)";
		}
	}
	// Nothing answered 4 → no gaps, with every medium in use.
	const auto result = AnalyzeRegister(testing_support::ShippedEdition(), OneAssetPerMedium());
	EXPECT_TRUE(result.uncovered_threats.empty());
	for (const auto &asset : result.assets) {
		EXPECT_FALSE(asset.threats.empty()) << asset.asset->key;
		for (const auto &threat : asset.threats) EXPECT_FALSE(threat.gap) << threat.threat->id;
	}
}

TEST(AnalysisCatalogTest, EveryCheckItemTagIsAKnownThreatAndCategory) {
	const auto &catalog = testing_support::ShippedEdition().risk_catalog;
	for (const auto &item : catalog.check_items) {
		EXPECT_NE(catalog.FindCategory(item.category), nullptr) << item.id;
		EXPECT_FALSE(item.threats.empty()) << item.id;
		for (const auto &threat : item.threats) EXPECT_NE(catalog.FindThreat(threat), nullptr) << item.id << " " << threat;
	}
}

TEST(AnalysisCatalogTest, AllImplementedGivesVulnerabilityOne) {
	const AnalysisInput input = AllAnswered(CheckAnswer::kImplemented);
	const auto result = AnalyzeRegister(testing_support::ShippedEdition(), input);
	ASSERT_EQ(result.assets.size(), 6u);
	for (const auto &asset : result.assets) {
		for (const auto &threat : asset.threats) {
			EXPECT_EQ(threat.vulnerability, 1) << threat.threat->id;
			EXPECT_EQ(threat.possibility, 1) << threat.threat->id;  // ceil(f ÷ 3) = 1 for f ≤ 3
			EXPECT_EQ(threat.risk_value, 2) << threat.threat->id;
		}
		EXPECT_EQ(LevelId(asset.level), "medium");
	}
	for (const auto &category : result.categories) {
		ASSERT_TRUE(category.rate.has_value()) << category.category->id;
		EXPECT_DOUBLE_EQ(*category.rate, 1.0);
		EXPECT_EQ(category.need, category.category->always_required ? RegulationNeed::kRequired
		                                                            : RegulationNeed::kRecommended)
		    << category.category->id;
	}
}

TEST(AnalysisCatalogTest, AllNotImplementedGivesVulnerabilityThree) {
	const AnalysisInput input = AllAnswered(CheckAnswer::kNotImplemented);
	const auto result = AnalyzeRegister(testing_support::ShippedEdition(), input);
	for (const auto &asset : result.assets) {
		for (const auto &threat : asset.threats) {
			EXPECT_EQ(threat.vulnerability, 3) << threat.threat->id;
			EXPECT_FALSE(threat.gap) << threat.threat->id;
			EXPECT_EQ(threat.possibility, threat.frequency) << threat.threat->id;
		}
	}
	for (const auto &category : result.categories) {
		ASSERT_TRUE(category.rate.has_value());
		EXPECT_DOUBLE_EQ(*category.rate, 0.0);
	}
}

TEST(AnalysisCatalogTest, AllPartialGivesVulnerabilityTwo) {
	const auto result = AnalyzeRegister(testing_support::ShippedEdition(), AllAnswered(CheckAnswer::kPartial));
	for (const auto &asset : result.assets) {
		for (const auto &threat : asset.threats) EXPECT_EQ(threat.vulnerability, 2) << threat.threat->id;
	}
	for (const auto &category : result.categories) EXPECT_DOUBLE_EQ(*category.rate, 0.5);
}

TEST(AnalysisCatalogTest, AllNotApplicableLeavesEveryThreatAGap) {
	const auto result = AnalyzeRegister(testing_support::ShippedEdition(), AllAnswered(CheckAnswer::kNotApplicable));
	size_t threats = 0;
	for (const auto &medium : testing_support::ShippedEdition().risk_catalog.media) threats += medium.threats.size();
	EXPECT_EQ(result.uncovered_threats.size(), threats);
	for (const auto &category : result.categories) {
		EXPECT_FALSE(category.rate.has_value());
		EXPECT_EQ(category.need, category.category->always_required ? RegulationNeed::kRequired
		                                                            : RegulationNeed::kNotNeeded)
		    << category.category->id;
	}
}

TEST(AnalysisCatalogTest, GuidelineServerExample) {
	// 第2部 5(6) 手順2 ②: 社内サーバー — サイバー攻撃 3, 内部不正 2, 故障 1.
	const RiskMedium *server = testing_support::ShippedEdition().risk_catalog.FindMedium("server");
	ASSERT_NE(server, nullptr);
	ASSERT_GE(server->threats.size(), 3u);
	EXPECT_EQ(server->threats[0].default_frequency, 3);
	EXPECT_EQ(server->threats[1].default_frequency, 2);
	EXPECT_EQ(server->threats[2].default_frequency, 1);
}

} // namespace
} // namespace mamori
