// mamori/interchange/register_columns.cpp
#include "interchange/register_format.hpp"

namespace mamori::interchange {

const std::vector<RegisterColumn> &RegisterColumns() {
	// Order and headers follow the IPA 付録7 台帳 sheet (表12), with the
	// optional リスク所有者 at the end as the Tokyo handbook adds it.
	static const std::vector<RegisterColumn> kColumns = {
	    {"business_category", "interchange.column.business_category"},
	    {"name", "interchange.column.name"},
	    {"note", "interchange.column.note"},
	    {"users", "interchange.column.users"},
	    {"department", "interchange.column.department"},
	    {"medium", "interchange.column.medium"},
	    {"personal_info", "interchange.column.personal_info"},
	    {"sensitive_personal_info", "interchange.column.sensitive_personal_info"},
	    {"my_number", "interchange.column.my_number"},
	    {"confidentiality", "interchange.column.confidentiality"},
	    {"integrity", "interchange.column.integrity"},
	    {"availability", "interchange.column.availability"},
	    {"business_critical", "interchange.column.business_critical"},
	    {"retention", "interchange.column.retention"},
	    {"registered_on", "interchange.column.registered_on"},
	    {"risk_owner", "interchange.column.risk_owner"},
	};
	return kColumns;
}

std::string CellError::Message(const MessageCatalog &messages, Locale locale) const {
	return messages.Text(locale, message, params);
}

std::string CellError::Describe(const MessageCatalog &messages, Locale locale) const {
	const std::string row_text = std::to_string(row);
	std::string where = sheet.empty() ? messages.Text(locale, "interchange.cell.at_row", {{"row", row_text}})
	                                  : messages.Text(locale, "interchange.cell.at_sheet_row",
	                                                  {{"sheet", sheet}, {"row", row_text}});
	if (!column.empty()) {
		where = messages.Text(locale, "interchange.cell.at_column", {{"where", where}, {"column", column}});
	}
	return messages.Text(locale, "interchange.cell.line", {{"where", where}, {"message", Message(messages, locale)}});
}

Result<RegisterFormat> ParseRegisterFormat(const std::string &name) {
	if (name == "xlsx") {
		return RegisterFormat::kXlsx;
	}
	if (name == "csv") {
		return RegisterFormat::kCsv;
	}
	if (name == "json") {
		return RegisterFormat::kJson;
	}
	return Error::Invalid("format", "interchange.errors.format");
}

} // namespace mamori::interchange
