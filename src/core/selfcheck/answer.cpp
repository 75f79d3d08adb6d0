// mamori/core/selfcheck/answer.cpp
#include "core/selfcheck/answer.hpp"

namespace mamori {

// The machine names are persisted (storage, exports, the API), so they must
// never change; the labels follow the check boxes of 付録3.

std::string_view AnswerName(Answer answer) {
	switch (answer) {
	case Answer::kImplemented:
		return "implemented";
	case Answer::kPartial:
		return "partial";
	case Answer::kNotImplemented:
		return "not_implemented";
	case Answer::kUnknown:
		return "unknown";
	}
	return "unknown";
}

std::optional<Answer> ParseAnswerName(std::string_view name) {
	for (Answer answer : {Answer::kImplemented, Answer::kPartial, Answer::kNotImplemented, Answer::kUnknown}) {
		if (AnswerName(answer) == name) {
			return answer;
		}
	}
	return std::nullopt;
}

std::string_view AnswerLabelKey(Answer answer) {
	switch (answer) {
	case Answer::kImplemented:
		return "answer_label.implemented";
	case Answer::kPartial:
		return "answer_label.partial";
	case Answer::kNotImplemented:
		return "answer_label.not_implemented";
	case Answer::kUnknown:
		return "answer_label.unknown";
	}
	return "answer_label.unknown";
}

std::string AnswerLabel(const MessageCatalog &messages, Locale locale, Answer answer) {
	return messages.Text(locale, AnswerLabelKey(answer));
}

} // namespace mamori
