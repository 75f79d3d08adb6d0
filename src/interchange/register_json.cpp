// mamori/interchange/register_json.cpp
//
// The 台帳 as JSON: {"assets":[{...}]} with the keys of RegisterColumns().
// Export writes machine values (medium id, true/false, integers); import
// also takes what a person would type (medium name, 有/無, "2"), so the same
// checks as the CSV and XLSX imports apply.
#include "interchange/register_internal.hpp"

#include <nlohmann/json.hpp>

namespace mamori::interchange {
namespace {

using Json = nlohmann::json;
using internal::RawCell;

constexpr int kMaxDepth = 64;

// nlohmann's parser is iterative, but destroying a deeply nested value
// recurses; a hostile file of 20 MiB of "[" must not reach it.
bool NestedTooDeep(const std::string &text) {
	int depth = 0;
	bool in_string = false;
	for (size_t i = 0; i < text.size(); ++i) {
		const char c = text[i];
		if (in_string) {
			if (c == '\\') {
				++i;
			} else if (c == '"') {
				in_string = false;
			}
		} else if (c == '"') {
			in_string = true;
		} else if (c == '[' || c == '{') {
			if (++depth > kMaxDepth) {
				return true;
			}
		} else if (c == ']' || c == '}') {
			--depth;
		}
	}
	return false;
}

RawCell CellFromJson(const Json &value) {
	RawCell cell;
	switch (value.type()) {
	case Json::value_t::null:
	case Json::value_t::discarded:
		break;
	case Json::value_t::string:
		cell.text = value.get<std::string>();
		break;
	case Json::value_t::boolean:
		cell.text = value.get<bool>() ? "true" : "false";
		break;
	case Json::value_t::number_integer:
	case Json::value_t::number_unsigned:
	case Json::value_t::number_float:
		cell.text = value.dump(); // 2 → "2", 2.0 → "2.0", 2.5 → "2.5": the rating check decides
		break;
	default:
		cell.text = value.dump();
		cell.error = internal::CellProblem{"interchange.cell_errors.json_value", {}};
		break;
	}
	return cell;
}

} // namespace

std::string WriteRegisterJson(const Edition &edition, const RegisterSnapshot &snapshot, const DocumentText &text) {
	internal::AnalysisView view;
	internal::PrepareAnalysis(edition, snapshot, view);
	Json assets = Json::array();
	for (size_t i = 0; i < snapshot.assets.size(); ++i) {
		const storage::Asset &a = snapshot.assets[i];
		Json row = {{"business_category", a.business_category},
		            {"name", a.name},
		            {"note", a.note},
		            {"users", a.users},
		            {"department", a.department},
		            {"medium", a.medium},
		            {"personal_info", a.personal_info},
		            {"sensitive_personal_info", a.sensitive_personal_info},
		            {"my_number", a.my_number},
		            {"confidentiality", a.confidentiality},
		            {"integrity", a.integrity},
		            {"availability", a.availability},
		            {"business_critical", a.business_critical},
		            {"retention", a.retention},
		            {"registered_on", a.registered_on},
		            {"risk_owner", a.risk_owner}};
		// Computed values ride along for readers of the file; import ignores them.
		const internal::ComputedRow computed = internal::Computed(view, i);
		Json analysis = Json::object();
		if (computed.importance) {
			analysis["importance"] = *computed.importance;
		}
		if (computed.risk_value) {
			analysis["risk_value"] = *computed.risk_value;
			analysis["risk_level"] = computed.level;
			analysis["driving_threat"] = computed.driving_threat;
		}
		row["analysis"] = std::move(analysis);
		assets.push_back(std::move(row));
	}
	Json frequencies = Json::object();
	for (const auto &[threat, frequency] : snapshot.frequencies) {
		frequencies[threat] = frequency;
	}
	Json answers = Json::object();
	for (const auto &[item, answer] : snapshot.answers) {
		answers[item] = static_cast<int>(answer);
	}
	// The 診断結果 per category; like the computed asset values, import ignores it.
	Json diagnosis = Json::array();
	for (const auto &row : internal::DiagnosisRows(edition, view, text)) {
		diagnosis.push_back({{"number", row.number},
		                     {"category", row.category},
		                     {"need", row.need},
		                     {"need_mark", row.mark},
		                     {"rate", row.rate_permille ? Json(row.rate) : Json(nullptr)},
		                     {"advice", row.advice},
		                     {"regulation", row.regulation},
		                     {"implemented", row.implemented},
		                     {"partial", row.partial},
		                     {"not_implemented", row.not_implemented},
		                     {"not_applicable", row.not_applicable},
		                     {"unanswered", row.unanswered}});
	}
	const Json document = {{"format", "mamori.register"},
	                       {"version", 1},
	                       {"edition", edition.id},
	                       {"organization", snapshot.organization_name},
	                       {"assets", std::move(assets)},
	                       {"threat_frequencies", std::move(frequencies)},
	                       {"check_answers", std::move(answers)},
	                       {"diagnosis", std::move(diagnosis)}};
	// replace: a stray invalid byte in stored text must not make the whole export throw.
	return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<ImportPreview> ReadRegisterJson(const ReadingContext &context, const std::string &bytes) {
	if (bytes.size() > internal::kMaxFileBytes) {
		return Error{ErrorCode::kPayloadTooLarge, "file", "interchange.errors.too_large", {}};
	}
	if (NestedTooDeep(bytes)) {
		return Error::Invalid("file", "interchange.errors.json.too_deep");
	}
	Json document;
	try {
		document = Json::parse(bytes);
	} catch (const Json::parse_error &error) {
		return Error::Invalid("file", "interchange.errors.json.unreadable", {{"offset", std::to_string(error.byte)}});
	} catch (const Json::out_of_range &) {
		// "1e999": well-formed, but beyond a double (found by fuzzing).
		return Error::Invalid("file", "interchange.errors.json.number_too_large");
	}
	const Json *assets = nullptr;
	if (document.is_array()) {
		assets = &document; // a bare list of rows is accepted too
	} else if (document.is_object() && document.contains("assets") && document["assets"].is_array()) {
		assets = &document["assets"];
	} else {
		return Error::Invalid("file", "interchange.errors.json.no_assets");
	}
	const auto &columns = RegisterColumns();
	internal::RowImporter importer(context, std::nullopt, /*json_keys=*/true);
	std::vector<std::string> keys;
	for (const auto &column : columns) {
		keys.push_back(column.key);
	}
	if (auto status = importer.SetHeaders(keys); !status) {
		return status.error();
	}
	std::vector<RawCell> cells(columns.size());
	int row = 0;
	for (const Json &element : *assets) {
		++row;
		if (!element.is_object()) {
			if (auto status = importer.RejectRow(row, "", {"interchange.cell_errors.json_not_object", {}}); !status) {
				return status.error();
			}
			continue;
		}
		for (size_t i = 0; i < columns.size(); ++i) {
			const auto found = element.find(columns[i].key);
			cells[i] = found == element.end() ? RawCell{} : CellFromJson(*found);
		}
		if (auto status = importer.AddRow(row, cells); !status) {
			return status.error();
		}
	}
	return importer.Finish();
}

} // namespace mamori::interchange
