// mamori/app/documents/owner_report.cpp
//
// The owner's report (`owner_report`, issue 12): one page a firm hands to its
// board or its bank. The status of each of the 重要7項目 with its evidence,
// where the firm stands on the step-up path (表3), the latest 自社診断 score,
// the 点検と改善 cycle (last inspection, findings, open and overdue corrective
// actions, when the 経営者 heard the results), and the 3原則 the owner has
// recognised. Everything comes from the firm's own data through
// app/owner_view and app/inspections.
#include "app/documents/document_builders.hpp"

#include "app/inspections.hpp"
#include "app/owner_view.hpp"
#include "app/selfcheck_service.hpp"

namespace mamori::app {
namespace {

using document::Block;
using document::BlockType;
using document::TextLine;

Block Heading(std::string text) { return Block{.type = BlockType::kHeading, .level = 1, .line = TextLine(std::move(text))}; }

std::string StatusWord(const DocumentWords &words, owner::ItemStatus status) {
	switch (status) {
	case owner::ItemStatus::kDone:
		return words("owner_report.status.done");
	case owner::ItemStatus::kInProgress:
		return words("owner_report.status.in_progress");
	case owner::ItemStatus::kNotStarted:
		break;
	}
	return words("owner_report.status.not_started");
}

MessageParams Params(const DocumentWords &words, const owner::KeyItemStatus &item) {
	MessageParams params;
	for (const auto &[name, value] : item.params) {
		const bool date = name == "date" || name == "reported";
		params.emplace_back(name, date ? words.Date(value) : value);
	}
	return params;
}

Block ItemsTable(const DocumentWords &words, const Edition &edition, const OwnerView &view) {
	Block table{.type = BlockType::kTable};
	table.columns = {{words("owner_report.item"), 9},
	                 {words("owner_report.state"), 3},
	                 {words("owner_report.evidence"), 11},
	                 {words("owner_report.next"), 8}};
	for (const auto &item : view.items) {
		std::string title = item.id;
		for (const auto &definition : edition.owner.key_items) {
			title = definition.id == item.id ? definition.title : title;
		}
		const MessageParams params = Params(words, item);
		table.rows.push_back({TextLine(words("owner_report.item_title", {{"number", std::to_string(item.number)},
		                                                                  {"title", title}})),
		                      TextLine(StatusWord(words, item.status), document::SpanKind::kValue),
		                      TextLine(words(item.evidence, params)),
		                      TextLine(item.next.empty() ? words("owner_report.nothing_left") : words(item.next, params))});
	}
	return table;
}

std::string ReviewParagraph(const DocumentWords &words, const InspectionOverview &inspections) {
	if (inspections.last_done_on.empty()) {
		return words("owner_report.review_none", {{"planned", std::to_string(inspections.records.size())}});
	}
	int findings = 0;
	int closed = 0;
	for (const auto &record : inspections.records) {
		findings += record.findings;
		closed += record.closed;
	}
	return words("owner_report.review",
	             {{"date", words.Date(inspections.last_done_on)},
	              {"inspections", std::to_string(inspections.records.size())},
	              {"findings", std::to_string(findings)},
	              {"closed", std::to_string(closed)},
	              {"open", std::to_string(inspections.open_actions)},
	              {"overdue", std::to_string(inspections.overdue_actions)},
	              {"reported", inspections.last_reported_on.empty() ? words("owner_report.not_reported")
	                                                                 : words.Date(inspections.last_reported_on)}});
}

document::RenderedDocument ComposeOwnerReport(const DocumentWords &words, const OrgAccess &access, const Edition &edition,
                                              const OwnerView &view, const InspectionOverview &inspections,
                                              const std::optional<SelfcheckScore> &score) {
	document::RenderedDocument doc;
	doc.kind = "owner_report";
	doc.title = words("owner_report.title");
	doc.locale = words.locale;
	doc.frame = FrameFor(words, access, doc.title, "", false);
	doc.metadata.push_back({words("owner_report.as_of"), TextLine(words.Date(view.facts.today))});
	int done = 0;
	for (const auto &item : view.items) {
		done += item.status == owner::ItemStatus::kDone ? 1 : 0;
	}
	doc.metadata.push_back({words("owner_report.items_done"),
	                        TextLine(words("owner_report.items_done_value", {{"done", std::to_string(done)}}),
	                                 document::SpanKind::kValue)});
	doc.metadata.push_back(
	    {words("owner_report.score"),
	     TextLine(score ? words("owner_report.score_value", {{"total", std::to_string(score->total)}, {"max", std::to_string(score->max)}})
	                    : words("owner_report.no_score"),
	              document::SpanKind::kValue)});

	// Where the firm stands on the path and in the inspection cycle, as two lines of the
	// metadata, so the page keeps room for the table (one page for a board or a bank).
	const auto &position = view.position;
	const bool finished = position.current_step > static_cast<int>(position.steps.size());
	std::string step_title;
	for (const auto &step : position.steps) {
		step_title = step.definition->number == position.current_step ? step.definition->title : step_title;
	}
	const MessageParams path_params = {{"reached", std::to_string(position.reached_step)},
	                                   {"current", std::to_string(position.current_step)},
	                                   {"title", step_title}};
	doc.metadata.push_back({words("owner_report.path_heading"),
	                        TextLine(finished                      ? words("owner_report.path_all_done")
	                                 : position.reached_step == 0 ? words("owner_report.path_start", path_params)
	                                                              : words("owner_report.path", path_params))});
	doc.metadata.push_back({words("owner_report.review_heading"), TextLine(ReviewParagraph(words, inspections))});

	doc.blocks.push_back(Heading(words("owner_report.items_heading")));
	doc.blocks.push_back(ItemsTable(words, edition, view));

	std::string principles;
	for (const auto &principle : edition.owner.principles) {
		principles += (principles.empty() ? "" : words("owner_report.principle_separator")) +
		              words("owner_report.principle", {{"number", std::to_string(principle.number)}, {"title", principle.title}});
	}
	doc.blocks.push_back(Block{.type = BlockType::kNote,
	                           .line = TextLine(words("owner_report.principles", {{"principles", principles},
	                                                                              {"document", edition.owner.source.document},
	                                                                              {"location", edition.owner.source.location}}))});
	return doc;
}

} // namespace

Result<document::RenderedDocument> BuildOwnerReport(AppContext &ctx, const DocumentWords &words, const OrgAccess &access) {
	const Catalog &content = DocumentContentOf(ctx, access.org);
	const OwnerView view = MAMORI_TRY(ComputeOwnerView(ctx, access, &content));
	const InspectionOverview inspections = MAMORI_TRY(InspectionHistory(ctx, access));
	const auto trend = MAMORI_TRY(ScoreTrend(ctx, access, &content));
	std::optional<SelfcheckScore> score;
	if (!trend.empty()) {
		score = trend.back().score;
	}
	return ComposeOwnerReport(words, access, access.EditionOf(content), view, inspections, score);
}

} // namespace mamori::app
