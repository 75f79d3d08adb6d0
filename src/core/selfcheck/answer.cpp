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
