// mamori/core/catalog/incident_rules_loader.cpp
#include "core/catalog/incident_rules_loader.hpp"

#include "core/catalog/content_reader.hpp"

#include <algorithm>
#include <set>

namespace mamori {
namespace {

using catalog_detail::Reader;

bool Known(const auto &ids, const std::string &id) {
	return std::find(ids.begin(), ids.end(), id) != ids.end();
}

incident::DamageLevels ReadDamageLevels(const Reader &file) {
	incident::DamageLevels rules;
	rules.source = file.Source();
	for (const auto &entry : file.Items("leads")) {
		incident::IncidentLead lead{entry.String("id"), entry.String("label"), entry.OptionalString("example")};
		if (rules.FindLead(lead.id) != nullptr) {
			entry.Fail("duplicate lead '" + lead.id + "'");
		}
		rules.leads.push_back(std::move(lead));
	}
	const auto entries = file.Items("levels");
	if (entries.empty()) {
		file.Fail("'levels' must list at least one level");
	}
	for (size_t index = 0; index < entries.size(); ++index) {
		const Reader &entry = entries[index];
		incident::DamageLevelRule rule{entry.Int("level"), entry.Strings("when_any"), entry.String("lead"),
		                               entry.String("scope")};
		if (!rules.levels.empty() && rule.level >= rules.levels.back().level) {
			entry.Fail("levels must be listed from the highest down");
		}
		for (const auto &fact : rule.when_any) {
			if (!Known(incident::kDamageFactIds, fact)) {
				entry.Fail("unknown fact '" + fact +
				           "' (known: external_impact, personal_data_leak, business_impact, work_impact)");
			}
		}
		// Only the last level may hold unconditionally, so every incident
		// gets exactly one level and none below it is unreachable.
		const bool last = index + 1 == entries.size();
		if (rule.when_any.empty() != last) {
			entry.Fail(last ? "the last level must have no condition (when_any: [])"
			                : "only the last level may have no condition");
		}
		if (rules.FindLead(rule.lead) == nullptr) {
			entry.Fail("unknown lead '" + rule.lead + "'");
		}
		rules.levels.push_back(std::move(rule));
	}
	return rules;
}

incident::PersonalDataReportRules ReadReportRules(const Reader &file) {
	incident::PersonalDataReportRules rules;
	rules.source = file.Source();
	std::set<std::string> seen;
	for (const auto &entry : file.Items("grounds")) {
		incident::ReportGround ground{entry.String("id"), entry.String("label"), entry.String("law")};
		if (!Known(incident::kReportGroundIds, ground.id)) {
			entry.Fail("unknown ground '" + ground.id + "' (known: sensitive, financial_harm, malicious, over_1000)");
		}
		if (!seen.insert(ground.id).second) {
			entry.Fail("duplicate ground '" + ground.id + "'");
		}
		if (ground.id == "over_1000") {
			ground.more_than_people = entry.Integer("more_than_people");
			if (ground.more_than_people < 0) {
				entry.Child("more_than_people").Fail("must not be negative");
			}
		}
		rules.grounds.push_back(std::move(ground));
	}
	if (seen.size() != incident::kReportGroundIds.size()) {
		file.Fail("'grounds' must list sensitive, financial_harm, malicious and over_1000");
	}
	auto days = [&](const char *key) {
		const int value = file.Int(key);
		if (value < 1 || value > 366) {
			file.Child(key).Fail("must be between 1 and 366 days");
		}
		return value;
	};
	rules.preliminary_days = days("preliminary_days");
	rules.final_days = days("final_days");
	rules.malicious_final_days = days("malicious_final_days");
	return rules;
}

incident::ProcedureStep ReadStep(const Reader &entry, const incident::IncidentProcedures &rules) {
	incident::ProcedureStep step{entry.String("id"), entry.String("actor"), entry.String("title"), entry.String("text"),
	                             entry.Bool("evidence", false), entry.Bool("isolation", false)};
	if (rules.FindActor(step.actor) == nullptr) {
		entry.Fail("unknown actor '" + step.actor + "'");
	}
	return step;
}

incident::Procedure ReadProcedure(const Reader &entry, const incident::IncidentProcedures &rules) {
	incident::Procedure procedure{entry.Ints("levels"), {}};
	std::set<std::string> step_ids;
	for (const auto &item : entry.Items("steps")) {
		procedure.steps.push_back(ReadStep(item, rules));
		if (!step_ids.insert(procedure.steps.back().id).second) {
			item.Fail("duplicate step '" + procedure.steps.back().id + "'");
		}
	}
	if (procedure.steps.empty()) {
		entry.Fail("a procedure needs at least one step");
	}
	return procedure;
}

incident::IncidentKind ReadKind(const Reader &entry, const incident::IncidentProcedures &rules,
                                const incident::DamageLevels &damage) {
	incident::IncidentKind kind{entry.String("id"), entry.String("label"), entry.String("situation"), {}, {}, {}};
	if (entry.Has("threats")) {
		kind.threats = entry.Strings("threats");
	}
	if (entry.Has("escalate_when")) {
		for (const auto &item : entry.Items("escalate_when")) {
			kind.escalate_when.push_back(item.String("text"));
		}
	}
	std::set<int> covered;
	for (const auto &item : entry.Items("procedures")) {
		kind.procedures.push_back(ReadProcedure(item, rules));
		for (int level : kind.procedures.back().levels) {
			if (!covered.insert(level).second) {
				item.Fail("level " + std::to_string(level) + " has two procedures");
			}
		}
	}
	// Whatever level an incident of this kind is given, its steps are known.
	for (const auto &level : damage.levels) {
		if (covered.erase(level.level) == 0) {
			entry.Fail("no procedure for damage level " + std::to_string(level.level));
		}
	}
	if (!covered.empty()) {
		entry.Fail("level " + std::to_string(*covered.begin()) + " is not a damage level");
	}
	return kind;
}

//! The card is one printed page: exactly three steps, each naming a step
//! the manual has, so the card cannot drift from the procedures.
void ReadEmergencyCard(const Reader &card, incident::IncidentProcedures &rules) {
	constexpr size_t kCardSteps = 3;
	const auto entries = card.Items("steps");
	if (entries.size() != kCardSteps) {
		card.Fail("the emergency card lists exactly 3 steps");
	}
	for (const auto &entry : entries) {
		incident::EmergencyCardStep step{entry.String("kind"), entry.String("step")};
		const incident::IncidentKind *kind = rules.FindKind(step.kind);
		if (kind == nullptr) {
			entry.Fail("unknown kind '" + step.kind + "'");
		}
		if (kind->FindStep(step.step) == nullptr) {
			entry.Fail("kind '" + step.kind + "' has no step '" + step.step + "'");
		}
		rules.emergency_card.push_back(std::move(step));
	}
}

incident::IncidentProcedures ReadProcedures(const Reader &file, const incident::DamageLevels &damage) {
	incident::IncidentProcedures rules;
	rules.source = file.Source();
	for (const auto &entry : file.Items("actors")) {
		incident::ProcedureActor actor{entry.String("id"), entry.String("label")};
		if (rules.FindActor(actor.id) != nullptr) {
			entry.Fail("duplicate actor '" + actor.id + "'");
		}
		rules.actors.push_back(std::move(actor));
	}
	for (const auto &entry : file.Items("kinds")) {
		incident::IncidentKind kind = ReadKind(entry, rules, damage);
		if (rules.FindKind(kind.id) != nullptr) {
			entry.Fail("duplicate kind '" + kind.id + "'");
		}
		rules.kinds.push_back(std::move(kind));
	}
	for (const auto &entry : file.Items("contacts")) {
		incident::ReportingContact contact{entry.String("id"), entry.String("label"), entry.String("purpose"), {}};
		for (const auto &url : entry.Items("urls")) {
			const std::string text = url.Text();
			if (text.rfind("https://", 0) != 0) {
				url.Fail("a contact's address must start with https://");
			}
			contact.urls.push_back(text);
		}
		rules.contacts.push_back(std::move(contact));
	}
	const Reader continuity = file.Child("continuity");
	rules.continuity_note = continuity.String("note");
	for (const auto &entry : continuity.Items("steps")) {
		rules.continuity_steps.push_back({entry.String("title"), entry.String("text")});
	}
	ReadEmergencyCard(file.Child("emergency_card"), rules);
	rules.public_statement = file.Child("public_statement").String("template");
	return rules;
}

} // namespace

std::vector<std::string> IncidentRuleFileNames() {
	return {"incident/damage_levels.yaml", "incident/personal_data_report.yaml", "incident/procedures.yaml"};
}

incident::IncidentRules ReadIncidentRules(const ContentFiles &files, Locale locale) {
	const auto names = IncidentRuleFileNames();
	incident::IncidentRules rules;
	rules.damage = ReadDamageLevels(catalog_detail::ParseFile(files, names[0], locale));
	rules.report = ReadReportRules(catalog_detail::ParseFile(files, names[1], locale));
	rules.procedures = ReadProcedures(catalog_detail::ParseFile(files, names[2], locale), rules.damage);
	return rules;
}

} // namespace mamori
