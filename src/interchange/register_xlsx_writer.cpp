// mamori/interchange/register_xlsx_writer.cpp
//
// The register as an XLSX workbook laid out like the IPA 付録7 リスク分析
// シート: 情報資産管理台帳, 脅威の状況, 対策状況チェック, 診断結果. Rated columns carry
// drop-down lists so a firm editing in Excel stays within the edition's
// scales, and computed columns are shaded so nobody mistakes them for input.
#include "interchange/register_internal.hpp"

#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace mamori::interchange {
namespace {

using internal::DisplayWidth;

constexpr lxw_row_t kSpareRows = 1000; // rows below the data that still get the drop-down lists

struct Formats {
	lxw_format *header = nullptr;
	lxw_format *computed_header = nullptr;
	lxw_format *computed = nullptr;
	lxw_format *wrap = nullptr;
	lxw_format *date = nullptr;
	lxw_format *high = nullptr;   // 大
	lxw_format *medium = nullptr; // 中
};

Formats MakeFormats(lxw_workbook *workbook) {
	Formats f;
	f.header = workbook_add_format(workbook);
	format_set_bold(f.header);
	format_set_bg_color(f.header, 0xDDEBF7);
	format_set_border(f.header, LXW_BORDER_THIN);
	format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
	f.computed_header = workbook_add_format(workbook);
	format_set_bold(f.computed_header);
	format_set_bg_color(f.computed_header, 0xD9D9D9);
	format_set_border(f.computed_header, LXW_BORDER_THIN);
	format_set_align(f.computed_header, LXW_ALIGN_VERTICAL_CENTER);
	f.computed = workbook_add_format(workbook);
	format_set_bg_color(f.computed, 0xF2F2F2);
	f.wrap = workbook_add_format(workbook);
	format_set_text_wrap(f.wrap);
	format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
	f.date = workbook_add_format(workbook);
	format_set_num_format(f.date, "yyyy-mm-dd");
	f.high = workbook_add_format(workbook);
	format_set_bg_color(f.high, 0xF8CBAD);
	format_set_bold(f.high);
	f.medium = workbook_add_format(workbook);
	format_set_bg_color(f.medium, 0xFFF2CC);
	return f;
}

// Copies for the C API, which takes char * even where it only reads.
std::vector<char> CString(const std::string &text) {
	std::vector<char> out(text.begin(), text.end());
	out.push_back('\0');
	return out;
}

size_t CodePoints(const std::string &text) {
	return static_cast<size_t>(
	    std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

//! One worksheet: writes cells, remembers the first failure and how wide each column needs to be.
class Sheet {
  public:
	Sheet(lxw_worksheet *worksheet, const Formats &formats) : ws_(worksheet), formats_(formats) {}

	lxw_worksheet *raw() { return ws_; }

	void Header(lxw_row_t row, const std::vector<std::string> &headers, size_t computed_from = SIZE_MAX) {
		for (size_t col = 0; col < headers.size(); ++col) {
			Text(row, col, headers[col], col >= computed_from ? formats_.computed_header : formats_.header);
		}
	}

	void Text(lxw_row_t row, size_t col, const std::string &text, lxw_format *format = nullptr) {
		Track(col, text);
		if (text.empty()) {
			if (format != nullptr) {
				Check(worksheet_write_blank(ws_, row, static_cast<lxw_col_t>(col), format));
			}
			return;
		}
		if (format == nullptr && text.find('\n') != std::string::npos) {
			format = formats_.wrap;
		}
		// write_string never makes a formula, so "=..." typed by a user stays text.
		Check(worksheet_write_string(ws_, row, static_cast<lxw_col_t>(col), text.c_str(), format));
	}

	void Number(lxw_row_t row, size_t col, double value, lxw_format *format = nullptr) {
		Track(col, std::to_string(static_cast<long long>(value)));
		Check(worksheet_write_number(ws_, row, static_cast<lxw_col_t>(col), value, format));
	}

	void Date(lxw_row_t row, size_t col, const std::string &date) {
		const auto parsed = internal::ParseDateText(date);
		if (!parsed || !internal::DateToExcelSerial(*parsed)) {
			Text(row, col, date); // not a date we can place on Excel's calendar: keep the text
			return;
		}
		lxw_datetime when = {std::stoi(parsed->substr(0, 4)),
		                     std::stoi(parsed->substr(5, 2)),
		                     std::stoi(parsed->substr(8, 2)),
		                     0,
		                     0,
		                     0.0};
		Track(col, *parsed);
		Check(worksheet_write_datetime(ws_, row, static_cast<lxw_col_t>(col), &when, formats_.date));
	}

	//! A drop-down of `values` on rows first..last of `col`; `source` is a
	//! range formula to use instead when the list is too long to inline.
	void List(lxw_row_t first, lxw_row_t last, size_t col, const std::vector<std::string> &values,
	          const std::string &title, const std::string &message, const std::string &source = "") {
		if (values.empty() && source.empty()) {
			return; // an empty list would refuse every entry
		}
		std::vector<std::vector<char>> storage;
		std::vector<char *> list;
		for (const auto &value : values) {
			storage.push_back(CString(value));
		}
		for (auto &value : storage) {
			list.push_back(value.data());
		}
		list.push_back(nullptr);
		auto title_c = CString(title);
		auto message_c = CString(message);
		auto source_c = CString(source);
		lxw_data_validation validation = {};
		if (source.empty()) {
			validation.validate = LXW_VALIDATION_TYPE_LIST;
			validation.value_list = list.data();
		} else {
			validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
			validation.value_formula = source_c.data();
		}
		// Excel caps these at 32 and 255 characters; a longer hint is dropped rather than failing the export.
		if (!title.empty() && CodePoints(title) <= 32) {
			validation.input_title = title_c.data();
			validation.error_title = title_c.data();
		}
		if (!message.empty() && CodePoints(message) <= 255) {
			validation.input_message = message_c.data();
			validation.error_message = message_c.data();
		}
		Check(worksheet_data_validation_range(ws_, first, static_cast<lxw_col_t>(col), last,
		                                      static_cast<lxw_col_t>(col), &validation));
	}

	void Finish(lxw_row_t frozen_rows = 1) {
		worksheet_freeze_panes(ws_, frozen_rows, 0);
		for (size_t col = 0; col < widths_.size(); ++col) {
			const double width = static_cast<double>(std::clamp<size_t>(widths_[col] + 2, 6, 60));
			lxw_format *format = col < column_formats_.size() ? column_formats_[col] : nullptr;
			Check(worksheet_set_column(ws_, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), width, format));
		}
	}

	//! Format for the whole column (new rows typed in Excel inherit it).
	void ColumnFormat(size_t col, lxw_format *format) {
		if (column_formats_.size() <= col) {
			column_formats_.resize(col + 1, nullptr);
		}
		column_formats_[col] = format;
	}

	lxw_error error() const { return error_; }

  private:
	void Track(size_t col, const std::string &text) {
		if (widths_.size() <= col) {
			widths_.resize(col + 1, 0);
		}
		size_t start = 0;
		while (start <= text.size()) {
			size_t end = text.find('\n', start);
			if (end == std::string::npos) {
				end = text.size();
			}
			widths_[col] = std::max(widths_[col], DisplayWidth(std::string_view(text).substr(start, end - start)));
			start = end + 1;
		}
	}

	void Check(lxw_error error) {
		if (error != LXW_NO_ERROR && error_ == LXW_NO_ERROR) {
			error_ = error;
		}
	}

	lxw_worksheet *ws_;
	const Formats &formats_;
	std::vector<size_t> widths_;
	std::vector<lxw_format *> column_formats_;
	lxw_error error_ = LXW_NO_ERROR;
};

std::string ImpactLabel(const DocumentText &text, ThreatImpact impact) {
	switch (impact) {
	case ThreatImpact::kConfidentiality:
		return text("interchange.impact.confidentiality");
	case ThreatImpact::kIntegrity:
		return text("interchange.impact.integrity");
	case ThreatImpact::kAvailability:
		return text("interchange.impact.availability");
	}
	return "";
}

//! 「（6）物理的セキュリティ対策」: the 診断結果 sheet's way of naming a category.
std::string CategoryTitle(const DocumentText &text, const ControlCategory *category, const std::string &fallback) {
	return category != nullptr ? internal::CategoryTitle(text, category->number, category->name) : fallback;
}

std::string ScaleLabel(const std::vector<mamori::ScaleLabel> &labels, int value) {
	for (const auto &label : labels) {
		if (label.value == value) {
			return label.label;
		}
	}
	return "";
}

std::vector<std::string> Range(int min, int max) {
	std::vector<std::string> out;
	for (int value = min; value <= max; ++value) {
		out.push_back(std::to_string(value));
	}
	return out;
}

// 「3 いつ発生してもおかしくない／2 …」: the meaning of each value, shown when the cell is selected.
std::string LegendOf(std::vector<mamori::ScaleLabel> labels) {
	std::sort(labels.begin(), labels.end(), [](const auto &a, const auto &b) { return a.value < b.value; });
	std::string out;
	for (const auto &label : labels) {
		out += (out.empty() ? "" : "\n") + std::to_string(label.value) + " " + label.label;
	}
	return out;
}

lxw_format *LevelFormat(const Formats &formats, const RiskLevelBand *level) {
	if (level == nullptr) {
		return nullptr;
	}
	return level->id == "high" ? formats.high : level->id == "medium" ? formats.medium : nullptr;
}

size_t ColumnOf(const std::string &key) {
	const auto &columns = RegisterColumns();
	for (size_t i = 0; i < columns.size(); ++i) {
		if (columns[i].key == key) {
			return i;
		}
	}
	return SIZE_MAX;
}

// Excel refuses an inline list over 255 characters (or one whose items hold commas).
bool FitsInlineList(const std::vector<std::string> &values) {
	size_t length = 0;
	for (const auto &value : values) {
		if (value.find_first_of(",\"") != std::string::npos) {
			return false;
		}
		length += CodePoints(value) + 1;
	}
	return length <= 256;
}

void WriteRegisterSheet(Sheet &sheet, const Edition &edition, const RegisterSnapshot &snapshot,
                        const internal::AnalysisView &view, const Formats &formats, const std::string &medium_source,
                        const DocumentText &text) {
	const auto &columns = RegisterColumns();
	std::vector<std::string> headers = internal::RegisterHeaders(text);
	const auto Flag = [&](bool value) { return internal::FlagText(text, value); };
	const size_t computed_from = headers.size();
	for (const auto &computed : internal::ComputedHeaders(text)) {
		headers.push_back(computed);
	}
	sheet.Header(0, headers, computed_from);
	for (size_t i = 0; i < snapshot.assets.size(); ++i) {
		const storage::Asset &a = snapshot.assets[i];
		const auto row = static_cast<lxw_row_t>(i + 1);
		sheet.Text(row, ColumnOf("business_category"), a.business_category);
		sheet.Text(row, ColumnOf("name"), a.name);
		sheet.Text(row, ColumnOf("note"), a.note);
		sheet.Text(row, ColumnOf("users"), a.users);
		sheet.Text(row, ColumnOf("department"), a.department);
		sheet.Text(row, ColumnOf("medium"), internal::MediumLabel(edition, a.medium));
		sheet.Text(row, ColumnOf("personal_info"), Flag(a.personal_info));
		sheet.Text(row, ColumnOf("sensitive_personal_info"), Flag(a.sensitive_personal_info));
		sheet.Text(row, ColumnOf("my_number"), Flag(a.my_number));
		sheet.Number(row, ColumnOf("confidentiality"), a.confidentiality);
		sheet.Number(row, ColumnOf("integrity"), a.integrity);
		sheet.Number(row, ColumnOf("availability"), a.availability);
		sheet.Text(row, ColumnOf("business_critical"), Flag(a.business_critical));
		sheet.Text(row, ColumnOf("retention"), a.retention);
		if (!a.registered_on.empty()) {
			sheet.Date(row, ColumnOf("registered_on"), a.registered_on);
		}
		sheet.Text(row, ColumnOf("risk_owner"), a.risk_owner);

		const internal::ComputedRow computed = internal::Computed(view, i);
		size_t col = computed_from;
		if (computed.importance) {
			sheet.Number(row, col, *computed.importance, formats.computed);
		} else {
			sheet.Text(row, col, "", formats.computed);
		}
		++col;
		if (computed.risk_value) {
			sheet.Number(row, col, *computed.risk_value, formats.computed);
		} else {
			sheet.Text(row, col, "", formats.computed);
		}
		++col;
		const RiskLevelBand *level =
		    view.result != nullptr && i < view.result->assets.size() ? view.result->assets[i].level : nullptr;
		lxw_format *level_format = LevelFormat(formats, level);
		sheet.Text(row, col++, computed.level, level_format != nullptr ? level_format : formats.computed);
		sheet.Text(row, col++, computed.driving_threat, formats.computed);
	}

	const lxw_row_t last = static_cast<lxw_row_t>(snapshot.assets.size()) + kSpareRows;
	std::vector<std::string> media;
	for (const auto &medium : edition.risk_catalog.media) {
		media.push_back(medium.name);
	}
	sheet.List(1, last, ColumnOf("medium"), media, text("interchange.column.medium"), text("interchange.hint.medium"),
	           medium_source);
	const std::vector<std::string> flags = {Flag(true), Flag(false)};
	for (const char *key : {"personal_info", "sensitive_personal_info", "my_number", "business_critical"}) {
		sheet.List(1, last, ColumnOf(key), flags, text(columns[ColumnOf(key)].header_key), text("interchange.hint.flag"));
	}
	const RiskScale &scale = edition.risk_scale;
	for (const char *key : {"confidentiality", "integrity", "availability"}) {
		const auto criteria = edition.risk_catalog.criteria.find(key);
		std::string hint = text("interchange.hint.rating", {{"min", std::to_string(scale.rating_min)},
		                                                    {"max", std::to_string(scale.rating_max)}});
		if (criteria != edition.risk_catalog.criteria.end()) {
			// The full 表10 criteria are too long for Excel's 255-character hint; the first words suffice.
			std::string legend;
			auto values = criteria->second;
			std::sort(values.begin(), values.end(), [](const auto &a, const auto &b) { return a.value > b.value; });
			for (const auto &value : values) {
				legend += "\n" + std::to_string(value.value) + " " + internal::Excerpt(value.label, 22);
			}
			if (CodePoints(hint + legend) <= 255) {
				hint += legend;
			}
		}
		sheet.List(1, last, ColumnOf(key), Range(scale.rating_min, scale.rating_max),
		           text(columns[ColumnOf(key)].header_key), hint);
	}
	sheet.ColumnFormat(ColumnOf("registered_on"), formats.date);
	for (size_t col = computed_from; col < headers.size(); ++col) {
		sheet.ColumnFormat(col, formats.computed);
	}
	worksheet_autofilter(sheet.raw(), 0, 0, static_cast<lxw_row_t>(snapshot.assets.size()),
	                     static_cast<lxw_col_t>(headers.size() - 1));
	sheet.Finish();
}

void WriteThreatSheet(Sheet &sheet, const Edition &edition, const RegisterSnapshot &snapshot, const Formats &formats,
                      const DocumentText &text) {
	const RiskCatalog &catalog = edition.risk_catalog;
	sheet.Header(0,
	             {text("interchange.threat_sheet.medium"), text("interchange.threat_sheet.threat_id"),
	              text("interchange.threat_sheet.threat"), text("interchange.threat_sheet.impact"),
	              text("interchange.threat_sheet.frequency"), text("interchange.threat_sheet.frequency_meaning"),
	              text("interchange.threat_sheet.default"), text("interchange.threat_sheet.description")},
	             5);
	lxw_row_t row = 1;
	for (const auto &medium : catalog.media) {
		for (const auto &threat : medium.threats) {
			const auto own = snapshot.frequencies.find(threat.id);
			const int frequency = own != snapshot.frequencies.end() ? own->second : threat.default_frequency;
			sheet.Text(row, 0, medium.name);
			sheet.Text(row, 1, threat.id);
			sheet.Text(row, 2, threat.name);
			sheet.Text(row, 3, ImpactLabel(text, threat.impact));
			sheet.Number(row, 4, frequency);
			sheet.Text(row, 5, ScaleLabel(catalog.frequency_labels, frequency), formats.computed);
			sheet.Number(row, 6, threat.default_frequency, formats.computed);
			// Descriptions are sentences: wrapped in the capped column rather than one endless line.
			sheet.Text(row, 7, threat.description, formats.wrap);
			++row;
		}
	}
	const RiskScale &scale = edition.risk_scale;
	if (row > 1) {
		sheet.List(1, row - 1, 4, Range(scale.threat_min, scale.threat_max), text("interchange.threat_sheet.list_title"),
		           LegendOf(catalog.frequency_labels));
	}
	sheet.Finish();
}

void WriteCheckSheet(Sheet &sheet, const Edition &edition, const RegisterSnapshot &snapshot, const Formats &formats,
                     const DocumentText &text) {
	const RiskCatalog &catalog = edition.risk_catalog;
	sheet.Header(0,
	             {text("interchange.check_sheet.category"), text("interchange.check_sheet.item_id"),
	              text("interchange.check_sheet.item"), text("interchange.check_sheet.answer"),
	              text("interchange.check_sheet.answer_meaning"), text("interchange.check_sheet.wording")},
	             4);
	lxw_row_t row = 1;
	for (const auto &item : catalog.check_items) {
		const ControlCategory *category = catalog.FindCategory(item.category);
		sheet.Text(row, 0, CategoryTitle(text, category, item.category));
		sheet.Text(row, 1, item.id);
		sheet.Text(row, 2, item.text, formats.wrap);
		sheet.Text(row, 5,
		           item.wording == Provenance::kSeed ? text("interchange.check_sheet.wording_seed")
		                                             : text("interchange.check_sheet.wording_mamori"),
		           formats.computed);
		const auto answer = snapshot.answers.find(item.id);
		if (answer != snapshot.answers.end()) {
			const int value = static_cast<int>(answer->second);
			sheet.Number(row, 3, value);
			sheet.Text(row, 4, ScaleLabel(catalog.check_answer_labels, value), formats.computed);
		} else {
			sheet.Text(row, 4, text("interchange.check_sheet.unanswered"), formats.computed);
		}
		++row;
	}
	if (row > 1) {
		int min = 1, max = 4;
		if (!catalog.check_answer_labels.empty()) {
			const auto [lo, hi] =
			    std::minmax_element(catalog.check_answer_labels.begin(), catalog.check_answer_labels.end(),
			                        [](const auto &a, const auto &b) { return a.value < b.value; });
			min = lo->value, max = hi->value;
		}
		sheet.List(1, row - 1, 3, Range(min, max), text("interchange.check_sheet.list_title"),
		           LegendOf(catalog.check_answer_labels));
	}
	sheet.Finish();
}

void WriteResultSheet(Sheet &sheet, const Edition &edition, const internal::AnalysisView &view, const Formats &formats,
                      const DocumentText &text) {
	// The columns of the IPA sheet's 「対策状況チェックの診断結果」, then the counts behind the rate.
	sheet.Header(0, internal::DiagnosisHeaders(text));
	lxw_row_t row = 1;
	const AnalysisResult *result = view.result;
	for (const auto &diagnosis : internal::DiagnosisRows(edition, view, text)) {
		sheet.Text(row, 0, diagnosis.category);
		sheet.Text(row, 1, diagnosis.mark);
		// Text from the same function as the page, so both read "62.5%".
		sheet.Text(row, 2, diagnosis.rate);
		sheet.Text(row, 3, diagnosis.advice);
		sheet.Text(row, 4, diagnosis.regulation);
		sheet.Number(row, 5, diagnosis.implemented);
		sheet.Number(row, 6, diagnosis.partial);
		sheet.Number(row, 7, diagnosis.not_implemented);
		sheet.Number(row, 8, diagnosis.not_applicable);
		sheet.Number(row, 9, diagnosis.unanswered);
		++row;
	}
	++row; // a blank row between the two tables, as on the IPA sheet
	sheet.Header(row++, {text("interchange.risk_table.asset"), text("interchange.risk_table.medium"),
	                     text("interchange.risk_table.importance"), text("interchange.risk_table.threat"),
	                     text("interchange.risk_table.impact"), text("interchange.risk_table.frequency"),
	                     text("interchange.risk_table.vulnerability"), text("interchange.risk_table.possibility"),
	                     text("interchange.risk_table.risk_value"), text("interchange.risk_table.level"),
	                     text("interchange.risk_table.note")});
	if (result != nullptr) {
		for (const auto &asset : result->assets) {
			for (const auto &threat : asset.threats) {
				sheet.Text(row, 0, asset.asset != nullptr ? asset.asset->name : "");
				sheet.Text(row, 1, asset.asset != nullptr ? internal::MediumLabel(edition, asset.asset->medium) : "");
				sheet.Number(row, 2, asset.importance);
				sheet.Text(row, 3, threat.threat != nullptr ? threat.threat->name : "");
				sheet.Text(row, 4, threat.threat != nullptr ? ImpactLabel(text, threat.threat->impact) : "");
				sheet.Number(row, 5, threat.frequency);
				sheet.Number(row, 6, threat.vulnerability);
				sheet.Number(row, 7, threat.possibility);
				sheet.Number(row, 8, threat.risk_value);
				sheet.Text(row, 9, threat.level != nullptr ? threat.level->label : "",
				           LevelFormat(formats, threat.level));
				sheet.Text(row, 10, threat.gap ? text("interchange.risk_table.gap") : "");
				++row;
			}
		}
	}
	sheet.Finish();
}

//! Deletes the temporary workbook however the export ends.
struct TempFile {
	std::string path;
	~TempFile() {
		if (!path.empty()) {
			::unlink(path.c_str());
		}
	}
};

} // namespace

Result<std::string> WriteRegisterXlsx(const Edition &edition, const RegisterSnapshot &snapshot,
                                      const DocumentText &text) {
	internal::AnalysisView view;
	internal::PrepareAnalysis(edition, snapshot, view);

	// libxlsxwriter 1.1.4 can only write to a path, so the workbook goes
	// through a private temporary file that is read back and removed.
	std::error_code fs_error;
	std::string pattern = (std::filesystem::temp_directory_path(fs_error) / "mamori-register-XXXXXX").string();
	if (fs_error) {
		pattern = "/tmp/mamori-register-XXXXXX";
	}
	std::vector<char> path = CString(pattern);
	const int fd = ::mkstemp(path.data());
	if (fd < 0) {
		return Error::Make(ErrorCode::kInternal, "errors.xlsx_export.temp_file");
	}
	::close(fd);
	TempFile temp{path.data()};

	lxw_workbook_options options = {};
	options.constant_memory = LXW_FALSE;
	options.tmpdir = nullptr;
	options.use_zip64 = LXW_FALSE;
	lxw_workbook *workbook = workbook_new_opt(temp.path.c_str(), &options);
	if (workbook == nullptr) {
		return Error::Make(ErrorCode::kInternal, "errors.xlsx_export.workbook");
	}
	const Formats formats = MakeFormats(workbook);
	const std::string register_name = text(internal::kRegisterSheetKey);
	const std::string threat_name = text(internal::kThreatSheetKey);
	const std::string check_name = text(internal::kCheckSheetKey);
	const std::string result_name = text(internal::kResultSheetKey);
	lxw_worksheet *register_ws = workbook_add_worksheet(workbook, register_name.c_str());
	lxw_worksheet *threat_ws = workbook_add_worksheet(workbook, threat_name.c_str());
	lxw_worksheet *check_ws = workbook_add_worksheet(workbook, check_name.c_str());
	lxw_worksheet *result_ws = workbook_add_worksheet(workbook, result_name.c_str());

	// Medium names normally fit an inline list; a catalog with many or long
	// names gets them from a hidden sheet instead.
	std::vector<std::string> media;
	for (const auto &medium : edition.risk_catalog.media) {
		media.push_back(medium.name);
	}
	std::string medium_source;
	if (!FitsInlineList(media) && !media.empty()) {
		const std::string choice_name = text("interchange.sheet.choices");
		lxw_worksheet *choices = workbook_add_worksheet(workbook, choice_name.c_str());
		for (size_t i = 0; i < media.size(); ++i) {
			worksheet_write_string(choices, static_cast<lxw_row_t>(i), 0, media[i].c_str(), nullptr);
		}
		worksheet_hide(choices);
		medium_source = "='" + choice_name + "'!$A$1:$A$" + std::to_string(media.size());
	}

	const auto title = CString(text("interchange.workbook.title"));
	const auto company = CString(snapshot.organization_name);
	const auto comments = CString(text("interchange.workbook.comments", {{"edition", edition.id}}));
	lxw_doc_properties properties = {};
	properties.title = const_cast<char *>(title.data());
	properties.company = const_cast<char *>(company.data());
	properties.comments = const_cast<char *>(comments.data());

	lxw_error error = LXW_NO_ERROR;
	if (register_ws == nullptr || threat_ws == nullptr || check_ws == nullptr || result_ws == nullptr) {
		error = LXW_ERROR_MEMORY_MALLOC_FAILED;
	} else {
		error = workbook_set_properties(workbook, &properties);
		Sheet register_sheet(register_ws, formats);
		WriteRegisterSheet(register_sheet, edition, snapshot, view, formats, medium_source, text);
		Sheet threat_sheet(threat_ws, formats);
		WriteThreatSheet(threat_sheet, edition, snapshot, formats, text);
		Sheet check_sheet(check_ws, formats);
		WriteCheckSheet(check_sheet, edition, snapshot, formats, text);
		Sheet result_sheet(result_ws, formats);
		WriteResultSheet(result_sheet, edition, view, formats, text);
		for (const Sheet *sheet : {&register_sheet, &threat_sheet, &check_sheet, &result_sheet}) {
			if (error == LXW_NO_ERROR) {
				error = sheet->error();
			}
		}
	}
	// workbook_close also frees the workbook, so it runs even after a failure.
	const lxw_error close_error = workbook_close(workbook);
	if (error == LXW_NO_ERROR) {
		error = close_error;
	}
	if (error != LXW_NO_ERROR) {
		return Error::Make(ErrorCode::kInternal, "errors.xlsx_export.write", {{"reason", lxw_strerror(error)}});
	}
	std::ifstream in(temp.path, std::ios::binary);
	std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
	if (!in.good() && !in.eof()) {
		return Error::Make(ErrorCode::kInternal, "errors.xlsx_export.read_back");
	}
	return bytes;
}

} // namespace mamori::interchange
