// mamori/core/coaching/programme.hpp
//
// A coaching programme as data (issue 12): the visits an expert makes to a firm, each with the
// pre-work requested of the firm (事前準備), the agenda of the day (当日) and the deliverables
// (成果物), after IPA's セキュリティマネジメント指導 実施要領 (seed 003: theme 1 with three
// visits over about 1.5 months; themes 2–5 as templates). The shipped programmes live in
// content/programmes/*.yaml; a consultant may write their own in the same form, checked by the
// same parser. Pure: the caller hands the text.
#pragma once

#include "core/common/result.hpp"
#include "core/i18n/locale.hpp"

#include <string>
#include <vector>

namespace mamori::coaching {

//! A text in both languages; a consultant's own programme may give one text for both.
struct LocalText {
	std::string ja;
	std::string en;
	const std::string &In(Locale locale) const { return locale == Locale::kEn && !en.empty() ? en : ja; }
};

struct PreworkRequest {
	std::string key;  // stable within the visit: the tracking row's name
	LocalText text;
};

struct Deliverable {
	LocalText text;
	std::string document;  // a mamori document kind that is the deliverable ("" when none)
};

struct ProgrammeVisit {
	int number = 0;  // 1, 2, … in order
	LocalText title;
	int weeks_before = 0;  // lead time for the pre-work (003: 1~2週間), 0 when not given
	std::string source;    // where the coaching guide describes this visit
	std::vector<PreworkRequest> prework;
	std::vector<LocalText> agenda;
	std::vector<Deliverable> deliverables;
};

struct Programme {
	std::string id;       // [a-z0-9_], unique among the programmes offered
	std::string version;  // the file's own version, shown in reports
	int theme = 0;        // 003's theme 1–5, 0 for a consultant's own programme
	bool built_in = false;  // theme 1 is the built-in programme; the others are templates
	LocalText title;
	LocalText goal;
	std::string source;
	std::vector<ProgrammeVisit> visits;

	const ProgrammeVisit *FindVisit(int number) const;
};

enum class ProgrammeOrigin {
	kContent,     // a shipped file: every text in ja and en, and every source named
	kConsultant,  // a consultant's own: one language is enough, sources optional
};

//! Parses a programme. Errors are kInvalidInput whose field is the path of the entry at fault
//! ("visits.2.prework.1.key") with a message key under errors.programme; `document_kinds` are the
//! kinds a deliverable may name.
Result<Programme> ParseProgramme(const std::string &yaml_text, ProgrammeOrigin origin,
                                 const std::vector<std::string> &document_kinds);

} // namespace mamori::coaching
