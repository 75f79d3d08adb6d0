// mamori/core/catalog/catalog_loader.cpp
#include "core/catalog/catalog_loader.hpp"

#include "core/catalog/content_reader.hpp"
#include "core/catalog/document_template_loader.hpp"
#include "core/catalog/exercise_scenario_loader.hpp"
#include "core/catalog/incident_rules_loader.hpp"
#include "core/catalog/training_quizzes_loader.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <iterator>
#include <set>
#include <sstream>

namespace mamori {
namespace {

using catalog_detail::CatalogProblem;
using catalog_detail::ParseFile;
using catalog_detail::ParseMemo;
using catalog_detail::Reader;


SelfcheckRules ReadSelfcheckRules(const Reader &edition) {
	Reader selfcheck = edition.Child("selfcheck");
	SelfcheckRules rules;
	Reader points = selfcheck.Child("points");
	rules.implemented_points = points.Int("implemented");
	rules.partial_points = points.Int("partial");
	rules.not_implemented_points = points.Int("not_implemented");
	rules.unknown_points = points.Int("unknown");

	std::set<std::string> group_ids;
	for (const auto &entry : selfcheck.Items("groups")) {
		SelfcheckGroup group{entry.String("id"), entry.String("name"), entry.Int("first"), entry.Int("last")};
		if (!group_ids.insert(group.id).second) {
			entry.Fail("duplicate group id '" + group.id + "'");
		}
		if (group.first_item < 1 || group.last_item < group.first_item) {
			entry.Fail("first/last do not form a range");
		}
		const int expected_first = rules.groups.empty() ? 1 : rules.groups.back().last_item + 1;
		if (group.first_item != expected_first) {
			entry.Fail("groups must cover the items in order without gaps; expected first: " +
			           std::to_string(expected_first));
		}
		rules.groups.push_back(group);
	}
	if (rules.groups.empty()) {
		selfcheck.Fail("at least one group is required");
	}

	std::set<std::string> band_ids;
	for (const auto &entry : selfcheck.Items("bands")) {
		ScoreBand band{entry.String("id"), entry.Int("min"), entry.Int("max"), entry.String("label"),
		               entry.String("advice")};
		if (!band_ids.insert(band.id).second) {
			entry.Fail("duplicate band id '" + band.id + "'");
		}
		if (band.max < band.min) {
			entry.Fail("max is below min");
		}
		if (!rules.bands.empty() && band.max >= rules.bands.back().min) {
			entry.Fail("bands must be listed best first and must not overlap");
		}
		rules.bands.push_back(band);
	}
	if (rules.bands.empty()) {
		selfcheck.Fail("at least one band is required");
	}
	return rules;
}

RiskScale ReadRiskScale(const Reader &edition) {
	Reader risk = edition.Child("risk");
	RiskScale scale;
	scale.rating_min = risk.Child("rating").Int("min");
	scale.rating_max = risk.Child("rating").Int("max");
	scale.override_importance = risk.Int("override_importance");
	scale.threat_min = risk.Child("threat").Int("min");
	scale.threat_max = risk.Child("threat").Int("max");
	scale.vulnerability_min = risk.Child("vulnerability").Int("min");
	scale.vulnerability_max = risk.Child("vulnerability").Int("max");
	if (scale.vulnerability_max >= 4 || scale.vulnerability_min < 1) {
		risk.Fail("vulnerability must stay within 1..3 (the possibility formula divides by 4 − vulnerability)");
	}
	for (const auto &entry : risk.Items("levels")) {
		RiskLevelBand level{entry.String("id"), entry.String("label"), entry.Int("min"), entry.Int("max"),
		                    entry.OptionalString("description")};
		if (level.max < level.min) {
			entry.Fail("max is below min");
		}
		scale.levels.push_back(level);
	}
	if (scale.levels.empty()) {
		risk.Fail("at least one level is required");
	}
	return scale;
}

std::vector<PathStepDefinition> ReadStepPath(const Reader &edition) {
	std::vector<PathStepDefinition> steps;
	std::set<std::string> task_ids;
	for (const auto &entry : edition.Items("step_path")) {
		PathStepDefinition step;
		step.number = entry.Int("number");
		step.title = entry.String("title");
		if (step.number != static_cast<int>(steps.size()) + 1) {
			entry.Fail("steps must be numbered 1, 2, ... in order");
		}
		for (const auto &task_entry : entry.Items("tasks")) {
			PathTaskDefinition task{task_entry.String("id"), task_entry.String("title"),
			                        task_entry.OptionalString("section"), {}};
			if (task_entry.Has("key_items")) {
				task.key_items = task_entry.Ints("key_items");
			}
			if (!task_ids.insert(task.id).second) {
				task_entry.Fail("duplicate task id '" + task.id + "'");
			}
			step.tasks.push_back(task);
		}
		steps.push_back(step);
	}
	return steps;
}

//! 第1部 3: the 3原則 and the 重要7項目 (owner.yaml). The items keep the
//! guideline's numbers 1..7 in order, because the owner's view and its
//! evidence rules (core/owner/key_items.hpp) refer to them by number and id.
OwnerGuide ReadOwnerGuide(const Reader &file) {
	OwnerGuide guide;
	guide.source = file.Source();
	for (const auto &entry : file.Items("principles")) {
		OwnerPrinciple principle{entry.Int("number"), entry.String("title"), entry.String("summary")};
		if (principle.number != static_cast<int>(guide.principles.size()) + 1) {
			entry.Fail("principles must be numbered 1, 2, ... in order");
		}
		guide.principles.push_back(principle);
	}
	static const char *const kItemIds[] = {"policy",    "budget_people", "risk_measures", "review",
	                                       "emergency", "outsourcing",   "information"};
	for (const auto &entry : file.Items("key_items")) {
		KeyItemDefinition item{entry.Int("number"), entry.String("id"), entry.String("title"), entry.String("summary"),
		                       entry.String("section")};
		const size_t index = guide.key_items.size();
		if (item.number != static_cast<int>(index) + 1) {
			entry.Fail("key items must be numbered 1, 2, ... in order");
		}
		if (index >= std::size(kItemIds) || item.id != kItemIds[index]) {
			entry.Child("id").Fail("item " + std::to_string(item.number) + " must have the id the evidence rules know");
		}
		guide.key_items.push_back(item);
	}
	if (guide.key_items.size() != std::size(kItemIds)) {
		file.Fail("key_items must list the 7 key items of Part 1, 3(2)");
	}
	return guide;
}

std::vector<FiveArticle> ReadFiveArticles(const Reader &file) {
	std::vector<FiveArticle> articles;
	for (const auto &entry : file.Items("articles")) {
		FiveArticle article{entry.Int("number"), entry.String("title"), entry.String("explanation"),
		                    entry.Strings("actions"), entry.Source()};
		if (article.number != static_cast<int>(articles.size()) + 1) {
			entry.Fail("articles must be numbered 1, 2, ... in order (found " + std::to_string(article.number) + ")");
		}
		articles.push_back(article);
	}
	if (articles.empty()) {
		file.Fail("no articles");
	}
	return articles;
}

std::vector<SelfcheckFootnote> ReadSelfcheckFootnotes(const Reader &file) {
	std::vector<SelfcheckFootnote> footnotes;
	if (!file.Has("footnotes")) {
		return footnotes;
	}
	std::set<std::string> ids;
	for (const auto &entry : file.Items("footnotes")) {
		SelfcheckFootnote note{entry.String("id"), entry.String("mark"), entry.String("term"), entry.String("text"),
		                       entry.Source()};
		if (!ids.insert(note.id).second) {
			entry.Fail("duplicate footnote id '" + note.id + "'");
		}
		footnotes.push_back(note);
	}
	return footnotes;
}

std::vector<SelfcheckItem> ReadSelfcheckItems(const Reader &file, const SelfcheckRules &rules) {
	const std::vector<SelfcheckFootnote> footnotes = ReadSelfcheckFootnotes(file);
	std::vector<SelfcheckItem> items;
	for (const auto &entry : file.Items("items")) {
		SelfcheckItem item;
		item.number = entry.Int("number");
		item.group = entry.String("group");
		item.short_title = entry.String("short_title");
		item.text = entry.String("text");
		item.damage = entry.String("damage");
		item.countermeasures = entry.Strings("countermeasures");
		item.source = entry.Source();
		if (item.number != static_cast<int>(items.size()) + 1) {
			entry.Fail("items must be numbered 1, 2, ... in order without duplicates (found " +
			           std::to_string(item.number) + ")");
		}
		auto group = std::find_if(rules.groups.begin(), rules.groups.end(),
		                          [&](const SelfcheckGroup &g) { return g.id == item.group; });
		if (group == rules.groups.end()) {
			entry.Fail("unknown group '" + item.group + "'");
		}
		if (item.number < group->first_item || item.number > group->last_item) {
			entry.Fail("item " + std::to_string(item.number) + " lies outside group '" + item.group + "'");
		}
		if (item.countermeasures.size() < 2 || item.countermeasures.size() > 3) {
			entry.Fail("countermeasures must list 2 or 3 examples");
		}
		// 表4 marks the term in every item that uses it, so the footnote follows the wording.
		for (const auto &note : footnotes) {
			if (item.text.find(note.term) != std::string::npos) {
				item.footnotes.push_back(note);
			}
		}
		items.push_back(item);
	}
	for (const auto &note : footnotes) {
		const bool used = std::any_of(items.begin(), items.end(), [&](const SelfcheckItem &item) {
			return item.text.find(note.term) != std::string::npos;
		});
		if (!used) {
			file.Fail("footnote '" + note.id + "': no item uses the term '" + note.term + "'");
		}
	}
	if (static_cast<int>(items.size()) != rules.groups.back().last_item) {
		file.Fail("expected " + std::to_string(rules.groups.back().last_item) + " items, found " +
		          std::to_string(items.size()));
	}
	return items;
}

PolicyTemplate ReadPolicyTemplate(const Reader &file) {
	PolicyTemplate tmpl;
	tmpl.title = file.String("title");
	tmpl.preamble = file.String("preamble");
	tmpl.source = file.Source();
	if (file.Has("scope_options")) {
		tmpl.scope_options = file.Strings("scope_options");
	}
	tmpl.representative_title = file.OptionalString("representative_title");
	std::set<std::string> ids;
	for (const auto &entry : file.Items("clauses")) {
		PolicyClause clause{entry.String("id"),          entry.String("title"),        entry.String("text"),
		                    entry.Bool("default", true),  entry.Bool("required", false), entry.Bool("sample", false),
		                    entry.Source()};
		if (!ids.insert(clause.id).second) {
			entry.Fail("duplicate clause id '" + clause.id + "'");
		}
		// A sample clause is on for a new policy; asking for a reason to leave
		// out a clause that was never in would make no sense.
		if (clause.sample && !clause.default_selected) {
			entry.Fail("sample clause '" + clause.id + "' must have default: true");
		}
		tmpl.clauses.push_back(clause);
	}
	if (tmpl.clauses.empty()) {
		file.Fail("no clauses");
	}
	return tmpl;
}

std::vector<ScaleLabel> ReadScale(const Reader &parent, const std::string &key) {
	std::vector<ScaleLabel> labels;
	for (const auto &entry : parent.Items(key)) {
		labels.push_back(ScaleLabel{entry.Int("value"), entry.Has("label") ? entry.String("label") : entry.String("text"),
		                            entry.OptionalString("description")});
	}
	return labels;
}

Provenance ReadProvenance(const Reader &entry, const std::string &key, std::initializer_list<Provenance> allowed) {
	static const std::map<std::string, Provenance> kNames = {{"seed", Provenance::kSeed},
	                                                         {"assumed", Provenance::kAssumed},
	                                                         {"table7", Provenance::kTable7},
	                                                         {"mamori", Provenance::kMamori}};
	const std::string text = entry.String(key);
	auto found = kNames.find(text);
	if (found == kNames.end() || std::find(allowed.begin(), allowed.end(), found->second) == allowed.end()) {
		std::string names;
		for (Provenance value : allowed) {
			for (const auto &[name, candidate] : kNames) {
				if (candidate == value) {
					names += (names.empty() ? "" : ", ") + name;
				}
			}
		}
		entry.Child(key).Fail("must be one of: " + names);
	}
	return found->second;
}

ThreatImpact ReadImpact(const Reader &entry) {
	const std::string impact = entry.String("impact");
	if (impact == "C") {
		return ThreatImpact::kConfidentiality;
	}
	if (impact == "I") {
		return ThreatImpact::kIntegrity;
	}
	if (impact == "A") {
		return ThreatImpact::kAvailability;
	}
	entry.Child("impact").Fail("impact must be C, I or A");
}

RiskCatalog ReadRiskCatalog(const Reader &file, const RiskScale &scale) {
	RiskCatalog catalog;
	Reader scales = file.Child("scales");
	catalog.frequency_labels = ReadScale(scales, "frequency");
	catalog.vulnerability_labels = ReadScale(scales, "vulnerability");
	catalog.possibility_labels = ReadScale(scales, "possibility");
	catalog.check_answer_labels = ReadScale(scales, "check_answers");
	for (const auto &entry : scales.Items("regulation_need")) {
		catalog.regulation_needs.push_back(RegulationNeedLabel{entry.String("id"), entry.String("mark"),
		                                                       entry.String("label"), entry.String("advice")});
	}
	for (const char *id : {"required", "recommended", "not_needed"}) {
		if (std::none_of(catalog.regulation_needs.begin(), catalog.regulation_needs.end(),
		                 [&](const RegulationNeedLabel &label) { return label.id == id; })) {
			scales.Child("regulation_need").Fail(std::string("the wording of '") + id + "' is missing");
		}
	}
	Reader criteria = scales.Child("criteria");
	for (const char *key : {"confidentiality", "integrity", "availability"}) {
		catalog.criteria[key] = ReadScale(criteria, key);
	}

	std::set<std::string> media_ids;
	std::set<std::string> threat_ids;
	for (const auto &entry : file.Items("media")) {
		RiskMedium medium{entry.String("id"), entry.String("name"), entry.OptionalString("description"), {}};
		if (!media_ids.insert(medium.id).second) {
			entry.Fail("duplicate medium id '" + medium.id + "'");
		}
		for (const auto &threat_entry : entry.Items("threats")) {
			RiskThreat threat{threat_entry.String("id"), threat_entry.String("name"), ReadImpact(threat_entry),
			                  threat_entry.Int("default_frequency"), threat_entry.OptionalString("description"),
			                  threat_entry.OptionalString("frequency_source")};
			if (!threat_ids.insert(threat.id).second) {
				threat_entry.Fail("duplicate threat id '" + threat.id + "'");
			}
			if (threat.default_frequency < scale.threat_min || threat.default_frequency > scale.threat_max) {
				threat_entry.Child("default_frequency").Fail("outside the threat scale");
			}
			medium.threats.push_back(threat);
		}
		if (medium.threats.empty()) {
			entry.Fail("a medium needs at least one threat");
		}
		catalog.media.push_back(medium);
	}

	std::set<std::string> category_ids;
	for (const auto &entry : file.Items("categories")) {
		ControlCategory category{entry.String("id"), entry.Int("number"), entry.String("name"),
		                         entry.Bool("always_required", false)};
		category.numbering = ReadProvenance(entry, "numbering", {Provenance::kSeed, Provenance::kAssumed});
		category.naming =
		    ReadProvenance(entry, "naming", {Provenance::kSeed, Provenance::kAssumed, Provenance::kTable7});
		Reader regulation = entry.Child("regulation");
		category.regulation_number = regulation.Int("number");
		category.regulation_name = regulation.String("name");
		if (!category_ids.insert(category.id).second) {
			entry.Fail("duplicate category id '" + category.id + "'");
		}
		// The sheet numbers its categories （1）, （2）, ... in order.
		if (category.number != static_cast<int>(catalog.categories.size()) + 1) {
			entry.Child("number").Fail("categories must be numbered 1, 2, ... in the sheet's order");
		}
		catalog.categories.push_back(category);
	}

	std::set<std::string> item_ids;
	std::set<std::string> replaced_ids;
	for (const auto &entry : file.Items("check_items")) {
		CheckItem item{entry.String("id"), entry.String("category"), entry.String("text"), entry.String("help"),
		               entry.Strings("threats"), entry.Source()};
		item.wording = ReadProvenance(entry, "wording", {Provenance::kSeed, Provenance::kMamori});
		if (entry.Has("replaces")) {
			item.replaces = entry.Strings("replaces");
		}
		for (const auto &old_id : item.replaces) {
			if (!replaced_ids.insert(old_id).second) {
				entry.Child("replaces").Fail("'" + old_id + "' is already replaced by another item");
			}
		}
		if (!item_ids.insert(item.id).second) {
			entry.Fail("duplicate check item id '" + item.id + "'");
		}
		if (category_ids.count(item.category) == 0) {
			entry.Fail("unknown category '" + item.category + "'");
		}
		for (const auto &threat : item.threats) {
			if (threat_ids.count(threat) == 0) {
				entry.Fail("unknown threat '" + threat + "'");
			}
		}
		catalog.check_items.push_back(item);
	}
	return catalog;
}

std::vector<AssetTemplate> ReadAssetTemplates(const Reader &file, const RiskCatalog &risk, const RiskScale &scale) {
	std::vector<AssetTemplate> templates;
	std::set<std::string> ids;
	for (const auto &entry : file.Items("templates")) {
		AssetTemplate tmpl{entry.String("id"), entry.String("name"), entry.OptionalString("description"), entry.Source(), {}};
		if (!ids.insert(tmpl.id).second) {
			entry.Fail("duplicate template id '" + tmpl.id + "'");
		}
		for (const auto &row_entry : entry.Items("rows")) {
			AssetTemplateRow row;
			row.business_category = row_entry.String("business_category");
			row.name = row_entry.String("name");
			row.note = row_entry.OptionalString("note");
			row.users = row_entry.OptionalString("users");
			row.department = row_entry.OptionalString("department");
			row.medium = row_entry.String("medium");
			row.personal_info = row_entry.Bool("personal_info", false);
			row.sensitive_personal_info = row_entry.Bool("sensitive_personal_info", false);
			row.my_number = row_entry.Bool("my_number", false);
			row.confidentiality = row_entry.Int("confidentiality");
			row.integrity = row_entry.Int("integrity");
			row.availability = row_entry.Int("availability");
			row.business_critical = row_entry.Bool("business_critical", false);
			row.retention = row_entry.OptionalString("retention");
			row.risk_owner = row_entry.OptionalString("risk_owner");
			if (risk.FindMedium(row.medium) == nullptr) {
				row_entry.Child("medium").Fail("unknown medium '" + row.medium + "'");
			}
			for (int rating : {row.confidentiality, row.integrity, row.availability}) {
				if (rating < scale.rating_min || rating > scale.rating_max) {
					row_entry.Fail("C/I/A ratings must be within the edition's scale");
				}
			}
			tmpl.rows.push_back(row);
		}
		templates.push_back(tmpl);
	}
	return templates;
}

Edition ReadEdition(const ContentFiles &files, const std::string &id, Locale locale) {
	const std::string dir = "editions/" + id + "/";
	Reader edition_file = ParseFile(files, dir + "edition.yaml", locale);
	Edition edition;
	edition.id = edition_file.String("id");
	if (edition.id != id) {
		edition_file.Child("id").Fail("id '" + edition.id + "' does not match its folder '" + id + "'");
	}
	edition.title = edition_file.String("title");
	edition.published = edition_file.String("published");
	edition.selfcheck_rules = ReadSelfcheckRules(edition_file);
	edition.risk_scale = ReadRiskScale(edition_file);
	edition.step_path = ReadStepPath(edition_file);
	edition.five_articles = ReadFiveArticles(ParseFile(files, dir + "five_articles.yaml", locale));
	edition.selfcheck_items = ReadSelfcheckItems(ParseFile(files, dir + "selfcheck_items.yaml", locale), edition.selfcheck_rules);
	edition.policy_template = ReadPolicyTemplate(ParseFile(files, dir + "basic_policy.yaml", locale));
	edition.risk_catalog = ReadRiskCatalog(ParseFile(files, dir + "risk_catalog.yaml", locale), edition.risk_scale);
	edition.asset_templates =
	    ReadAssetTemplates(ParseFile(files, dir + "asset_templates.yaml", locale), edition.risk_catalog, edition.risk_scale);
	edition.document_templates = ReadDocumentTemplates(files, id, locale);
	edition.owner = ReadOwnerGuide(ParseFile(files, dir + "owner.yaml", locale));
	return edition;
}

SmeCriteria ReadSmeCriteria(const Reader &file) {
	SmeCriteria criteria;
	criteria.source = file.Source();
	std::set<std::string> seen;
	for (const auto &entry : file.Items("industries")) {
		SmeIndustryLimit limit{entry.String("industry"), entry.String("label"), entry.Integer("capital_limit_yen"),
		                       entry.Int("employee_limit"), entry.Int("small_business_employee_limit")};
		if (!seen.insert(limit.industry).second) {
			entry.Fail("duplicate industry '" + limit.industry + "'");
		}
		const std::string basis = entry.String("basis");
		if (basis == "general") {
			limit.basis = SmeBasis::kGeneral;
			limit.source = entry.Has("source") ? entry.Source() : criteria.source;
		} else if (basis == "special_case") {
			// A 政令 special case is not in the law's table, so it must say where it comes from.
			limit.basis = SmeBasis::kSpecialCase;
			limit.source = entry.Source();
		} else {
			entry.Fail("basis must be general or special_case (found '" + basis + "')");
		}
		criteria.industries.push_back(limit);
	}
	return criteria;
}

BenchmarkRules ReadBenchmarkRules(const Reader &file) {
	BenchmarkRules rules;
	(void)file.Source();
	rules.default_min_group = file.Int("min_group");
	if (rules.default_min_group < 1) {
		file.Child("min_group").Fail("must be at least 1");
	}
	std::set<std::string> ids;
	for (const auto &entry : file.Items("size_bands")) {
		EmployeeBand band{entry.String("id"), entry.Int("min"), std::nullopt};
		if (!ids.insert(band.id).second) {
			entry.Fail("duplicate band id '" + band.id + "'");
		}
		if (!rules.size_bands.empty() && !rules.size_bands.back().max) {
			entry.Fail("only the last band may be open-ended");
		}
		const int expected_min = rules.size_bands.empty() ? 0 : *rules.size_bands.back().max + 1;
		if (band.min != expected_min) {
			entry.Fail("bands must be ascending without gaps from 0; expected min: " + std::to_string(expected_min));
		}
		if (entry.Has("max")) {
			band.max = entry.Int("max");
			if (*band.max < band.min) {
				entry.Fail("max is below min");
			}
		}
		rules.size_bands.push_back(band);
	}
	if (rules.size_bands.empty() || rules.size_bands.back().max) {
		file.Fail("size_bands must end with a band without max");
	}
	return rules;
}

CommonPasswords ReadPasswordList(const ContentFiles &files) {
	ParseMemo *memo = ParseMemo::Current();
	if (memo != nullptr && !memo->common_passwords && memo->common_passwords_source) {
		memo->common_passwords = memo->common_passwords_source();
	}
	if (memo != nullptr && memo->common_passwords) {
		return *memo->common_passwords; // shared, not copied
	}
	auto found = files.find("common_passwords.txt");
	if (found == files.end()) {
		throw CatalogProblem{"common_passwords.txt", "file is missing"};
	}
	CommonPasswords list = CommonPasswords::FromText(found->second);
	if (memo != nullptr) {
		memo->common_passwords = list;
	}
	return list;
}

//! An incident kind's lessons re-rate threats of the risk catalog; an id the
//! default edition does not have would offer nothing, so it stops the load.
void CheckIncidentThreats(const Catalog &catalog) {
	const RiskCatalog &risk = catalog.editions.at(catalog.default_edition).risk_catalog;
	for (const auto &kind : catalog.incident.procedures.kinds) {
		for (const auto &threat : kind.threats) {
			if (risk.FindThreat(threat) == nullptr) {
				throw CatalogProblem{"incident/procedures.yaml: kinds[" + kind.id + "].threats",
				                     "threat '" + threat + "' is not in edition " + catalog.default_edition};
			}
		}
	}
}

} // namespace

std::vector<std::string> EditionFileNames(const std::string &edition_id) {
	const std::string dir = "editions/" + edition_id + "/";
	return {dir + "edition.yaml",       dir + "five_articles.yaml", dir + "selfcheck_items.yaml",
	        dir + "basic_policy.yaml",  dir + "risk_catalog.yaml",  dir + "asset_templates.yaml"};
}

Result<Catalog> ParseCatalog(const ContentFiles &files) {
	return ParseCatalog(files, kDefaultLocale);
}

Result<Catalog> ParseCatalog(const ContentFiles &files, Locale locale) {
	try {
		Reader index = ParseFile(files, "catalog.yaml", locale);
		Catalog catalog;
		catalog.default_edition = index.String("default_edition");
		for (const auto &id : index.Strings("editions")) {
			catalog.editions.emplace(id, ReadEdition(files, id, locale));
		}
		if (catalog.editions.count(catalog.default_edition) == 0) {
			index.Child("default_edition").Fail("edition '" + catalog.default_edition + "' is not listed");
		}
		catalog.sme = ReadSmeCriteria(ParseFile(files, "sme_criteria.yaml", locale));
		catalog.benchmark = ReadBenchmarkRules(ParseFile(files, "benchmark.yaml", locale));
		catalog.incident = ReadIncidentRules(files, locale);
		CheckIncidentThreats(catalog);
		catalog.exercises = MAMORI_TRY(ParseExerciseScenarios(files, catalog.incident.procedures));
		catalog.training = ReadTrainingContent(files, locale);
		catalog.common_passwords = ReadPasswordList(files);
		return catalog;
	} catch (const CatalogProblem &problem) {
		return Error{ErrorCode::kCatalogInvalid, problem.where, problem.what};
	} catch (const yaml::Exception &error) {
		return Error{ErrorCode::kCatalogInvalid, "", std::string("YAML error: ") + error.what()};
	}
}

Status CheckCatalogFile(const ContentFiles &files, const std::string &name, Locale locale) {
	const auto whole_catalog = [&]() -> Status {
		Result<Catalog> catalog = ParseCatalog(files, locale);
		return catalog ? OkStatus() : Status(catalog.error());
	};
	try {
		// An edition file is read with what it leans on (the edition's scales
		// and the risk catalog), exactly as ReadEdition reads it.
		if (name.starts_with("editions/") && name.find("/documents/") == std::string::npos) {
			const std::size_t slash = name.find('/', std::string("editions/").size());
			if (slash == std::string::npos) {
				return whole_catalog();
			}
			const std::string dir = name.substr(0, slash + 1);
			const std::string file = name.substr(slash + 1);
			Reader edition_file = ParseFile(files, dir + "edition.yaml", locale);
			const SelfcheckRules rules = ReadSelfcheckRules(edition_file);
			const RiskScale scale = ReadRiskScale(edition_file);
			(void)ReadStepPath(edition_file);
			if (file == "five_articles.yaml") {
				(void)ReadFiveArticles(ParseFile(files, name, locale));
			} else if (file == "selfcheck_items.yaml") {
				(void)ReadSelfcheckItems(ParseFile(files, name, locale), rules);
			} else if (file == "basic_policy.yaml") {
				(void)ReadPolicyTemplate(ParseFile(files, name, locale));
			} else if (file == "risk_catalog.yaml") {
				(void)ReadRiskCatalog(ParseFile(files, name, locale), scale);
			} else if (file == "owner.yaml") {
				(void)ReadOwnerGuide(ParseFile(files, name, locale));
			} else if (file == "asset_templates.yaml") {
				const RiskCatalog risk = ReadRiskCatalog(ParseFile(files, dir + "risk_catalog.yaml", locale), scale);
				(void)ReadAssetTemplates(ParseFile(files, name, locale), risk, scale);
			} else if (file != "edition.yaml") {
				return whole_catalog();
			}
			return OkStatus();
		}
		if (name == "sme_criteria.yaml") {
			(void)ReadSmeCriteria(ParseFile(files, name, locale));
			return OkStatus();
		}
		if (name == "benchmark.yaml") {
			(void)ReadBenchmarkRules(ParseFile(files, name, locale));
			return OkStatus();
		}
		if (name.starts_with("incident/") && !name.starts_with("incident/exercises/")) {
			(void)ReadIncidentRules(files, locale);
			return OkStatus();
		}
		if (name.starts_with("incident/exercises/")) {
			const incident::IncidentRules rules = ReadIncidentRules(files, locale);
			auto scenarios = ParseExerciseScenarios(files, rules.procedures);
			return scenarios ? OkStatus() : Status(scenarios.error());
		}
		if (name.starts_with("training/")) {
			(void)ReadTrainingContent(files, locale);
			return OkStatus();
		}
		if (name == "common_passwords.txt") {
			(void)ReadPasswordList(files);
			return OkStatus();
		}
	} catch (const CatalogProblem &problem) {
		return Error{ErrorCode::kCatalogInvalid, problem.where, problem.what};
	} catch (const yaml::Exception &error) {
		return Error{ErrorCode::kCatalogInvalid, "", std::string("YAML error: ") + error.what()};
	}
	return whole_catalog();
}

Result<Catalogs> ParseCatalogs(const ContentFiles &files, CommonPasswordsSource common_passwords) {
	ParseMemo memo; // every language reads the same files
	memo.common_passwords_source = std::move(common_passwords);
	std::map<Locale, Catalog> by_locale;
	for (Locale locale : kAllLocales) {
		auto catalog = ParseCatalog(files, locale);
		if (!catalog) {
			Error error = catalog.error();
			error.message = "[" + std::string(LocaleCode(locale)) + "] " + error.message;
			return error;
		}
		by_locale.emplace(locale, std::move(catalog.value()));
	}
	return Catalogs(std::move(by_locale));
}

} // namespace mamori
