// mamori/core/catalog/edition.hpp
//
// The guideline content of one edition, as loaded from content/editions/<id>/.
// Scales and wording belong to the edition, so none of this is compiled in.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mamori {

//! Where a piece of content comes from in the guideline ("付録3 表4").
struct SourceRef {
	std::string document;  // e.g. "中小企業の情報セキュリティ対策ガイドライン 第3版"
	std::string location;  // e.g. "付録3 / 表4"
};

struct FiveArticle {
	int number = 0;
	std::string title;        // official short title
	std::string explanation;  // our own words
	std::vector<std::string> actions;  // concrete things to do, our own words
	SourceRef source;
};

struct SelfcheckGroup {
	std::string id;    // stable machine id: "basic", "employee", "organization"
	std::string name;  // 基本的対策 ...
	int first_item = 0;
	int last_item = 0;
};

struct SelfcheckItem {
	int number = 0;
	std::string group;  // SelfcheckGroup::id
	std::string text;   // official wording (表4)
	std::string short_title;
	std::string damage;  // what can happen when it is not done (own words)
	std::vector<std::string> countermeasures;  // 2–3 examples (own words)
	SourceRef source;
};

//! A reading of the total score (the sheet's own bands).
struct ScoreBand {
	std::string id;  // complete / partial / insufficient / critical
	int min = 0;     // inclusive
	int max = 0;     // inclusive
	std::string label;   // 現在の状況
	std::string advice;  // 次にすべきこと
};

struct SelfcheckRules {
	int implemented_points = 4;
	int partial_points = 2;
	int not_implemented_points = 0;
	int unknown_points = -1;
	std::vector<SelfcheckGroup> groups;
	std::vector<ScoreBand> bands;  // ordered from best to worst
};

struct PolicyClause {
	std::string id;
	std::string title;
	std::string text;  // may contain {{company_short}} placeholders
	bool default_selected = true;
	bool required = false;
	//! One of 付録2's sample clauses: on by default, and leaving it out needs a
	//! reason that is kept with the version.
	bool sample = false;
	SourceRef source;  // where the clause (or the item it fills in) comes from
};

struct PolicyTemplate {
	std::string title;     // 情報セキュリティ基本方針
	std::string preamble;  // contains {{company}} and {{scope}} placeholders
	std::vector<std::string> scope_options;  // offered choices for {{scope}}, first is the default
	std::vector<PolicyClause> clauses;
	SourceRef source;
};

//! Risk scale of an edition (methodology §4, §4b).
struct RiskLevelBand {
	std::string id;  // high / medium / low
	std::string label;  // 大 / 中 / 小
	int min = 0;
	int max = 0;
};

struct RiskScale {
	int rating_min = 0;  // C/I/A lower bound (3.0: 0)
	int rating_max = 2;  // C/I/A upper bound (3.0: 2)
	int override_importance = 2;  // importance forced by personal data / business-critical
	int threat_min = 1;
	int threat_max = 3;
	int vulnerability_min = 1;
	int vulnerability_max = 3;
	std::vector<RiskLevelBand> levels;
};

//! A labelled value of a scale (脅威 3 = いつ発生してもおかしくない, ...).
struct ScaleLabel {
	int value = 0;
	std::string label;
};

enum class ThreatImpact { kConfidentiality, kIntegrity, kAvailability };  // 漏えい, 改ざん, 消失・停止

struct RiskThreat {
	std::string id;
	std::string name;
	ThreatImpact impact = ThreatImpact::kConfidentiality;
	int default_frequency = 1;
	std::string description;
};

//! 媒体・保存先 with the threats that apply to it (methodology §4a, defined there).
struct RiskMedium {
	std::string id;
	std::string name;
	std::string description;
	std::vector<RiskThreat> threats;
};

//! A regulation category of 付録5 (組織的対策, 人的対策, ...).
struct ControlCategory {
	std::string id;
	int number = 0;
	std::string name;
	bool always_required = false;  // ◎ regardless of risks (組織的対策, 人的対策)
};

//! One item of the 対策状況チェック, tagged with the threats it protects against.
struct CheckItem {
	std::string id;
	std::string category;
	std::string text;
	std::string help;
	std::vector<std::string> threats;
	SourceRef source;
};

struct RiskCatalog {
	std::vector<ScaleLabel> frequency_labels;
	std::vector<ScaleLabel> vulnerability_labels;
	std::vector<ScaleLabel> possibility_labels;
	std::vector<ScaleLabel> check_answer_labels;
	//! 表10 criteria per C/I/A value, keyed "confidentiality" / "integrity" / "availability".
	std::map<std::string, std::vector<ScaleLabel>> criteria;
	std::vector<RiskMedium> media;
	std::vector<ControlCategory> categories;
	std::vector<CheckItem> check_items;

	const RiskMedium *FindMedium(const std::string &id) const;
	const RiskThreat *FindThreat(const std::string &id) const;
	const CheckItem *FindCheckItem(const std::string &id) const;
	const ControlCategory *FindCategory(const std::string &id) const;
};

//! A row of the 情報資産管理台帳 (表12) as it appears in a template.
struct AssetTemplateRow {
	std::string business_category;
	std::string name;
	std::string note;
	std::string users;
	std::string department;
	std::string medium;
	bool personal_info = false;
	bool sensitive_personal_info = false;
	bool my_number = false;
	int confidentiality = 0;
	int integrity = 0;
	int availability = 0;
	bool business_critical = false;
	std::string retention;
	std::string risk_owner;
};

struct AssetTemplate {
	std::string id;
	std::string name;
	std::string description;
	SourceRef source;
	std::vector<AssetTemplateRow> rows;
};

//! The step-up path of 表3: steps, and the tasks of each.
struct PathTaskDefinition {
	std::string id;     // "five_articles", "selfcheck", "basic_policy", ...
	std::string title;  // as in 表3
	std::string section;  // guideline section, e.g. "第2部 3(2)"
	std::vector<int> key_items;  // 重要7項目 this task serves (表3)
};

struct PathStepDefinition {
	int number = 0;
	std::string title;
	std::vector<PathTaskDefinition> tasks;
};

struct Edition {
	std::string id;     // "3.0"
	std::string title;  // full guideline title
	std::string published;  // year or date of the edition
	std::vector<FiveArticle> five_articles;
	SelfcheckRules selfcheck_rules;
	std::vector<SelfcheckItem> selfcheck_items;  // sorted by number
	PolicyTemplate policy_template;
	RiskScale risk_scale;
	std::vector<PathStepDefinition> step_path;
	RiskCatalog risk_catalog;
	std::vector<AssetTemplate> asset_templates;

	const SelfcheckItem *FindItem(int number) const;
	int ItemCount() const { return static_cast<int>(selfcheck_items.size()); }
};

//! SME limits of 中小企業基本法 第2条 (not edition-bound: it is law).
struct SmeIndustryLimit {
	std::string industry;  // manufacturing / wholesale / retail / services / other
	std::string label;     // 製造業その他 ...
	long long capital_limit_yen = 0;  // inclusive
	int employee_limit = 0;           // inclusive
	int small_business_employee_limit = 0;  // 小規模企業者, inclusive
};

struct SmeCriteria {
	std::vector<SmeIndustryLimit> industries;
	SourceRef source;
	const SmeIndustryLimit *Find(const std::string &industry) const;
};

//! Everything under content/: editions by id, plus edition-independent data.
struct Catalog {
	std::map<std::string, Edition> editions;
	std::string default_edition;
	SmeCriteria sme;
	std::vector<std::string> common_passwords;  // lower-case

	const Edition &DefaultEdition() const { return editions.at(default_edition); }
	const Edition *FindEdition(const std::string &id) const;
};

} // namespace mamori
