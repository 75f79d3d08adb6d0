// mamori/core/i18n/pre_catalog_japanese.cpp
//
// Japanese text for callers in web/ and app/ that do not pass the message
// catalog yet (issue 7 moves them next). Every text here is a copy of
// content/messages/ja/; when the last caller passes the catalog, delete this
// file and the declarations that point here.
#include "core/selfcheck/answer.hpp"

namespace mamori {

std::string_view AnswerLabel(Answer answer) {
	switch (answer) {
	case Answer::kImplemented:
		return "実施している";
	case Answer::kPartial:
		return "一部実施している";
	case Answer::kNotImplemented:
		return "実施していない";
	case Answer::kUnknown:
		return "わからない";
	}
	return "わからない";
}

} // namespace mamori
