// mamori/app/documents/document_words.cpp
#include "app/documents/document_words.hpp"

#include "app/languages.hpp"
#include "core/common/civil_date.hpp"

namespace mamori::app {

std::string DocumentWords::Date(const std::string &iso) const {
	auto date = ParseIsoDate(iso);
	return date ? FormatCivilDate((*this)("documents.policy.date"), *date) : std::string();
}

DocumentWords DocumentWordsOf(const MessageCatalog &messages, const OrgAccess &access) {
	return DocumentWords{messages, DocumentLocaleOf(access.org)};
}

document::DocumentFrame FrameFor(const DocumentWords &words, const OrgAccess &access, const std::string &title,
                                 const std::string &revised_on, bool draft) {
	document::DocumentFrame frame;
	frame.header_left = access.org.name;
	frame.header_right = revised_on.empty() ? std::string() : words("documents.frame.revised", {{"date", words.Date(revised_on)}});
	frame.footer_left = title;
	frame.page_pattern = words("documents.frame.page");
	frame.draft_mark = draft ? words("documents.frame.draft") : std::string();
	return frame;
}

document::FillContext FillContextFor(const AppContext &ctx, const DocumentWords &words, const OrgAccess &access) {
	document::FillContext context;
	context.built_ins = {{"company", access.org.name},
	                     {"company_short", access.org.name},
	                     {"today", words.Date(ctx.clock.TodayInJapan())}};
	context.date_pattern = words("documents.policy.date");
	context.blank_pattern = words("documents.frame.blank");
	return context;
}

} // namespace mamori::app
