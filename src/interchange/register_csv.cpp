// mamori/interchange/register_csv.cpp
//
// The 台帳 as CSV. Export is UTF-8 with a BOM, because that is what makes
// Japanese Excel open it without mojibake. Import takes UTF-8 (with or
// without BOM) or Shift_JIS/CP932, which is what 「CSV（コンマ区切り）」 in
// Japanese Excel writes.
#include "interchange/csv_text.hpp"
#include "interchange/register_internal.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

namespace mamori::interchange {
namespace {

using internal::RawCell;

std::string UnguardFormula(std::string text) {
	if (text.size() >= 2 && text.front() == '\'' && std::string_view("=+-@\t\r").find(text[1]) != std::string::npos) {
		text.erase(0, 1);
	}
	return text;
}

//! Reads RFC 4180 records one at a time, so a file of empty lines costs no memory.
class CsvReader {
  public:
	explicit CsvReader(std::string_view text) : text_(text) {}

	bool AtEnd() const { return pos_ >= text_.size(); }

	//! Next record into `fields`; Error on a quote that never closes.
	Status Next(std::vector<std::string> &fields, int record_number) {
		fields.assign(1, std::string());
		bool quoted = false;
		while (pos_ < text_.size()) {
			const char c = text_[pos_++];
			if (quoted) {
				if (c != '"') {
					fields.back() += c;
				} else if (pos_ < text_.size() && text_[pos_] == '"') {
					fields.back() += '"';
					++pos_;
				} else {
					quoted = false;
				}
				continue;
			}
			if (c == '"') {
				quoted = true; // also mid-field, as Excel reads `ab"c,d"`: lenient rather than refusing
			} else if (c == ',') {
				fields.emplace_back();
			} else if (c == '\r' || c == '\n') {
				if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') {
					++pos_;
				}
				return OkStatus();
			} else {
				fields.back() += c;
			}
		}
		if (quoted) {
			return Error::Invalid("file", "interchange.errors.csv.unclosed_quote",
			                      {{"row", std::to_string(record_number)}});
		}
		return OkStatus();
	}

  private:
	std::string_view text_;
	size_t pos_ = 0;
};

Result<std::string> FromCp932(const std::string &bytes) {
	iconv_t cd = iconv_open("UTF-8", "CP932");
	if (cd == reinterpret_cast<iconv_t>(-1)) {
		return Error::Make(ErrorCode::kInternal, "interchange.errors.csv.no_converter");
	}
	std::string out(bytes.size() * 2 + 16, '\0');
	char *in_ptr = const_cast<char *>(bytes.data());
	size_t in_left = bytes.size();
	size_t produced = 0;
	bool failed = false;
	while (in_left > 0) {
		char *out_ptr = out.data() + produced;
		size_t out_left = out.size() - produced;
		const size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
		produced = out.size() - out_left;
		if (rc != static_cast<size_t>(-1)) {
			break;
		}
		if (errno == E2BIG) {
			out.resize(out.size() * 2);
			continue;
		}
		failed = true; // EILSEQ (not CP932) or EINVAL (cut in the middle of a character)
		break;
	}
	iconv_close(cd);
	if (failed) {
		const size_t offset = bytes.size() - in_left;
		return Error::Invalid("file", "interchange.errors.csv.unknown_encoding", {{"offset", std::to_string(offset + 1)}});
	}
	out.resize(produced);
	return out;
}

//! The file as UTF-8 text: BOM → UTF-8; valid UTF-8 → UTF-8; else CP932.
Result<std::string> DecodeCsv(const std::string &bytes) {
	if (bytes.compare(0, kCsvBom.size(), kCsvBom) == 0) {
		std::string text = bytes.substr(kCsvBom.size());
		size_t bad = 0;
		if (!internal::IsValidUtf8(text, &bad)) {
			return Error::Invalid("file", "interchange.errors.csv.bad_utf8",
			                      {{"offset", std::to_string(bad + kCsvBom.size() + 1)}});
		}
		return text;
	}
	if (bytes.size() >= 2 &&
	    ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
		return Error::Invalid("file", "interchange.errors.csv.utf16");
	}
	if (internal::IsValidUtf8(bytes)) {
		return bytes;
	}
	return FromCp932(bytes);
}

} // namespace

std::string WriteRegisterCsv(const Edition &edition, const RegisterSnapshot &snapshot, const DocumentText &text) {
	internal::AnalysisView view;
	internal::PrepareAnalysis(edition, snapshot, view);
	std::string out(kCsvBom);
	std::vector<std::string> header = internal::RegisterHeaders(text);
	for (const auto &computed : internal::ComputedHeaders(text)) {
		header.push_back(computed);
	}
	CsvAppendRecord(out, header);
	for (size_t i = 0; i < snapshot.assets.size(); ++i) {
		const storage::Asset &a = snapshot.assets[i];
		const internal::ComputedRow computed = internal::Computed(view, i);
		CsvAppendRecord(out, {a.business_category,
		                   a.name,
		                   a.note,
		                   a.users,
		                   a.department,
		                   internal::MediumLabel(edition, a.medium),
		                   internal::FlagText(text, a.personal_info),
		                   internal::FlagText(text, a.sensitive_personal_info),
		                   internal::FlagText(text, a.my_number),
		                   std::to_string(a.confidentiality),
		                   std::to_string(a.integrity),
		                   std::to_string(a.availability),
		                   internal::FlagText(text, a.business_critical),
		                   a.retention,
		                   a.registered_on,
		                   a.risk_owner,
		                   computed.importance ? std::to_string(*computed.importance) : "",
		                   computed.risk_value ? std::to_string(*computed.risk_value) : "",
		                   computed.level,
		                   computed.driving_threat});
	}
	return out;
}

std::string WriteDiagnosisCsv(const Edition &edition, const RegisterSnapshot &snapshot, const DocumentText &text) {
	internal::AnalysisView view;
	internal::PrepareAnalysis(edition, snapshot, view);
	std::string out(kCsvBom);
	CsvAppendRecord(out, internal::DiagnosisHeaders(text));
	for (const auto &row : internal::DiagnosisRows(edition, view, text)) {
		CsvAppendRecord(out, {row.category, row.mark, row.rate, row.advice, row.regulation, std::to_string(row.implemented),
		                   std::to_string(row.partial), std::to_string(row.not_implemented),
		                   std::to_string(row.not_applicable), std::to_string(row.unanswered)});
	}
	return out;
}

Result<ImportPreview> ReadRegisterCsv(const ReadingContext &context, const std::string &bytes) {
	if (bytes.size() > internal::kMaxFileBytes) {
		return Error{ErrorCode::kPayloadTooLarge, "file", "interchange.errors.too_large", {}};
	}
	auto decoded = DecodeCsv(bytes);
	if (!decoded) {
		return decoded.error();
	}
	const std::string &text = *decoded;
	if (internal::Trim(text).empty()) {
		return Error::Invalid("file", "interchange.errors.empty");
	}
	CsvReader reader(text);
	internal::RowImporter importer(context, std::nullopt);
	std::vector<std::string> fields;
	if (auto status = reader.Next(fields, 1); !status) {
		return status.error();
	}
	if (auto status = importer.SetHeaders(fields); !status) {
		return status.error();
	}
	std::vector<RawCell> cells;
	for (int record = 2; !reader.AtEnd(); ++record) {
		if (auto status = reader.Next(fields, record); !status) {
			return status.error();
		}
		cells.assign(std::min(fields.size(), importer.ColumnCount()), RawCell{});
		for (size_t i = 0; i < cells.size(); ++i) {
			cells[i].text = UnguardFormula(std::move(fields[i]));
		}
		if (auto status = importer.AddRow(record, cells); !status) {
			return status.error();
		}
	}
	return importer.Finish();
}

} // namespace mamori::interchange
