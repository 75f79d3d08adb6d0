// mamori/core/catalog/edition.hpp
//
// The guideline content of one edition, as loaded from content/editions/<id>/.
// Scales and wording belong to the edition, so none of this is compiled in.
#pragma once

#include "core/benchmark/position.hpp"

#include "core/catalog/source_ref.hpp"
#include "core/document/document_template.hpp"
#include "core/incident/exercise_scenario.hpp"
#include "core/incident/incident_rules.hpp"
#include "core/owner/owner_guide.hpp"
#include "core/security/common_passwords.hpp"
#include "core/training/training_content.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mamori {


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

//! A footnote of 表4 (※1, ※2): it explains a term, and belongs to every
//! item whose wording uses that term.
struct SelfcheckFootnote {
	std::string id;
	std::string mark;  // ※2
	std::string term;  // 重要情報
	std::string text;  // the guideline's definition
	SourceRef source;
};

struct SelfcheckItem {
	int number = 0;
	std::string group;  // SelfcheckGroup::id
	std::string text;   // official wording (表4)
	std::string short_title;
	std::string damage;  // what can happen when it is not done (own words)
	std::vector<std::string> countermeasures;  // 2–3 examples (own words)
	SourceRef source;
	std::vector<SelfcheckFootnote> footnotes;  // those whose term the text uses
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
	std::string representative_title;        // the signature's default title (代表取締役), may be empty
	std::vector<PolicyClause> clauses;
	SourceRef source;
};

//! Risk scale of an edition (methodology §4, §4b).
struct RiskLevelBand {
	std::string id;  // high / medium / low
	std::string label;  // 大 / 中 / 小
	int min = 0;
	int max = 0;
	std::string description;  // 表13: 深刻な事故が起きる可能性大, ...
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
	std::string description;  // optional longer wording (表13 for 被害発生可能性)
};

enum class ThreatImpact { kConfidentiality, kIntegrity, kAvailability };  // 漏えい, 改ざん, 消失・停止

struct RiskThreat {
	std::string id;
	std::string name;
	ThreatImpact impact = ThreatImpact::kConfidentiality;
	int default_frequency = 1;
	std::string description;
	//! Where the guideline gives the default (表14, 手順2 ②); empty when mamori chose it.
	std::string frequency_source;
};

//! 媒体・保存先 with the threats that apply to it (methodology §4a, defined there).
struct RiskMedium {
	std::string id;
	std::string name;
	std::string description;
	std::vector<RiskThreat> threats;
};

//! Whether a number or a text is the guideline's own or mamori's.
enum class Provenance {
	kSeed,     // printed in the guideline (the seed text)
	kAssumed,  // mamori's assumption
	kTable7,   // taken from 表7 (the names of the 付録5 regulations)
	kMamori,   // written by mamori
};

//! A category of the 診断結果 sheet (（1）組織的セキュリティ対策, ...), with the
//! 付録5 regulation that writes its measures down.
struct ControlCategory {
	std::string id;
	int number = 0;     // the sheet's （n）
	std::string name;   // the sheet's name
	bool always_required = false;  // ◎ regardless of risks (組織的・人的セキュリティ対策)
	Provenance numbering = Provenance::kAssumed;
	Provenance naming = Provenance::kAssumed;
	int regulation_number = 0;    // 付録5 / 表7 number
	std::string regulation_name;  // 付録5 / 表7 name (組織的対策, 物理的対策, ...)
};

//! One item of the 対策状況チェック, tagged with the threats it protects against.
struct CheckItem {
	std::string id;
	std::string category;
	std::string text;
	std::string help;
	std::vector<std::string> threats;
	SourceRef source;
	Provenance wording = Provenance::kMamori;  // kSeed: the sheet's own question
	std::vector<std::string> replaces;  // ids of the 59-item catalog this item took over
};

//! How the 診断結果 words a category's need for a regulation (◎ / ○ / —).
struct RegulationNeedLabel {
	std::string id;      // required / recommended / not_needed
	std::string mark;    // ◎ / ○ / —  (情報セキュリティ関連規程 策定の必要性)
	std::string label;   // 必須 / 必要 / 不要
	std::string advice;  // 付録５…対策規定の要否: 対策を規定して下さい
};

struct RiskCatalog {
	std::vector<ScaleLabel> frequency_labels;
	std::vector<ScaleLabel> vulnerability_labels;
	std::vector<ScaleLabel> possibility_labels;
	std::vector<ScaleLabel> check_answer_labels;
	std::vector<RegulationNeedLabel> regulation_needs;
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
	std::string section;  // guideline section, e.g. 「第2部 3(2)」
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
	std::vector<document::DocumentTemplate> document_templates;  // documents/*.yaml, by file name
	OwnerGuide owner;  // owner.yaml: 第1部 3原則 and 重要7項目

	const SelfcheckItem *FindItem(int number) const;
	const document::DocumentTemplate *FindDocumentTemplate(std::string_view id) const;
	int ItemCount() const { return static_cast<int>(selfcheck_items.size()); }
};

//! SME limits of 中小企業基本法 第2条 (not edition-bound: it is law).
//! Which rule sets an industry's limits: 中小企業基本法 第2条 itself, or a
//! special case that related laws set by 政令 (methodology §3).
enum class SmeBasis { kGeneral, kSpecialCase };

struct SmeIndustryLimit {
	std::string industry;  // manufacturing / ... / rubber_products / hotels / software_it
	std::string label;     // 製造業その他 ...
	long long capital_limit_yen = 0;  // inclusive
	int employee_limit = 0;           // inclusive
	int small_business_employee_limit = 0;  // 小規模企業者, inclusive
	SmeBasis basis = SmeBasis::kGeneral;
	SourceRef source;  // the file's source unless the entry names its own
};

struct SmeCriteria {
	std::vector<SmeIndustryLimit> industries;
	SourceRef source;
	const SmeIndustryLimit *Find(const std::string &industry) const;
	//! "manufacturing, wholesale, ..." in catalog order, for error messages.
	std::string IndustryNames() const;
};

//! Everything under content/: editions by id, plus edition-independent data.
struct Catalog {
	std::map<std::string, Edition> editions;
	std::string default_edition;
	SmeCriteria sme;
	BenchmarkRules benchmark;  // content/benchmark.yaml
	incident::IncidentRules incident;
	std::vector<incident::ExerciseScenario> exercises;  // built-in tabletop exercises (content/incident/exercises/)
	training::TrainingContent training;  // content/training/quizzes.yaml
	CommonPasswords common_passwords;

	const Edition &DefaultEdition() const { return editions.at(default_edition); }
	const Edition *FindEdition(const std::string &id) const;
};

} // namespace mamori
