// mamori/core/selfcheck/answer_code.cpp
#include "core/selfcheck/answer_code.hpp"

namespace mamori {
namespace {

// Persisted (selfcheck_round_scores.answers): never change a letter.
constexpr char kNoAnswer = '-';

char LetterOf(Answer answer) {
	switch (answer) {
	case Answer::kImplemented:
		return 'i';
	case Answer::kPartial:
		return 'p';
	case Answer::kNotImplemented:
		return 'n';
	case Answer::kUnknown:
		return 'u';
	}
	return kNoAnswer;
}

} // namespace

std::string EncodeAnswerCode(const AnswerSheet &sheet) {
	std::string code;
	for (const auto &[item, answer] : sheet) {
		if (item < 1) {
			continue;
		}
		if (code.size() < static_cast<size_t>(item)) {
			code.resize(static_cast<size_t>(item), kNoAnswer);
		}
		code[static_cast<size_t>(item) - 1] = LetterOf(answer);
	}
	return code;
}

std::optional<AnswerSheet> DecodeAnswerCode(std::string_view code) {
	AnswerSheet sheet;
	for (size_t i = 0; i < code.size(); ++i) {
		const std::optional<Answer> answer = AnswerOfCodeLetter(code[i]);
		if (!answer && code[i] != kNoAnswer) {
			return std::nullopt;
		}
		if (answer) {
			sheet.emplace_hint(sheet.end(), static_cast<int>(i) + 1, *answer);
		}
	}
	return sheet;
}

std::optional<Answer> AnswerInCode(std::string_view code, int item) {
	if (item < 1 || static_cast<size_t>(item) > code.size()) {
		return std::nullopt;
	}
	return AnswerOfCodeLetter(code[static_cast<size_t>(item) - 1]);
}

} // namespace mamori
