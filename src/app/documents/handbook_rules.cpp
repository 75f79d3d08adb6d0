// mamori/app/documents/handbook_rules.cpp
#include "app/documents/handbook_rules.hpp"

#include "app/languages.hpp"
#include "app/selfcheck_service.hpp"

#include <cstdio>

namespace mamori::app {

const HandbookItemLink *HandbookDiagnosis::Find(const std::string &section_id) const {
	for (const auto &item : items) {
		if (item.section_id == section_id) {
			return &item;
		}
	}
	return nullptr;
}

std::string HandbookSectionOf(int number) {
	char id[16];
	std::snprintf(id, sizeof id, "item_%02d", number);
	return id;
}

Result<HandbookDiagnosis> HandbookDiagnosisFor(AppContext &ctx, const OrgAccess &access) {
	HandbookDiagnosis diagnosis;
	// Countermeasures in the document's language: they become the handbook's words.
	const Edition &edition = access.EditionOf(DocumentContentOf(ctx, access.org));
	const auto summary = MAMORI_TRY(SummarizeRound(ctx, access));
	diagnosis.has_round = summary.has_value();
	for (const auto &item : edition.selfcheck_items) {
		HandbookItemLink link{HandbookSectionOf(item.number), item.number, item.short_title, std::nullopt, {}};
		if (summary) {
			if (auto answer = summary->combined.find(item.number); answer != summary->combined.end()) {
				link.answer = answer->second;
			}
		}
		for (const auto &countermeasure : item.countermeasures) {
			link.countermeasures.push_back(document::RuleFromCountermeasure(countermeasure));
		}
		diagnosis.items.push_back(std::move(link));
	}
	return diagnosis;
}

} // namespace mamori::app
