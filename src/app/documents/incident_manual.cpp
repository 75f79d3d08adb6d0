// mamori/app/documents/incident_manual.cpp
//
// もしもマニュアル (Tokyo handbook, Mission 4): who decides and whom to call,
// per damage level, then each kind's steps from level 3 down to 0, where to
// report, and 事業継続. Built from the incident rules (content/incident/,
// which the firm can adapt) and the people of the 管理体制, so a change of
// either shows in the next print.
#include "app/documents/document_builders.hpp"
#include "app/incident_procedures.hpp"
#include "app/documents/incident_responders.hpp"

#include <algorithm>

namespace mamori::app {
namespace {

using document::Block;
using document::BlockType;
using document::Line;
using document::TextLine;

Block Heading(std::string text, int level = 1) {
	return Block{.type = BlockType::kHeading, .level = level, .line = TextLine(std::move(text))};
}
Block Paragraph(std::string text) { return Block{.type = BlockType::kParagraph, .line = TextLine(std::move(text))}; }

//! The response structure of 4-2 ACTION 1, plus the system administrator
//! who leads levels 1 and 0.
void AddStructure(const DocumentWords &words, const ResponseTeam &team, std::vector<Block> &blocks) {
	blocks.push_back(Heading(words("incident_documents.manual.structure_heading")));
	blocks.push_back(Paragraph(words("incident_documents.manual.structure_intro")));
	Block table{.type = BlockType::kTable};
	table.columns = {{words("incident_documents.role"), 3},
	                 {words("incident_documents.name"), 2},
	                 {words("incident_documents.phone"), 2},
	                 {words("incident_documents.email"), 3}};
	auto row = [&](const std::string &role, const std::string &label) {
		const Responder responder = team.For(role);
		table.rows.push_back({TextLine(label), NameCell(words, responder, label), PhoneCell(words, responder),
		                      EmailCell(words, responder)});
	};
	row("top_executive", words("incident_documents.role_top_executive"));
	row("response_manager", words("incident_documents.role_response_manager"));
	row("first_responder", words("incident_documents.role_first_responder"));
	row("system_admin", words("incident_documents.role_system_administrator"));
	blocks.push_back(std::move(table));
}

//! 被害レベル 0–3: the scope, who leads and how to reach them (the contact tree).
void AddLevels(const DocumentWords &words, const incident::DamageLevels &damage, const ResponseTeam &team,
               std::vector<Block> &blocks) {
	blocks.push_back(Heading(words("incident_documents.manual.levels_heading")));
	blocks.push_back(Paragraph(words("incident_documents.manual.levels_intro")));
	Block table{.type = BlockType::kTable};
	table.columns = {{words("incident_documents.level"), 2},
	                 {words("incident_documents.scope"), 4},
	                 {words("incident_documents.lead"), 2},
	                 {words("incident_documents.name"), 2},
	                 {words("incident_documents.phone"), 2},
	                 {words("incident_documents.email"), 3}};
	for (const auto &level : damage.levels) {
		const incident::IncidentLead *lead = damage.FindLead(level.lead);
		const std::string label = lead != nullptr ? lead->label : level.lead;
		const Responder responder = team.For(level.lead);
		table.rows.push_back({TextLine(words("incident_documents.level_number", {{"level", std::to_string(level.level)}})),
		                      TextLine(level.scope), TextLine(label), NameCell(words, responder, label),
		                      PhoneCell(words, responder), EmailCell(words, responder)});
	}
	blocks.push_back(std::move(table));
}

//! 「3・2」 for a procedure that serves levels 3 and 2.
std::string LevelList(const DocumentWords &words, std::vector<int> levels) {
	std::sort(levels.rbegin(), levels.rend());
	std::string text;
	for (int level : levels) {
		text += (text.empty() ? "" : words("incident_documents.level_separator")) + std::to_string(level);
	}
	return text;
}

//! A step's title with the marks the register also keeps: 証拠保全 and 切り離し.
Line StepTitle(const DocumentWords &words, const incident::ProcedureStep &step) {
	Line line = TextLine(step.title);
	if (step.isolation) {
		line.push_back({words("incident_documents.mark_isolation"), document::SpanKind::kText});
	}
	if (step.evidence) {
		line.push_back({words("incident_documents.mark_evidence"), document::SpanKind::kText});
	}
	return line;
}

void AddProcedure(const DocumentWords &words, const incident::IncidentProcedures &rules,
                  const incident::Procedure &procedure, std::vector<Block> &blocks) {
	blocks.push_back(Heading(words("incident_documents.manual.procedure_heading",
	                               {{"levels", LevelList(words, procedure.levels)}}),
	                         3));
	Block table{.type = BlockType::kTable};
	table.columns = {{words("incident_documents.step_number"), 1},
	                 {words("incident_documents.step"), 3},
	                 {words("incident_documents.actor"), 2},
	                 {words("incident_documents.what"), 6}};
	int number = 0;
	for (const auto &step : procedure.steps) {
		const incident::ProcedureActor *actor = rules.FindActor(step.actor);
		table.rows.push_back({TextLine(std::to_string(++number)), StepTitle(words, step),
		                      TextLine(actor != nullptr ? actor->label : step.actor), TextLine(step.text)});
	}
	blocks.push_back(std::move(table));
}

void AddKinds(const DocumentWords &words, const incident::IncidentProcedures &rules, std::vector<Block> &blocks) {
	blocks.push_back(Heading(words("incident_documents.manual.procedures_heading")));
	blocks.push_back(Paragraph(words("incident_documents.manual.procedures_intro")));
	for (const auto &kind : rules.kinds) {
		blocks.push_back(Heading(kind.label, 2));
		blocks.push_back(Paragraph(words("incident_documents.manual.situation", {{"situation", kind.situation}})));
		// Highest level first, as the handbook reads: the worst case on top.
		std::vector<const incident::Procedure *> procedures;
		for (const auto &procedure : kind.procedures) {
			procedures.push_back(&procedure);
		}
		std::stable_sort(procedures.begin(), procedures.end(), [](const auto *a, const auto *b) {
			return *std::max_element(a->levels.begin(), a->levels.end()) >
			       *std::max_element(b->levels.begin(), b->levels.end());
		});
		for (const auto *procedure : procedures) {
			AddProcedure(words, rules, *procedure, blocks);
		}
		if (!kind.escalate_when.empty()) {
			blocks.push_back(Paragraph(words("incident_documents.manual.escalate_intro")));
			Block list{.type = BlockType::kList};
			for (const auto &condition : kind.escalate_when) {
				list.items.push_back({words("documents.marker.bullet"), TextLine(condition)});
			}
			blocks.push_back(std::move(list));
		}
	}
}

//! 届け出・相談: the public bodies, then the firm's own outside contacts
//! from the 管理体制 (vendors, advisers) when it lists any.
void AddReporting(const DocumentWords &words, const incident::IncidentProcedures &rules, const ResponseTeam &team,
                  std::vector<Block> &blocks) {
	blocks.push_back(Heading(words("incident_documents.manual.reporting_heading")));
	Block table{.type = BlockType::kTable};
	table.columns = {{words("incident_documents.contact"), 4},
	                 {words("incident_documents.purpose"), 4},
	                 {words("incident_documents.address"), 4}};
	for (const auto &contact : rules.contacts) {
		std::string urls;
		for (const auto &url : contact.urls) {
			urls += (urls.empty() ? "" : " ") + url;
		}
		table.rows.push_back({TextLine(contact.label), TextLine(contact.purpose),
		                      TextLine(urls.empty() ? words("incident_documents.manual.look_up_locally") : urls)});
	}
	blocks.push_back(std::move(table));
	if (team.external_contacts.empty() || team.external_contacts_field == nullptr) {
		blocks.push_back(Paragraph(words("incident_documents.manual.no_partners")));
		return;
	}
	blocks.push_back(Heading(words("incident_documents.manual.partners_heading"), 2));
	Block partners{.type = BlockType::kTable};
	for (const auto &column : team.external_contacts_field->columns) {
		partners.columns.push_back({column.title, column.width});
	}
	for (const auto &row : team.external_contacts) {
		std::vector<Line> cells;
		for (size_t i = 0; i < partners.columns.size(); ++i) {
			cells.push_back(TextLine(i < row.size() ? row[i] : std::string(), document::SpanKind::kValue));
		}
		partners.rows.push_back(std::move(cells));
	}
	blocks.push_back(std::move(partners));
}

void AddContinuity(const DocumentWords &words, const incident::IncidentProcedures &rules,
                   const std::vector<storage::ContinuitySystem> &systems, std::vector<Block> &blocks) {
	blocks.push_back(Heading(words("incident_documents.manual.continuity_heading")));
	blocks.push_back(Paragraph(rules.continuity_note));
	Block list{.type = BlockType::kList};
	int number = 0;
	for (const auto &step : rules.continuity_steps) {
		list.items.push_back({std::to_string(++number) + ".", TextLine(step.title + words("incident_documents.title_separator") + step.text)});
	}
	blocks.push_back(std::move(list));
	if (systems.empty()) {
		return;
	}
	// The firm's own register (app/continuity), in restoration order.
	blocks.push_back(Heading(words("continuity_documents.systems_heading"), 2));
	Block table{.type = BlockType::kTable};
	table.columns = {{words("continuity_documents.priority"), 1}, {words("continuity_documents.system"), 2},
	                 {words("continuity_documents.business"), 2}, {words("continuity_documents.target_time"), 2},
	                 {words("continuity_documents.resources"), 3}, {words("continuity_documents.fallback"), 3}};
	for (const auto &system : systems) {
		auto value = [](const std::string &text) { return TextLine(text, document::SpanKind::kValue); };
		table.rows.push_back({value(std::to_string(system.priority)), value(system.name), value(system.business),
		                      value(system.target_time), value(system.resources), value(system.fallback)});
	}
	blocks.push_back(std::move(table));
}

} // namespace

Result<document::RenderedDocument> BuildIncidentManual(AppContext &ctx, const DocumentWords &words,
                                                       const OrgAccess &access) {
	// The firm's adapted procedures, in the document language.
	const incident::IncidentRules rules =
	    MAMORI_TRY(FirmIncidentRules(ctx, access, DocumentContentOf(ctx, access.org)));
	const ResponseTeam team = MAMORI_TRY(ResponseTeamOf(ctx, access));

	document::RenderedDocument doc;
	doc.kind = "incident_manual";
	doc.title = words("incident_documents.manual.title");
	doc.locale = words.locale;
	// The people come from the 管理体制: the manual stands where it stands.
	const bool draft = team.governance && team.governance->state != storage::DocumentState::kPublished;
	doc.revised_on = team.governance ? team.governance->revised_on : std::string();
	doc.frame = FrameFor(words, access, doc.title, doc.revised_on, draft);
	doc.metadata.push_back({words("documents.metadata.state"), TextLine(StoredStateWord(words, team.governance))});
	doc.metadata.push_back({words("documents.metadata.created_on"), TextLine(words.Date(ctx.clock.TodayInJapan()))});

	doc.blocks.push_back(Paragraph(words("incident_documents.manual.intro")));
	AddStructure(words, team, doc.blocks);
	AddLevels(words, rules.damage, team, doc.blocks);
	AddKinds(words, rules.procedures, doc.blocks);
	AddReporting(words, rules.procedures, team, doc.blocks);
	AddContinuity(words, rules.procedures, MAMORI_TRY(ctx.store.ListContinuitySystems(access.org.id)), doc.blocks);
	doc.blocks.push_back(Block{.type = BlockType::kNote,
	                           .line = TextLine(words("incident_documents.source",
	                                                  {{"document", rules.procedures.source.document},
	                                                   {"location", rules.procedures.source.location}}))});
	return doc;
}

} // namespace mamori::app
