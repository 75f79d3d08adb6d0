// mamori/app/selfcheck_views.cpp
#include "app/selfcheck_views.hpp"

#include "core/common/civil_date.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <set>

namespace mamori::app {

namespace {

bool ParseDigits(const std::string &text, size_t pos, size_t count, int &out) {
	if (pos + count > text.size()) {
		return false;
	}
	int value = 0;
	for (size_t i = pos; i < pos + count; ++i) {
		if (text[i] < '0' || text[i] > '9') {
			return false;
		}
		value = value * 10 + (text[i] - '0');
	}
	out = value;
	return true;
}

//! The JST calendar day of a date or a UTC timestamp, or nullopt when not a date.
std::optional<CivilDate> JapanDay(const std::string &iso) {
	const auto date = ParseIsoDate(std::string_view(iso).substr(0, 10));
	if (!date) {
		return std::nullopt;
	}
	if (iso.size() == 10) {
		return date;  // already a local date
	}
	int hour = 0;
	if (iso[10] != 'T' || !ParseDigits(iso, 11, 2, hour) || hour > 23) {
		return std::nullopt;
	}
	// Stored timestamps are UTC ("Z"); Japan is UTC+9 all year.
	if (iso.back() == 'Z' && hour + 9 >= 24) {
		return AddDays(*date, 1);
	}
	return date;
}

} // namespace

std::string JapanIsoDate(const std::string &iso) {
	const auto date = JapanDay(iso);
	return date ? IsoDate(*date) : "";
}

std::string_view AnswerShortLabel(std::optional<Answer> answer) {
	if (!answer) {
		return "app_selfcheck.answer_short.none";
	}
	switch (*answer) {
	case Answer::kImplemented:
		return "app_selfcheck.answer_short.implemented";
	case Answer::kPartial:
		return "app_selfcheck.answer_short.partial";
	case Answer::kNotImplemented:
		return "app_selfcheck.answer_short.not_implemented";
	case Answer::kUnknown:
		return "app_selfcheck.answer_short.unknown";
	}
	return "app_selfcheck.answer_short.none";
}

std::optional<Answer> AnswerOf(const AnswerSheet &sheet, int number) {
	auto found = sheet.find(number);
	if (found == sheet.end()) {
		return std::nullopt;
	}
	return found->second;
}

int AnsweredCount(const AnswerSheet &sheet, int item_count) {
	int count = 0;
	for (const auto &[number, answer] : sheet) {
		(void)answer;
		if (number >= 1 && number <= item_count) {
			++count;
		}
	}
	return count;
}

std::optional<int> FirstUnansweredItem(const AnswerSheet &sheet, int item_count) {
	for (int number = 1; number <= item_count; ++number) {
		if (sheet.count(number) == 0) {
			return number;
		}
	}
	return std::nullopt;
}

ResponseProgress ProgressOf(const storage::SelfcheckResponse *response, int item_count) {
	ResponseProgress progress;
	progress.item_count = item_count;
	progress.answered = response ? AnsweredCount(response->answers, item_count) : 0;
	if (response && !response->submitted_at.empty()) {
		progress.state = ResponseState::kSubmitted;
		progress.label = {"app_selfcheck.progress.submitted", {}};
	} else if (progress.answered > 0) {
		progress.state = ResponseState::kInProgress;
		progress.label = {"app_selfcheck.progress.in_progress",
		                  {{"answered", std::to_string(progress.answered)}, {"item_count", std::to_string(item_count)}}};
	} else {
		progress.state = ResponseState::kNotStarted;
		progress.label = {"app_selfcheck.progress.not_started", {}};
	}
	return progress;
}

std::vector<RespondentRow> RespondentRows(const std::vector<storage::Department> &departments,
                                          const std::vector<storage::SelfcheckResponse> &responses, int item_count) {
	auto find_response = [&](const std::string &name) -> const storage::SelfcheckResponse * {
		for (const auto &response : responses) {
			if (response.respondent == name) {
				return &response;
			}
		}
		return nullptr;
	};
	std::vector<RespondentRow> rows;
	std::set<std::string> listed;
	for (const auto &department : departments) {
		if (!listed.insert(department.name).second) {
			continue;
		}
		rows.push_back({department.name, true, ProgressOf(find_response(department.name), item_count)});
	}
	for (const auto &response : responses) {
		if (!listed.insert(response.respondent).second) {
			continue;
		}
		rows.push_back({response.respondent, false, ProgressOf(&response, item_count)});
	}
	return rows;
}

std::vector<int> WeakItemsWorstFirst(const AnswerSheet &combined, const std::vector<int> &weak_items) {
	std::vector<int> ordered = weak_items;
	auto rank = [&](int number) {
		auto answer = AnswerOf(combined, number);
		return answer == Answer::kNotImplemented ? 0 : 1;
	};
	std::stable_sort(ordered.begin(), ordered.end(), [&](int a, int b) {
		const int ra = rank(a);
		const int rb = rank(b);
		return ra != rb ? ra < rb : a < b;
	});
	return ordered;
}

std::vector<double> GroupRatios(const SelfcheckScore &score) {
	std::vector<double> ratios;
	for (const auto &group : score.groups) {
		const double ratio = group.max > 0 ? static_cast<double>(group.score) / group.max : 0.0;
		ratios.push_back(std::clamp(ratio, 0.0, 1.0));
	}
	return ratios;
}

int GroupPercent(const GroupScore &group) {
	if (group.max <= 0 || group.score <= 0) {
		return 0;
	}
	return static_cast<int>(std::lround(100.0 * group.score / group.max));
}

KeyedText ResultHeading(const SelfcheckScore &score) {
	if (score.band) {
		return {"app_selfcheck.result_heading.with_band",
		        {{"total", std::to_string(score.total)}, {"band", score.band->label}}};
	}
	return {"app_selfcheck.result_heading.total", {{"total", std::to_string(score.total)}}};
}

int MinimumTotal(const SelfcheckRules &rules, int item_count) {
	const int worst = std::min({rules.implemented_points, rules.partial_points, rules.not_implemented_points,
	                            rules.unknown_points});
	return worst * item_count;
}

std::string TrimSpaces(const std::string &text) {
	// Half-width whitespace and the full-width space (U+3000, E3 80 80) that
	// Japanese input methods type, so 「 営業部」 and 「営業部」 are one respondent.
	size_t begin = 0;
	size_t end = text.size();
	auto space_at = [&](size_t pos, size_t limit) -> size_t {
		if (pos >= limit) {
			return 0;
		}
		const char c = text[pos];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			return 1;
		}
		if (pos + 3 <= limit && text.compare(pos, 3, "\xE3\x80\x80") == 0) {
			return 3;
		}
		return 0;
	};
	while (size_t n = space_at(begin, end)) {
		begin += n;
	}
	while (end > begin) {
		if (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r' || text[end - 1] == '\n') {
			end -= 1;
		} else if (end - begin >= 3 && text.compare(end - 3, 3, "\xE3\x80\x80") == 0) {
			end -= 3;
		} else {
			break;
		}
	}
	return text.substr(begin, end - begin);
}

std::string UrlEncode(std::string_view text) {
	static constexpr char kHex[] = "0123456789ABCDEF";
	std::string out;
	for (unsigned char c : text) {
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == '~') {
			out.push_back(static_cast<char>(c));
		} else {
			out.push_back('%');
			out.push_back(kHex[c >> 4]);
			out.push_back(kHex[c & 0xF]);
		}
	}
	return out;
}

std::string QueryString(const std::vector<std::pair<std::string, std::string>> &params) {
	std::string out;
	for (const auto &[key, value] : params) {
		if (value.empty()) {
			continue;
		}
		out += out.empty() ? "?" : "&";
		out += UrlEncode(key) + "=" + UrlEncode(value);
	}
	return out;
}

} // namespace mamori::app
