// mamori/app/documents/coaching_reports.cpp
//
// The coaching reports (issue 12; 003 「標準的な進め方」: (終了後) 実施報告書の作成 after each
// visit, and 最終報告書 after the third): built from the client's own data, the engagement's
// visits and pre-work, the programme's agenda and deliverables, and the self-diagnosis.
#include "app/documents/document_builders.hpp"

#include "app/coaching.hpp"
#include "app/documents/document_kinds.hpp"
#include "app/policy_service.hpp"
#include "app/selfcheck_service.hpp"

#include <map>

namespace mamori::app {
namespace {

using document::Block;
using document::BlockType;
using document::TextLine;

Block Heading(std::string text, int level = 1) {
	return Block{.type = BlockType::kHeading, .level = level, .line = TextLine(std::move(text))};
}
Block Paragraph(std::string text) { return Block{.type = BlockType::kParagraph, .line = TextLine(std::move(text))}; }

Block Bullets(const std::string &bullet, const std::vector<std::string> &texts) {
	Block list{.type = BlockType::kList};
	for (const auto &text : texts) {
		list.items.push_back({bullet, TextLine(text)});
	}
	return list;
}

//! Paragraphs of free text, one a line (the visit's notes).
void AddLines(const std::string &text, std::vector<Block> &blocks) {
	size_t start = 0;
	while (start <= text.size()) {
		const size_t end = text.find('\n', start);
		std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
		if (!line.empty() && line.back() == '\r') {
			line.pop_back();
		}
		if (!line.empty()) {
			blocks.push_back(Paragraph(line));
		}
		if (end == std::string::npos) {
			break;
		}
		start = end + 1;
	}
}

//! Where a deliverable's document stands, in the document language.
Result<std::string> DeliverableState(AppContext &ctx, const DocumentWords &words, const OrgAccess &access,
                                     const std::string &kind) {
	if (kind.empty()) {
		return std::string("-");
	}
	if (kind == "basic_policy") {
		const PolicyState policy = MAMORI_TRY(LoadPolicyState(ctx, access));
		return policy.published ? words("documents.state.published")
		       : policy.latest  ? words("documents.state.draft")
		                        : words("documents.state.sample");
	}
	if (kind == "selfcheck_report") {
		const auto summary = MAMORI_TRY(SummarizeRound(ctx, access, std::nullopt, nullptr));
		return summary ? words("documents.coaching.selfcheck_done") : words("documents.coaching.selfcheck_none");
	}
	if (auto tmpl = EditableTemplateOf(ctx, access, kind)) {
		return StoredStateWord(words, MAMORI_TRY(ctx.store.FindDocument(access.org.id, *tmpl, "")));
	}
	return words("documents.coaching.made_by_mamori");
}

std::string KindTitle(const DocumentWords &words, const std::string &kind) {
	static const std::map<std::string, const char *> kTitles = {
	    {"basic_policy", "documents.coaching.kind.basic_policy"},
	    {"handbook", "documents.coaching.kind.handbook"},
	    {"regulations", "documents.coaching.kind.regulations"},
	    {"regulation_checklist", "documents.coaching.kind.regulation_checklist"},
	    {"governance", "documents.coaching.kind.governance"},
	    {"outsourcing_nda", "documents.coaching.kind.outsourcing_nda"},
	    {"cloud_checklist", "documents.coaching.kind.cloud_checklist"},
	    {"website_checklist", "documents.coaching.kind.website_checklist"},
	    {"selfcheck_report", "documents.coaching.kind.selfcheck_report"},
	    {"incident_manual", "documents.coaching.kind.incident_manual"},
	    {"emergency_card", "documents.coaching.kind.emergency_card"},
	    {"visit_report", "documents.coaching.kind.visit_report"},
	    {"final_report", "documents.coaching.kind.final_report"},
	};
	auto title = kTitles.find(kind);
	return title == kTitles.end() ? std::string("-") : words(title->second);
}

void AddDeliverables(AppContext &ctx, const DocumentWords &words, const OrgAccess &access,
                     const std::vector<coaching::Deliverable> &deliverables, std::vector<Block> &blocks, Status &status) {
	Block table{.type = BlockType::kTable};
	table.columns = {{words("documents.coaching.deliverable"), 4},
	                 {words("documents.coaching.document"), 3},
	                 {words("documents.coaching.state"), 2}};
	for (const auto &deliverable : deliverables) {
		auto state = DeliverableState(ctx, words, access, deliverable.document);
		if (!state) {
			status = state.error();
			return;
		}
		table.rows.push_back({TextLine(deliverable.text.In(words.locale)), TextLine(KindTitle(words, deliverable.document)),
		                      TextLine(*state, document::SpanKind::kValue)});
	}
	blocks.push_back(std::move(table));
}

std::string RequestState(const DocumentWords &words, const storage::EngagementRequest &request) {
	return request.done_at.empty() ? words("documents.coaching.request_open")
	                               : words("documents.coaching.request_done", {{"date", words.Date(request.done_at.substr(0, 10))}});
}

void AddPrework(const DocumentWords &words, const CoachingVisit &visit, std::vector<Block> &blocks) {
	if (visit.requests.empty()) {
		blocks.push_back(Paragraph(words("documents.coaching.none")));
		return;
	}
	Block table{.type = BlockType::kTable};
	table.columns = {{words("documents.coaching.request"), 5}, {words("documents.coaching.state"), 2}};
	for (const auto &request : visit.requests) {
		std::string text = request.request_key;
		for (const auto &planned : visit.plan.prework) {
			if (planned.key == request.request_key) {
				text = planned.text.In(words.locale);
			}
		}
		table.rows.push_back({TextLine(text), TextLine(RequestState(words, request), document::SpanKind::kValue)});
	}
	blocks.push_back(std::move(table));
}

std::string VisitDate(const DocumentWords &words, const storage::EngagementVisit &visit) {
	if (!visit.held_on.empty()) {
		return words.Date(visit.held_on);
	}
	if (!visit.planned_on.empty()) {
		return words("documents.coaching.planned", {{"date", words.Date(visit.planned_on)}});
	}
	return words("documents.coaching.not_scheduled");
}

document::RenderedDocument Start(const DocumentWords &words, const OrgAccess &access, const char *kind,
                                 std::string title, bool draft) {
	document::RenderedDocument doc;
	doc.kind = kind;
	doc.title = std::move(title);
	doc.locale = words.locale;
	doc.frame = FrameFor(words, access, doc.title, "", draft);
	return doc;
}

void AddScore(AppContext &ctx, const DocumentWords &words, const OrgAccess &access, std::vector<Block> &blocks,
              Status &status) {
	auto summary = SummarizeRound(ctx, access, std::nullopt, &DocumentContentOf(ctx, access.org));
	if (!summary) {
		status = summary.error();
		return;
	}
	if (!*summary) {
		blocks.push_back(Paragraph(words("documents.coaching.selfcheck_none")));
		return;
	}
	const SelfcheckScore &score = (*summary)->score;
	blocks.push_back(Paragraph(words("documents.coaching.score", {{"total", std::to_string(score.total)},
	                                                               {"max", std::to_string(score.max)},
	                                                               {"date", words.Date((*summary)->round.started_at.substr(0, 10))}})));
}

} // namespace

Result<document::RenderedDocument> BuildVisitReport(AppContext &ctx, const DocumentWords &words, const OrgAccess &access,
                                                    std::optional<int> visit_number) {
	const auto coaching = MAMORI_TRY(LoadCoaching(ctx, access));
	if (!coaching) {
		auto doc = Start(words, access, "visit_report", words("documents.coaching.visit_title"), true);
		doc.blocks.push_back(Paragraph(words("documents.coaching.no_engagement")));
		return doc;
	}
	const CoachingVisit *visit = visit_number ? coaching->FindVisit(*visit_number) : coaching->LatestVisit();
	if (visit == nullptr) {
		return Error::Invalid("visit", "errors.coaching.visit_unknown",
		                      {{"count", std::to_string(coaching->visits.size())}});
	}
	const int number = visit->visit.number;
	auto doc = Start(words, access, "visit_report",
	                 words("documents.coaching.visit_title_numbered", {{"number", std::to_string(number)}}),
	                 visit->visit.held_on.empty());
	const Locale locale = words.locale;
	doc.subtitle = visit->plan.title.In(locale);
	doc.metadata.push_back({words("documents.coaching.programme"), TextLine(coaching->programme.title.In(locale))});
	doc.metadata.push_back({words("documents.coaching.visit_date"), TextLine(VisitDate(words, visit->visit))});
	doc.metadata.push_back({words("documents.coaching.source"), TextLine(visit->plan.source.empty() ? "-" : visit->plan.source)});

	Status status = OkStatus();
	doc.blocks.push_back(Heading(words("documents.coaching.prework_heading")));
	AddPrework(words, *visit, doc.blocks);
	doc.blocks.push_back(Heading(words("documents.coaching.agenda_heading")));
	std::vector<std::string> agenda;
	for (const auto &item : visit->plan.agenda) {
		agenda.push_back(item.In(locale));
	}
	doc.blocks.push_back(Bullets(words("documents.marker.bullet"), agenda));
	doc.blocks.push_back(Heading(words("documents.coaching.notes_heading")));
	if (visit->visit.notes.empty()) {
		doc.blocks.push_back(Paragraph(words("documents.coaching.none")));
	} else {
		AddLines(visit->visit.notes, doc.blocks);
	}
	doc.blocks.push_back(Heading(words("documents.coaching.deliverables_heading")));
	AddDeliverables(ctx, words, access, visit->plan.deliverables, doc.blocks, status);
	doc.blocks.push_back(Heading(words("documents.coaching.selfcheck_heading")));
	AddScore(ctx, words, access, doc.blocks, status);
	doc.blocks.push_back(Heading(words("documents.coaching.next_heading")));
	if (const CoachingVisit *next = coaching->FindVisit(number + 1)) {
		doc.blocks.push_back(Paragraph(words("documents.coaching.next_visit", {{"title", next->plan.title.In(locale)},
		                                                                       {"date", VisitDate(words, next->visit)}})));
		AddPrework(words, *next, doc.blocks);
	} else {
		doc.blocks.push_back(Paragraph(words("documents.coaching.last_visit")));
	}
	MAMORI_TRY(status);
	return doc;
}

Result<document::RenderedDocument> BuildFinalReport(AppContext &ctx, const DocumentWords &words, const OrgAccess &access) {
	const auto coaching = MAMORI_TRY(LoadCoaching(ctx, access));
	if (!coaching) {
		auto doc = Start(words, access, "final_report", words("documents.coaching.final_title"), true);
		doc.blocks.push_back(Paragraph(words("documents.coaching.no_engagement")));
		return doc;
	}
	const Locale locale = words.locale;
	bool all_held = true;
	for (const auto &visit : coaching->visits) {
		all_held = all_held && !visit.visit.held_on.empty();
	}
	auto doc = Start(words, access, "final_report", words("documents.coaching.final_title"), !all_held);
	doc.subtitle = coaching->programme.title.In(locale);
	doc.metadata.push_back({words("documents.coaching.programme"),
	                        TextLine(coaching->programme.title.In(locale) + " (" + coaching->programme.version + ")")});
	doc.metadata.push_back({words("documents.coaching.started_on"), TextLine(words.Date(coaching->engagement.started_on))});
	Status status = OkStatus();
	if (!coaching->programme.goal.ja.empty()) {
		doc.blocks.push_back(Heading(words("documents.coaching.goal_heading")));
		doc.blocks.push_back(Paragraph(coaching->programme.goal.In(locale)));
	}
	doc.blocks.push_back(Heading(words("documents.coaching.visits_heading")));
	Block visits{.type = BlockType::kTable};
	visits.columns = {{words("documents.coaching.visit"), 5},
	                  {words("documents.coaching.visit_date"), 2},
	                  {words("documents.coaching.prework_done"), 2}};
	std::vector<std::string> open;
	for (const auto &visit : coaching->visits) {
		int done = 0;
		for (const auto &request : visit.requests) {
			done += request.done_at.empty() ? 0 : 1;
			if (request.done_at.empty()) {
				for (const auto &planned : visit.plan.prework) {
					if (planned.key == request.request_key) {
						open.push_back(planned.text.In(locale));
					}
				}
			}
		}
		visits.rows.push_back({TextLine(visit.plan.title.In(locale)), TextLine(VisitDate(words, visit.visit)),
		                       TextLine(std::to_string(done) + " / " + std::to_string(visit.requests.size()),
		                                document::SpanKind::kValue)});
	}
	doc.blocks.push_back(std::move(visits));
	doc.blocks.push_back(Heading(words("documents.coaching.trend_heading")));
	const auto trend = MAMORI_TRY(ScoreTrend(ctx, access, &DocumentContentOf(ctx, access.org)));
	if (trend.empty()) {
		doc.blocks.push_back(Paragraph(words("documents.coaching.selfcheck_none")));
	} else {
		Block table{.type = BlockType::kTable};
		table.columns = {{words("documents.coaching.round"), 2}, {words("documents.coaching.started_on"), 3},
		                 {words("documents.coaching.points"), 2}};
		for (const auto &entry : trend) {
			table.rows.push_back({TextLine(std::to_string(entry.round.number)),
			                      TextLine(words.Date(entry.round.started_at.substr(0, 10))),
			                      TextLine(std::to_string(entry.score.total) + " / " + std::to_string(entry.score.max),
			                               document::SpanKind::kValue)});
		}
		doc.blocks.push_back(std::move(table));
	}
	doc.blocks.push_back(Heading(words("documents.coaching.deliverables_heading")));
	std::vector<coaching::Deliverable> deliverables;
	for (const auto &visit : coaching->visits) {
		deliverables.insert(deliverables.end(), visit.plan.deliverables.begin(), visit.plan.deliverables.end());
	}
	AddDeliverables(ctx, words, access, deliverables, doc.blocks, status);
	doc.blocks.push_back(Heading(words("documents.coaching.remaining_heading")));
	if (open.empty()) {
		doc.blocks.push_back(Paragraph(words("documents.coaching.none")));
	} else {
		doc.blocks.push_back(Bullets(words("documents.marker.bullet"), open));
	}
	doc.blocks.push_back(Heading(words("documents.coaching.weak_heading")));
	if (!trend.empty() && !trend.back().score.weak_items.empty()) {
		const Edition &edition = access.EditionOf(DocumentContentOf(ctx, access.org));
		std::vector<std::string> weak;
		for (int number : trend.back().score.weak_items) {
			const SelfcheckItem *item = edition.FindItem(number);
			weak.push_back("No." + std::to_string(number) + " " + (item != nullptr ? item->short_title : std::string()));
		}
		doc.blocks.push_back(Bullets(words("documents.marker.bullet"), weak));
	} else {
		doc.blocks.push_back(Paragraph(words("documents.coaching.none")));
	}
	MAMORI_TRY(status);
	return doc;
}

} // namespace mamori::app
