// mamori/core/document/document_template.cpp
#include "core/document/document_template.hpp"

#include <array>
#include <utility>

namespace mamori::document {

std::optional<FieldType> ParseFieldType(std::string_view name) {
	static constexpr std::array<std::pair<std::string_view, FieldType>, 8> kNames = {{
	    {"text", FieldType::kText},
	    {"long_text", FieldType::kLongText},
	    {"date", FieldType::kDate},
	    {"person", FieldType::kPerson},
	    {"period", FieldType::kPeriod},
	    {"choice", FieldType::kChoice},
	    {"number", FieldType::kNumber},
	    {"table", FieldType::kTable},
	}};
	for (const auto &[text, type] : kNames) {
		if (text == name) {
			return type;
		}
	}
	return std::nullopt;
}

const FieldSpec *DocumentTemplate::FindField(std::string_view id) const {
	for (const auto &field : fields) {
		if (field.id == id) {
			return &field;
		}
	}
	return nullptr;
}

const std::vector<std::string> &ProfileFlagIds() {
	static const std::vector<std::string> flags = {"uses_cloud",        "telework",    "develops_systems",
	                                               "handles_my_number", "has_website", "outsources"};
	return flags;
}

const std::vector<std::string> &BuiltInFields() {
	// company: the organisation's name as registered; company_short: the same
	// (a firm may give a short form later); today: the date the document is made.
	static const std::vector<std::string> names = {"company", "company_short", "today"};
	return names;
}

} // namespace mamori::document
