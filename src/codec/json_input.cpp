// mamori/codec/json_input.cpp
#include "codec/json_input.hpp"

namespace mamori::codec {

Result<Json> ParseJson(const std::string &text) {
	try {
		return Json::parse(text);
	} catch (const Json::parse_error &error) {
		return Error::Invalid("", "errors.json.unreadable", {{"byte", std::to_string(error.byte)}});
	} catch (const Json::out_of_range &) {
		// A number beyond a double ("1e999") is well-formed JSON that the
		// parser refuses with out_of_range, not parse_error (found by fuzzing).
		return Error::Invalid("", "errors.json.number_too_large");
	}
}

static std::string Named(const std::string &field) { return field.empty() ? "document" : field; }

Result<const Json *> RequireObject(const Json &value, const std::string &field) {
	if (!value.is_object()) {
		return Error::Invalid(Named(field), "errors.json.object_required");
	}
	return &value;
}

Result<const Json *> RequireMember(const Json &object, const std::string &key, const std::string &field) {
	auto found = object.find(key);
	if (found == object.end() || found->is_null()) {
		return Error::Invalid(field, "errors.json.member_missing");
	}
	return &*found;
}

Result<long long> RequireInteger(const Json &value, const std::string &field, long long min, long long max) {
	if (!value.is_number_integer()) {
		return Error::Invalid(field, "errors.json.integer_required");
	}
	// Unsigned values beyond int64 would wrap; compare before converting.
	if (value.is_number_unsigned() && value.get<unsigned long long>() > static_cast<unsigned long long>(max)) {
		return Error::Invalid(field, "errors.json.integer_too_large", {{"max", std::to_string(max)}});
	}
	const long long number = value.get<long long>();
	if (number < min || number > max) {
		return Error::Invalid(field, "errors.json.integer_out_of_range",
		                      {{"min", std::to_string(min)}, {"max", std::to_string(max)}, {"value", std::to_string(number)}});
	}
	return number;
}

Result<std::string> RequireString(const Json &value, const std::string &field, size_t max_bytes) {
	if (!value.is_string()) {
		return Error::Invalid(field, "errors.json.string_required");
	}
	std::string text = value.get<std::string>();
	if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
		return Error::Invalid(field, "errors.json.string_empty");
	}
	if (text.size() > max_bytes) {
		return Error::Invalid(field, "errors.json.string_too_long", {{"max_bytes", std::to_string(max_bytes)}});
	}
	return text;
}

Result<bool> RequireBool(const Json &value, const std::string &field) {
	if (!value.is_boolean()) {
		return Error::Invalid(field, "errors.json.bool_required");
	}
	return value.get<bool>();
}

std::string FieldPath(const std::string &parent, const std::string &key) {
	return parent.empty() ? key : parent + "." + key;
}

std::string IndexPath(const std::string &parent, size_t index) {
	return parent + "[" + std::to_string(index) + "]";
}

} // namespace mamori::codec
