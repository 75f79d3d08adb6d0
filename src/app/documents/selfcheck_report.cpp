// mamori/app/documents/selfcheck_report.cpp
//
// 自社診断の結果 (付録3) as a document: the page a firm files or hands to its
// bank, as the Excel sheet was. Total and band, the three groups, the items
// answered わからない, advice for the weak items and every department's answers.
#include "app/documents/document_builders.hpp"

#include "app/selfcheck_service.hpp"
#include "core/selfcheck/answer.hpp"

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

std::string ItemTitle(const Edition &edition, int number) {
	const SelfcheckItem *item = edition.FindItem(number);
	return "No." + std::to_string(number) + " " + (item != nullptr ? item->short_title : std::string());
}

void AddGroups(const DocumentWords &words, const SelfcheckScore &score, std::vector<Block> &blocks) {
	Block table{.type = BlockType::kTable};
	table.columns = {{words("documents.selfcheck_report.group"), 3},
	                 {words("documents.selfcheck_report.points"), 1},
	                 {words("documents.selfcheck_report.max"), 1}};
	for (const auto &group : score.groups) {
		table.rows.push_back({TextLine(group.name), TextLine(std::to_string(group.score), document::SpanKind::kValue),
		                      TextLine(std::to_string(group.max))});
	}
	blocks.push_back(std::move(table));
}

void AddItemList(const Edition &edition, const std::string &bullet, const std::vector<int> &items,
                 std::vector<Block> &blocks) {
	Block list{.type = BlockType::kList};
	for (int number : items) {
		list.items.push_back({bullet, TextLine(ItemTitle(edition, number))});
	}
	blocks.push_back(std::move(list));
}

void AddAdvice(const Edition &edition, const std::string &must, const std::vector<int> &weak_items,
               std::vector<Block> &blocks) {
	for (int number : weak_items) {
		const SelfcheckItem *item = edition.FindItem(number);
		if (item == nullptr) {
			continue;
		}
		blocks.push_back(Heading(ItemTitle(edition, number), 3));
		blocks.push_back(Paragraph(item->text));
		Block list{.type = BlockType::kList};
		for (const auto &countermeasure : item->countermeasures) {
			list.items.push_back({must, TextLine(countermeasure)});
		}
		blocks.push_back(std::move(list));
	}
}

void AddDepartments(const DocumentWords &words, const Edition &edition, const RoundSummary &summary,
                    std::vector<Block> &blocks) {
	Block table{.type = BlockType::kTable};
	table.columns = {{words("documents.selfcheck_report.item"), 4}};
	for (const auto &respondent : summary.respondents) {
		table.columns.push_back({respondent.name, 2});
	}
	table.columns.push_back({words("documents.selfcheck_report.combined"), 2});
	for (const auto &item : edition.selfcheck_items) {
		std::vector<Line> row = {TextLine(ItemTitle(edition, item.number))};
		auto cell = [&](const AnswerSheet &answers) {
			auto answer = answers.find(item.number);
			return answer == answers.end() ? TextLine(words("documents.selfcheck_report.unanswered"))
			                               : TextLine(AnswerLabel(words.messages, words.locale, answer->second),
			                                          document::SpanKind::kValue);
		};
		for (const auto &respondent : summary.respondents) {
			row.push_back(cell(respondent.answers));
		}
		row.push_back(cell(summary.combined));
		table.rows.push_back(std::move(row));
	}
	blocks.push_back(std::move(table));
}

} // namespace

Result<document::RenderedDocument> BuildSelfcheckReport(AppContext &ctx, const DocumentWords &words,
                                                        const OrgAccess &access) {
	const Catalog &content = DocumentContentOf(ctx, access.org);
	const Edition &edition = access.EditionOf(content);
	const std::optional<RoundSummary> summary = MAMORI_TRY(SummarizeRound(ctx, access, std::nullopt, &content));

	document::RenderedDocument doc;
	doc.kind = "selfcheck_report";
	doc.title = words("documents.selfcheck_report.title");
	doc.locale = words.locale;
	if (!summary) {
		doc.frame = FrameFor(words, access, doc.title, "", false);
		doc.blocks.push_back(Paragraph(words("documents.selfcheck_report.no_round")));
		return doc;
	}
	const SelfcheckScore &score = summary->score;
	const std::string round_date = summary->round.started_at.substr(0, 10);
	doc.subtitle = summary->round.title.empty()
	                   ? words("documents.selfcheck_report.round", {{"number", std::to_string(summary->round.number)}})
	                   : summary->round.title;
	doc.frame = FrameFor(words, access, doc.title, "", !score.Complete());
	doc.metadata.push_back({words("documents.selfcheck_report.started_on"), TextLine(words.Date(round_date))});
	doc.metadata.push_back({words("documents.selfcheck_report.respondents"),
	                        TextLine(std::to_string(summary->respondents.size()), document::SpanKind::kValue)});

	doc.blocks.push_back(Heading(words("documents.selfcheck_report.total_heading")));
	doc.blocks.push_back(Paragraph(words("documents.selfcheck_report.total",
	                                     {{"total", std::to_string(score.total)}, {"max", std::to_string(score.max)}})));
	if (score.band != nullptr) {
		doc.blocks.push_back(Paragraph(score.band->label));
		doc.blocks.push_back(Block{.type = BlockType::kNote, .line = TextLine(score.band->advice)});
	}
	if (!score.Complete()) {
		doc.blocks.push_back(Block{.type = BlockType::kNote,
		                           .line = TextLine(words("documents.selfcheck_report.incomplete",
		                                                  {{"count", std::to_string(score.unanswered_items.size())}}))});
	}
	doc.blocks.push_back(Heading(words("documents.selfcheck_report.groups_heading")));
	AddGroups(words, score, doc.blocks);
	doc.blocks.push_back(Heading(words("documents.selfcheck_report.unknown_heading")));
	if (score.unknown_items.empty()) {
		doc.blocks.push_back(Paragraph(words("documents.selfcheck_report.none")));
	} else {
		doc.blocks.push_back(Paragraph(words("documents.selfcheck_report.unknown_intro")));
		AddItemList(edition, words("documents.marker.bullet"), score.unknown_items, doc.blocks);
	}
	doc.blocks.push_back(Heading(words("documents.selfcheck_report.advice_heading")));
	if (score.weak_items.empty()) {
		doc.blocks.push_back(Paragraph(words("documents.selfcheck_report.none")));
	} else {
		AddAdvice(edition, words("documents.marker.must"), score.weak_items, doc.blocks);
	}
	doc.blocks.push_back(Block{.type = BlockType::kPageBreak});
	doc.blocks.push_back(Heading(words("documents.selfcheck_report.departments_heading")));
	AddDepartments(words, edition, *summary, doc.blocks);
	return doc;
}

} // namespace mamori::app
