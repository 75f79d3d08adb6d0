// mamori/interchange/register_import.cpp
//
// Header mapping and cell validation shared by every import format, plus
// the small text and date helpers the readers and writers share.
#include "interchange/register_internal.hpp"

#include "core/common/civil_date.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace mamori::interchange {

namespace internal {
namespace {

// --- UTF-8 ---------------------------------------------------------------

// Decodes the code point at text[i]; on a malformed sequence returns the
// byte itself and advances by one, so callers never loop forever.
char32_t NextCodePoint(std::string_view text, size_t &i) {
	const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
	const unsigned char lead = byte(i);
	size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
	if (length <= 1 || i + length > text.size()) {
		++i;
		return lead;
	}
	char32_t cp = lead & (0x7F >> length);
	for (size_t k = 1; k < length; ++k) {
		if ((byte(i + k) & 0xC0) != 0x80) {
			++i;
			return lead;
		}
		cp = (cp << 6) | (byte(i + k) & 0x3F);
	}
	i += length;
	return cp;
}

void AppendUtf8(std::string &out, char32_t cp) {
	if (cp < 0x80) {
		out += static_cast<char>(cp);
	} else if (cp < 0x800) {
		out += static_cast<char>(0xC0 | (cp >> 6));
		out += static_cast<char>(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		out += static_cast<char>(0xE0 | (cp >> 12));
		out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
		out += static_cast<char>(0x80 | (cp & 0x3F));
	} else {
		out += static_cast<char>(0xF0 | (cp >> 18));
		out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
		out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
		out += static_cast<char>(0x80 | (cp & 0x3F));
	}
}

// --- Dates (day numbers from core/common/civil_date) ----------------------

bool AllDigits(std::string_view text) {
	if (text.empty()) {
		return false;
	}
	for (char c : text) {
		if (c < '0' || c > '9') {
			return false;
		}
	}
	return true;
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
	for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
		text.replace(at, from.size(), to);
	}
	return text;
}

// --- Cell parsing --------------------------------------------------------

const std::vector<std::string> kRequired = {"business_category", "name",      "medium",
                                            "confidentiality",   "integrity", "availability"};

bool IsRequired(const std::string &key) {
	for (const auto &required : kRequired) {
		if (required == key) {
			return true;
		}
	}
	return false;
}

// Headers compare without white space, so 「機密性 」 or a wrapped 「媒体・\n保存先」 still match.
std::string HeaderKey(std::string_view text) {
	std::string out;
	for (size_t i = 0; i < text.size();) {
		const char32_t cp = NextCodePoint(text, i);
		if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0x3000) {
			continue;
		}
		AppendUtf8(out, cp);
	}
	return out;
}

// Excel keeps line breaks in cells as LF; CSV written on Windows may carry CRLF.
std::string NormalizeNewlines(std::string text) {
	text = ReplaceAll(std::move(text), "\r\n", "\n");
	for (char &c : text) {
		if (c == '\r') {
			c = '\n';
		}
	}
	return text;
}

MessageParams RangeParams(const RiskScale &scale, MessageParams params = {}) {
	params.emplace_back("min", std::to_string(scale.rating_min));
	params.emplace_back("max", std::to_string(scale.rating_max));
	return params;
}

// Returns the problem, or nullopt when the value is set.
std::optional<CellProblem> ParseRating(const RiskScale &scale, const RawCell &cell, int &value) {
	const std::string shown = Trim(cell.text);
	const std::string text = NormalizeForMatch(shown);
	if (text.empty()) {
		return CellProblem{"interchange.cell_errors.rating_required", RangeParams(scale)};
	}
	// strtod alone would also take "inf", "nan" and hexadecimal; a rating is plain decimal.
	bool plain = true;
	for (char c : text) {
		plain = plain && ((c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == 'e');
	}
	char *end = nullptr;
	const double number = plain ? std::strtod(text.c_str(), &end) : 0.0;
	const MessageParams shown_value = {{"value", Excerpt(shown)}};
	if (!plain || end == text.c_str() || *end != '\0' || !std::isfinite(number)) {
		return CellProblem{"interchange.cell_errors.rating_not_number", RangeParams(scale, shown_value)};
	}
	if (number != std::floor(number)) {
		return CellProblem{"interchange.cell_errors.rating_not_integer", RangeParams(scale, shown_value)};
	}
	if (number < scale.rating_min || number > scale.rating_max) {
		return CellProblem{"interchange.cell_errors.rating_out_of_range", RangeParams(scale, shown_value)};
	}
	value = static_cast<int>(number);
	return std::nullopt;
}

std::optional<CellProblem> ParseText(const RawCell &cell, bool required, size_t max_bytes, std::string &out) {
	std::string text = Trim(NormalizeNewlines(cell.text));
	if (required && text.empty()) {
		return CellProblem{"interchange.cell_errors.required", {}};
	}
	if (text.size() > max_bytes) {
		return CellProblem{"interchange.cell_errors.too_long",
		                   {{"bytes", std::to_string(text.size())},
		                    {"max", std::to_string(max_bytes)},
		                    {"chars", std::to_string(max_bytes / 3)}}};
	}
	out = std::move(text);
	return std::nullopt;
}

//! The comma-separated words of a message, each normalized for matching.
void AddWords(std::vector<std::string> &out, const std::string &list) {
	size_t start = 0;
	while (start <= list.size()) {
		size_t comma = list.find(',', start);
		if (comma == std::string::npos) {
			comma = list.size();
		}
		const std::string word = NormalizeForMatch(Trim(std::string_view(list).substr(start, comma - start)));
		if (!word.empty()) {
			out.push_back(word);
		}
		start = comma + 1;
	}
}

bool Contains(const std::vector<std::string> &words, const std::string &word) {
	return std::find(words.begin(), words.end(), word) != words.end();
}

} // namespace

std::optional<CellProblem> RowImporter::ParseBool(const RawCell &cell, bool &value) const {
	const std::string text = NormalizeForMatch(Trim(cell.text));
	if (Contains(yes_words_, text)) {
		value = true;
		return std::nullopt;
	}
	if (text.empty() || Contains(no_words_, text)) {
		value = false;
		return std::nullopt;
	}
	return CellProblem{"interchange.cell_errors.flag_unknown", {{"value", Excerpt(Trim(cell.text))}}};
}

std::optional<CellProblem> RowImporter::ParseMedium(const RawCell &cell, std::string &medium) const {
	const std::string text = Trim(cell.text);
	// The list in the error is in the file's language, as the person typed the names.
	const auto in_file_language = context_.editions.find(file_locale_);
	const Edition &named = in_file_language != context_.editions.end() ? *in_file_language->second : context_.edition();
	std::string names;
	for (const auto &candidate : named.risk_catalog.media) {
		names += (names.empty() ? "" : Words("interchange.list_separator")) + candidate.name;
	}
	if (text.empty()) {
		return CellProblem{"interchange.cell_errors.medium_required", {{"media", names}}};
	}
	// Exact first; then ignoring width and case, so 「事務所ＰＣ」 and 「OFFICE_PC」 find their medium.
	// Each language's names are accepted, so an English export imports again.
	for (const auto &[locale, edition] : context_.editions) {
		for (const auto &candidate : edition->risk_catalog.media) {
			if (text == candidate.name || text == candidate.id) {
				medium = candidate.id;
				return std::nullopt;
			}
		}
	}
	const std::string loose = NormalizeForMatch(text);
	for (const auto &[locale, edition] : context_.editions) {
		for (const auto &candidate : edition->risk_catalog.media) {
			if (loose == NormalizeForMatch(candidate.name) || loose == NormalizeForMatch(candidate.id)) {
				medium = candidate.id;
				return std::nullopt;
			}
		}
	}
	return CellProblem{"interchange.cell_errors.medium_unknown", {{"value", Excerpt(text)}, {"media", names}}};
}

std::optional<CellProblem> RowImporter::ParseRegisteredOn(const RawCell &cell, std::string &date) const {
	const std::string text = Trim(cell.text);
	if (text.empty()) {
		date.clear();
		return std::nullopt;
	}
	std::optional<std::string> parsed;
	if (cell.numeric) {
		char *end = nullptr;
		const double serial = std::strtod(text.c_str(), &end);
		if (end != text.c_str() && *end == '\0') {
			parsed = ExcelSerialToDate(serial);
		}
	} else {
		parsed = ParseDateText(text);
		for (size_t i = 0; !parsed && i < date_patterns_.size(); ++i) {
			parsed = ParseWrittenDate(text, date_patterns_[i]);
		}
	}
	if (!parsed) {
		return CellProblem{"interchange.cell_errors.date_unreadable", {{"value", Excerpt(text)}}};
	}
	date = *parsed;
	return std::nullopt;
}

std::optional<CellProblem> RowImporter::ApplyCell(const std::string &key, const RawCell &cell,
                                                  storage::Asset &asset) const {
	struct TextField {
		const char *key;
		std::string storage::Asset::*member;
		size_t max;
	};
	static const TextField kTexts[] = {
	    {"business_category", &storage::Asset::business_category, kMaxTextBytes},
	    {"name", &storage::Asset::name, kMaxTextBytes},
	    {"note", &storage::Asset::note, kMaxNoteBytes},
	    {"users", &storage::Asset::users, kMaxTextBytes},
	    {"department", &storage::Asset::department, kMaxTextBytes},
	    {"retention", &storage::Asset::retention, kMaxTextBytes},
	    {"risk_owner", &storage::Asset::risk_owner, kMaxTextBytes},
	};
	for (const auto &text : kTexts) {
		if (key == text.key) {
			return ParseText(cell, IsRequired(key), text.max, asset.*text.member);
		}
	}
	const RiskScale &scale = context_.edition().risk_scale;
	if (key == "medium") {
		return ParseMedium(cell, asset.medium);
	}
	if (key == "confidentiality") {
		return ParseRating(scale, cell, asset.confidentiality);
	}
	if (key == "integrity") {
		return ParseRating(scale, cell, asset.integrity);
	}
	if (key == "availability") {
		return ParseRating(scale, cell, asset.availability);
	}
	if (key == "personal_info") {
		return ParseBool(cell, asset.personal_info);
	}
	if (key == "sensitive_personal_info") {
		return ParseBool(cell, asset.sensitive_personal_info);
	}
	if (key == "my_number") {
		return ParseBool(cell, asset.my_number);
	}
	if (key == "business_critical") {
		return ParseBool(cell, asset.business_critical);
	}
	if (key == "registered_on") {
		return ParseRegisteredOn(cell, asset.registered_on);
	}
	return std::nullopt; // a column added to RegisterColumns() without a parser is ignored, not fatal
}


bool IsValidUtf8(std::string_view text, size_t *bad_offset) {
	size_t i = 0;
	const auto fail = [&]() {
		if (bad_offset != nullptr) {
			*bad_offset = i;
		}
		return false;
	};
	while (i < text.size()) {
		const unsigned char lead = static_cast<unsigned char>(text[i]);
		size_t length = 0;
		char32_t min = 0;
		if (lead < 0x80) {
			++i;
			continue;
		} else if (lead >= 0xC2 && lead <= 0xDF) {
			length = 2, min = 0x80;
		} else if ((lead & 0xF0) == 0xE0) {
			length = 3, min = 0x800;
		} else if (lead >= 0xF0 && lead <= 0xF4) {
			length = 4, min = 0x10000;
		} else {
			return fail();
		}
		if (i + length > text.size()) {
			return fail();
		}
		char32_t cp = lead & (0x7F >> length);
		for (size_t k = 1; k < length; ++k) {
			const unsigned char next = static_cast<unsigned char>(text[i + k]);
			if ((next & 0xC0) != 0x80) {
				return fail();
			}
			cp = (cp << 6) | (next & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
			return fail();
		}
		i += length;
	}
	return true;
}

std::string Trim(std::string_view text) {
	static constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
	bool changed = true;
	while (changed && !text.empty()) {
		changed = false;
		if (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n') {
			text.remove_prefix(1), changed = true;
		} else if (text.substr(0, 3) == kIdeographicSpace) {
			text.remove_prefix(3), changed = true;
		}
		if (text.empty()) {
			break;
		}
		if (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n') {
			text.remove_suffix(1), changed = true;
		} else if (text.size() >= 3 && text.substr(text.size() - 3) == kIdeographicSpace) {
			text.remove_suffix(3), changed = true;
		}
	}
	return std::string(text);
}

std::string NormalizeForMatch(std::string_view text) {
	std::string out;
	for (size_t i = 0; i < text.size();) {
		char32_t cp = NextCodePoint(text, i);
		if (cp >= 0xFF01 && cp <= 0xFF5E) {
			cp -= 0xFEE0;
		} else if (cp == 0x3000) {
			cp = ' ';
		}
		if (cp >= 'A' && cp <= 'Z') {
			cp += 'a' - 'A';
		}
		AppendUtf8(out, cp);
	}
	return out;
}

size_t DisplayWidth(std::string_view text) {
	size_t width = 0;
	for (size_t i = 0; i < text.size();) {
		const char32_t cp = NextCodePoint(text, i);
		// Japanese fonts draw nearly everything past Latin as full width; half-width kana are the exception.
		width += (cp >= 0x2000 && !(cp >= 0xFF61 && cp <= 0xFF9F)) ? 2 : 1;
	}
	return width;
}

std::string Excerpt(std::string_view text, size_t max_chars) {
	size_t i = 0;
	for (size_t count = 0; i < text.size() && count < max_chars; ++count) {
		NextCodePoint(text, i);
	}
	return i < text.size() ? std::string(text.substr(0, i)) + "…" : std::string(text);
}

std::string FormatDate(int year, int month, int day) {
	char buffer[16];
	std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
	return buffer;
}

std::optional<std::string> ParseDateText(std::string_view raw) {
	std::string text = NormalizeForMatch(Trim(raw));
	if (const size_t time = text.find_first_of(" t"); time != std::string::npos) {
		text.resize(time); // "2025-04-01T00:00:00", "2025/4/1 0:00"
	}
	const char separator = text.find('/') != std::string::npos ? '/' : '-';
	const size_t first = text.find(separator);
	const size_t second = first == std::string::npos ? first : text.find(separator, first + 1);
	if (second == std::string::npos || text.find_first_of("-/", second + 1) != std::string::npos) {
		return std::nullopt;
	}
	const std::string_view view(text);
	const auto year = view.substr(0, first);
	const auto month = view.substr(first + 1, second - first - 1);
	const auto day = view.substr(second + 1);
	if (year.size() != 4 || !AllDigits(year) || month.empty() || month.size() > 2 || !AllDigits(month) || day.empty() ||
	    day.size() > 2 || !AllDigits(day)) {
		return std::nullopt;
	}
	const int y = std::atoi(std::string(year).c_str());
	const int m = std::atoi(std::string(month).c_str());
	const int d = std::atoi(std::string(day).c_str());
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > mamori::DaysInMonth(y, m)) {
		return std::nullopt;
	}
	return FormatDate(y, m, d);
}

std::optional<std::string> ParseWrittenDate(std::string_view raw, std::string_view pattern) {
	const std::string text = NormalizeForMatch(Trim(raw));
	std::string year, month, day;
	size_t at = 0;
	for (size_t p = 0; p < pattern.size();) {
		const size_t open = pattern.find("{{", p);
		if (open != p) {
			// Literal text between the numbers (「年」, 「月」); the one after the day may be left out.
			const std::string literal = NormalizeForMatch(pattern.substr(p, open - p));
			if (text.compare(at, literal.size(), literal) == 0) {
				at += literal.size();
			} else if (!(open == std::string_view::npos && at == text.size())) {
				return std::nullopt;
			}
			if (open == std::string_view::npos) {
				break;
			}
		}
		const size_t close = pattern.find("}}", open);
		if (close == std::string_view::npos) {
			return std::nullopt;
		}
		const std::string_view name = pattern.substr(open + 2, close - open - 2);
		const size_t start = at;
		while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
			++at;
		}
		const std::string digits = text.substr(start, at - start);
		(name == "year" ? year : name == "month" ? month : day) = digits;
		p = close + 2;
	}
	if (at != text.size() || year.empty() || month.empty() || day.empty()) {
		return std::nullopt;
	}
	return ParseDateText(year + "-" + month + "-" + day);
}

std::optional<std::string> ExcelSerialToDate(double serial, bool date1904) {
	if (!std::isfinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2958466) {
		return std::nullopt;
	}
	long long day = static_cast<long long>(std::floor(serial));
	long long days = 0;
	if (date1904) {
		days = DaysSinceEpoch(CivilDate{1904, 1, 1}) + day;
	} else {
		// Excel counts the non-existent 1900-02-29 as day 60 (Lotus 1-2-3 compatibility).
		if (day == 60) {
			return std::nullopt;
		}
		if (day > 60) {
			--day;
		}
		days = DaysSinceEpoch(CivilDate{1899, 12, 31}) + day;
	}
	const CivilDate date = DateFromDaysSinceEpoch(days);
	if (date.year > 9999) {
		return std::nullopt;
	}
	return FormatDate(date.year, date.month, date.day);
}

std::optional<int> DateToExcelSerial(const std::string &date) {
	auto parsed = ParseDateText(date);
	if (!parsed) {
		return std::nullopt;
	}
	const int y = std::atoi(parsed->substr(0, 4).c_str());
	const int m = std::atoi(parsed->substr(5, 2).c_str());
	const int d = std::atoi(parsed->substr(8, 2).c_str());
	long long serial = DaysSinceEpoch(CivilDate{y, m, d}) - DaysSinceEpoch(CivilDate{1899, 12, 31});
	if (serial < 1) {
		return std::nullopt;
	}
	if (serial >= 60) {
		++serial;
	}
	return static_cast<int>(serial);
}

std::string MediumLabel(const Edition &edition, const std::string &medium_id) {
	const RiskMedium *medium = edition.risk_catalog.FindMedium(medium_id);
	return medium != nullptr ? medium->name : medium_id;
}

void PrepareAnalysis(const Edition &edition, const RegisterSnapshot &snapshot, AnalysisView &view) {
	if (snapshot.analysis != nullptr && snapshot.analysis->assets.size() == snapshot.assets.size()) {
		view.result = snapshot.analysis;
		return;
	}
	view.input = AnalysisInput{};
	for (size_t i = 0; i < snapshot.assets.size(); ++i) {
		const storage::Asset &asset = snapshot.assets[i];
		RegisterAsset row;
		row.key = asset.id != 0 ? std::to_string(asset.id) : "row" + std::to_string(i + 1);
		row.name = asset.name;
		row.medium = asset.medium;
		row.rating =
		    AssetRating{asset.confidentiality,         asset.integrity, asset.availability,     asset.personal_info,
		                asset.sensitive_personal_info, asset.my_number, asset.business_critical};
		view.input.assets.push_back(std::move(row));
	}
	view.input.frequencies = snapshot.frequencies;
	view.input.answers = snapshot.answers;
	view.owned = AnalyzeRegister(edition, view.input);
	view.result = &view.owned;
}

std::vector<std::string> ComputedHeaders(const DocumentText &text) {
	return {text("interchange.computed.importance"), text("interchange.computed.risk_value"),
	        text("interchange.computed.level"), text("interchange.computed.driving_threat")};
}

std::vector<std::string> RegisterHeaders(const DocumentText &text) {
	std::vector<std::string> headers;
	for (const auto &column : RegisterColumns()) {
		headers.push_back(text(column.header_key));
	}
	return headers;
}

std::string FlagText(const DocumentText &text, bool value) {
	return value ? text("interchange.flag.yes") : text("interchange.flag.no");
}

std::string CategoryTitle(const DocumentText &text, int number, const std::string &name) {
	return text("interchange.category_title", {{"number", std::to_string(number)}, {"name", name}});
}

ComputedRow Computed(const AnalysisView &view, size_t index) {
	ComputedRow row;
	if (view.result == nullptr || index >= view.result->assets.size()) {
		return row;
	}
	const AssetAssessment &assessment = view.result->assets[index];
	row.importance = assessment.importance;
	if (!assessment.threats.empty()) {
		row.risk_value = assessment.risk_value;
		row.level = assessment.level != nullptr ? assessment.level->label : "";
		if (assessment.driving_threat >= 0 &&
		    static_cast<size_t>(assessment.driving_threat) < assessment.threats.size()) {
			const RiskThreat *threat = assessment.threats[assessment.driving_threat].threat;
			row.driving_threat = threat != nullptr ? threat->name : "";
		}
	}
	return row;
}

std::vector<DiagnosisRow> DiagnosisRows(const Edition &edition, const AnalysisView &view, const DocumentText &text) {
	std::vector<DiagnosisRow> rows;
	if (view.result == nullptr) {
		return rows;
	}
	for (const auto &category : view.result->categories) {
		DiagnosisRow row;
		if (category.category != nullptr) {
			row.number = category.category->number;
			row.category = CategoryTitle(text, row.number, category.category->name);
			row.regulation =
			    std::to_string(category.category->regulation_number) + " " + category.category->regulation_name;
		}
		row.need = std::string(RegulationNeedId(category.need));
		if (const RegulationNeedLabel *need = RegulationNeedLabelOf(edition.risk_catalog, category.need)) {
			row.mark = need->mark;
			row.advice = need->advice;
		}
		row.rate = FormatImplementationRate(category.rate);
		row.rate_permille = ImplementationRatePermille(category.rate);
		row.implemented = category.implemented;
		row.partial = category.partial;
		row.not_implemented = category.not_implemented;
		row.not_applicable = category.not_applicable;
		row.unanswered = static_cast<int>(category.unanswered.size());
		rows.push_back(std::move(row));
	}
	return rows;
}

std::vector<std::string> DiagnosisHeaders(const DocumentText &text) {
	return {text("interchange.diagnosis.category"),        text("interchange.diagnosis.need"),
	        text("interchange.diagnosis.rate"),            text("interchange.diagnosis.advice"),
	        text("interchange.diagnosis.regulation"),      text("interchange.diagnosis.implemented"),
	        text("interchange.diagnosis.partial"),         text("interchange.diagnosis.not_implemented"),
	        text("interchange.diagnosis.not_applicable"), text("interchange.diagnosis.unanswered")};
}

// --- RowImporter -----------------------------------------------------------

RowImporter::RowImporter(const ReadingContext &context, std::optional<Locale> sheet_locale, bool json_keys)
    : context_(context), sheet_locale_(sheet_locale), json_keys_(json_keys), field_column_(RegisterColumns().size()) {
	for (Locale locale : kAllLocales) {
		AddWords(yes_words_, context_.messages.Text(locale, "interchange.flag.yes"));
		AddWords(yes_words_, context_.messages.Text(locale, "interchange.flag.yes_words"));
		AddWords(no_words_, context_.messages.Text(locale, "interchange.flag.no"));
		AddWords(no_words_, context_.messages.Text(locale, "interchange.flag.no_words"));
		date_patterns_.push_back(context_.messages.Text(locale, "interchange.written_date"));
	}
	// What scripts and spreadsheets write for a yes/no cell, in any language.
	AddWords(yes_words_, "1, true, yes");
	AddWords(no_words_, "0, false, no");
	sheet_ = json_keys_ ? "assets" : Words(kRegisterSheetKey);
}

std::string RowImporter::Words(std::string_view key, const MessageParams &params) const {
	return context_.messages.Text(sheet_locale_.value_or(file_locale_), key, params);
}

Status RowImporter::SetHeaders(const std::vector<std::string> &headers) {
	const auto &columns = RegisterColumns();
	std::fill(field_column_.begin(), field_column_.end(), std::nullopt);
	column_count_ = 0;
	// Which column each header names, and in which language: the file is
	// described in the language most of its headers are in.
	std::vector<std::optional<size_t>> field_of(headers.size());
	std::map<Locale, int> votes;
	for (size_t position = 0; position < headers.size(); ++position) {
		const std::string header = HeaderKey(headers[position]);
		if (header.empty()) {
			continue;
		}
		for (size_t field = 0; field < columns.size() && !field_of[position]; ++field) {
			// The JSON key is accepted as a header too, for files made by scripts.
			if (header == columns[field].key) {
				field_of[position] = field;
			}
			for (Locale locale : kAllLocales) {
				if (!field_of[position] && header == HeaderKey(context_.messages.Text(locale, columns[field].header_key))) {
					field_of[position] = field;
					++votes[locale];
				}
			}
		}
	}
	file_locale_ = kDefaultLocale;
	for (const auto &[locale, count] : votes) {
		if (count > votes[file_locale_]) {
			file_locale_ = locale;
		}
	}
	if (!json_keys_) {
		sheet_ = Words(kRegisterSheetKey);
	}
	const auto header_text = [&](size_t field) {
		return context_.messages.Text(file_locale_, columns[field].header_key);
	};
	for (size_t position = 0; position < headers.size(); ++position) {
		if (!field_of[position]) {
			continue;
		}
		const size_t field = *field_of[position];
		if (field_column_[field]) {
			return Error::Invalid("file", "interchange.errors.header_twice",
			                      {{"sheet", sheet_}, {"header", header_text(field)}});
		}
		field_column_[field] = position;
		column_count_ = std::max(column_count_, position + 1);
	}
	std::string missing;
	for (size_t field = 0; field < columns.size(); ++field) {
		if (!field_column_[field] && IsRequired(columns[field].key)) {
			missing += context_.messages.Text(file_locale_, "interchange.quoted", {{"text", header_text(field)}});
		}
	}
	if (!missing.empty()) {
		return Error::Invalid("file", "interchange.errors.headers_missing", {{"sheet", sheet_}, {"headers", missing}});
	}
	return OkStatus();
}

Status RowImporter::CountRow() {
	if (++data_rows_ > kMaxRows) {
		return Error{ErrorCode::kPayloadTooLarge, "file", "interchange.errors.too_many_rows",
		             {{"max", std::to_string(kMaxRows)}}};
	}
	return OkStatus();
}

Status RowImporter::RejectRow(int row_number, std::string column, CellProblem problem) {
	if (auto status = CountRow(); !status) {
		return status;
	}
	preview_.errors.push_back(
	    CellError{sheet_, row_number, std::move(column), std::move(problem.key), std::move(problem.params)});
	return OkStatus();
}

Status RowImporter::AddRow(int row_number, const std::vector<RawCell> &cells) {
	static const RawCell kEmpty;
	const auto &columns = RegisterColumns();
	const auto cell_at = [&](size_t field) -> const RawCell & {
		const size_t position = *field_column_[field];
		return position < cells.size() ? cells[position] : kEmpty;
	};
	bool empty = true;
	for (size_t field = 0; field < columns.size() && empty; ++field) {
		empty = !field_column_[field] || Trim(cell_at(field).text).empty();
	}
	if (empty) {
		return OkStatus();
	}
	if (auto status = CountRow(); !status) {
		return status;
	}
	storage::Asset asset;
	bool row_ok = true;
	for (size_t field = 0; field < columns.size(); ++field) {
		if (!field_column_[field]) {
			continue; // optional column not in the file: keep the default
		}
		const RawCell &cell = cell_at(field);
		auto problem = cell.error ? cell.error : ApplyCell(columns[field].key, cell, asset);
		if (problem) {
			const std::string column = json_keys_ ? columns[field].key
			                                      : context_.messages.Text(file_locale_, columns[field].header_key);
			preview_.errors.push_back(
			    CellError{sheet_, row_number, column, std::move(problem->key), std::move(problem->params)});
			row_ok = false;
		}
	}
	if (row_ok) {
		preview_.rows.push_back(std::move(asset));
	}
	return OkStatus();
}

} // namespace internal

Result<ImportPreview> ReadRegister(const ReadingContext &context, RegisterFormat format, const std::string &bytes) {
	switch (format) {
	case RegisterFormat::kXlsx:
		return ReadRegisterXlsx(context, bytes);
	case RegisterFormat::kCsv:
		return ReadRegisterCsv(context, bytes);
	case RegisterFormat::kJson:
		return ReadRegisterJson(context, bytes);
	}
	return Error::Invalid("format", "interchange.errors.format");
}

} // namespace mamori::interchange
