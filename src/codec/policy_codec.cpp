// mamori/codec/policy_codec.cpp
#include "codec/policy_codec.hpp"

#include "codec/json_input.hpp"

namespace mamori::codec {

Json PolicyInputJson(const PolicyInput &input) {
	return {{"company_name", input.company_name},
	        {"scope", input.scope},
	        {"clause_ids", input.clause_ids},
	        {"established_on", input.established_on},
	        {"revised_on", input.revised_on},
	        {"representative_title", input.representative_title},
	        {"representative_name", input.representative_name},
	        {"omission_reasons", input.omission_reasons}};
}

Result<std::string> PolicyValuesToJson(const PolicyValues &values) {
	Json json = PolicyInputJson(values.input);
	json["version"] = values.version;
	try {
		return json.dump();
	} catch (const Json::exception &) {
		// dump() throws on text that is not UTF-8.
		return Error::Invalid("input", "app_policy.text_not_utf8");
	}
}

Result<PolicyValues> PolicyValuesFromJson(const std::string &text) {
	const Json json = MAMORI_TRY(ParseJson(text));
	MAMORI_TRY(RequireObject(json, "values"));
	PolicyValues values;
	// A float or a number beyond int would be undefined when narrowed (found by fuzzing): the
	// version goes through the range-checked reader.
	if (const auto version = json.find("version"); version != json.end()) {
		values.version = static_cast<int>(MAMORI_TRY(RequireInteger(*version, "version", 0, 1'000'000)));
	}
	try {
		PolicyInput &input = values.input;
		input.company_name = json.value("company_name", std::string());
		input.scope = json.value("scope", std::string());
		input.clause_ids = json.value("clause_ids", std::vector<std::string>());
		input.established_on = json.value("established_on", std::string());
		input.revised_on = json.value("revised_on", std::string());
		input.representative_title = json.value("representative_title", std::string());
		input.representative_name = json.value("representative_name", std::string());
		input.omission_reasons = json.value("omission_reasons", std::map<std::string, std::string>());
		return values;
	} catch (const Json::exception &) {
		return Error::Invalid("values", "app_policy.stored_values_invalid");
	}
}

} // namespace mamori::codec
