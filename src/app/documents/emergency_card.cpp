// mamori/app/documents/emergency_card.cpp
//
// The one-page emergency card (緊急連絡カード): printed and pinned up, so it
// works when the network and the PC do not. Whom to call (the first
// responder, then each damage level's lead with phone numbers from the
// 管理体制) and the first three steps, which content/incident/procedures.yaml
// names by reference to the manual's own steps (`emergency_card`).
// Kept short on purpose: tests check that its PDF is one page.
#include "app/documents/document_builders.hpp"
#include "app/incident_procedures.hpp"
#include "app/documents/incident_responders.hpp"

namespace mamori::app {
namespace {

using document::Block;
using document::BlockType;
using document::TextLine;

Block Heading(std::string text) {
	return Block{.type = BlockType::kHeading, .level = 2, .line = TextLine(std::move(text))};
}

//! The role and its holder in one cell (「対応責任者：乙川 花子」), or the
//! blank 【対応責任者】 alone: one column less leaves room for long names.
document::Line WhoCell(const DocumentWords &words, const Responder &responder, const std::string &role_label) {
	if (responder.name.empty()) {
		return NameCell(words, responder, role_label);
	}
	document::Line line = TextLine(role_label + words("incident_documents.title_separator"));
	line.push_back({responder.name, document::SpanKind::kValue});
	return line;
}

void AddCallList(const DocumentWords &words, const incident::DamageLevels &damage, const ResponseTeam &team,
                 std::vector<Block> &blocks) {
	blocks.push_back(Heading(words("incident_documents.card.call_heading")));
	Block table{.type = BlockType::kTable};
	table.columns = {{words("incident_documents.when"), 5},
	                 {words("incident_documents.lead"), 6},
	                 {words("incident_documents.phone"), 3}};
	const std::string first_label = words("incident_documents.role_first_responder");
	table.rows.push_back({TextLine(words("incident_documents.card.first_call")),
	                      WhoCell(words, team.For("first_responder"), first_label),
	                      PhoneCell(words, team.For("first_responder"))});
	for (const auto &level : damage.levels) {
		const incident::IncidentLead *lead = damage.FindLead(level.lead);
		const std::string label = lead != nullptr ? lead->label : level.lead;
		const Responder responder = team.For(level.lead);
		table.rows.push_back({TextLine(words("incident_documents.level_number", {{"level", std::to_string(level.level)}}) +
		                               words("incident_documents.title_separator") + level.scope),
		                      WhoCell(words, responder, label), PhoneCell(words, responder)});
	}
	blocks.push_back(std::move(table));
}

//! The card names steps by id; a step the firm removed from its adapted
//! procedure is printed from the catalog's sample (`sample`), so the card
//! always has its three first steps.
void AddFirstSteps(const DocumentWords &words, const incident::IncidentProcedures &rules,
                   const incident::IncidentProcedures &sample, std::vector<Block> &blocks) {
	blocks.push_back(Heading(words("incident_documents.card.steps_heading")));
	Block list{.type = BlockType::kList};
	int number = 0;
	for (const auto &ref : rules.emergency_card) {
		const incident::IncidentKind *kind = rules.FindKind(ref.kind);
		const incident::ProcedureStep *step = kind != nullptr ? kind->FindStep(ref.step) : nullptr;
		if (step == nullptr) {
			const incident::IncidentKind *sample_kind = sample.FindKind(ref.kind);
			step = sample_kind != nullptr ? sample_kind->FindStep(ref.step) : nullptr;
		}
		if (step == nullptr) {
			continue;  // the loader refuses such a card; nothing to print
		}
		list.items.push_back({std::to_string(++number) + ".",
		                      TextLine(step->title + words("incident_documents.title_separator") + step->text)});
	}
	blocks.push_back(std::move(list));
}

} // namespace

Result<document::RenderedDocument> BuildEmergencyCard(AppContext &ctx, const DocumentWords &words,
                                                      const OrgAccess &access) {
	// The firm's adapted procedures, in the document language.
	const incident::IncidentRules rules =
	    MAMORI_TRY(FirmIncidentRules(ctx, access, DocumentContentOf(ctx, access.org)));
	const ResponseTeam team = MAMORI_TRY(ResponseTeamOf(ctx, access));

	document::RenderedDocument doc;
	doc.kind = "emergency_card";
	doc.title = words("incident_documents.card.title");
	doc.locale = words.locale;
	const bool draft = team.governance && team.governance->state != storage::DocumentState::kPublished;
	doc.revised_on = team.governance ? team.governance->revised_on : std::string();
	doc.frame = FrameFor(words, access, doc.title, doc.revised_on, draft);
	doc.metadata.push_back({words("documents.metadata.state"), TextLine(StoredStateWord(words, team.governance))});

	// No source line, no 作成日 and no closing note, unlike the manual: the card
	// must stay one page with the longest entries the 管理体制 allows, and the
	// manual that the intro points to names the source.
	doc.blocks.push_back(Block{.type = BlockType::kParagraph,
	                           .line = TextLine(words("incident_documents.card.intro",
	                                                  {{"manual", words("incident_documents.manual.title")}}))});
	AddCallList(words, rules.damage, team, doc.blocks);
	AddFirstSteps(words, rules.procedures, DocumentContentOf(ctx, access.org).incident.procedures, doc.blocks);
	if (!team.alternative_channel.empty()) {
		doc.blocks.push_back(Heading(words("incident_documents.card.no_mail_heading")));
		doc.blocks.push_back(Block{.type = BlockType::kParagraph,
		                           .line = TextLine(team.alternative_channel, document::SpanKind::kValue)});
	}
	return doc;
}

} // namespace mamori::app
