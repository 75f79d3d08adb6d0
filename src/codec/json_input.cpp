// mamori/codec/json_input.cpp
#include "codec/json_input.hpp"

namespace mamori::codec {

Result<Json> ParseJson(const std::string &text) {
	try {
		return Json::parse(text);
	} catch (const Json::parse_error &error) {
		return Error::Invalid("", "JSONとして読めません（" + std::to_string(error.byte) + "バイト目付近）。");
	}
}

static std::string Named(const std::string &field) { return field.empty() ? "document" : field; }

Result<const Json *> RequireObject(const Json &value, const std::string &field) {
	if (!value.is_object()) {
		return Error::Invalid(Named(field), "JSONオブジェクト（{...}）である必要があります。");
	}
	return &value;
}

Result<const Json *> RequireMember(const Json &object, const std::string &key, const std::string &field) {
	auto found = object.find(key);
	if (found == object.end() || found->is_null()) {
		return Error::Invalid(field, "必須の項目がありません。");
	}
	return &*found;
}

Result<long long> RequireInteger(const Json &value, const std::string &field, long long min, long long max) {
	if (!value.is_number_integer()) {
		return Error::Invalid(field, "整数である必要があります。");
	}
	// Unsigned values beyond int64 would wrap; compare before converting.
	if (value.is_number_unsigned() && value.get<unsigned long long>() > static_cast<unsigned long long>(max)) {
		return Error::Invalid(field, "値が大きすぎます（" + std::to_string(max) + "以下）。");
	}
	const long long number = value.get<long long>();
	if (number < min || number > max) {
		return Error::Invalid(field, std::to_string(min) + "〜" + std::to_string(max) + "の範囲で指定してください（" +
		                                 std::to_string(number) + " は範囲外です）。");
	}
	return number;
}

Result<std::string> RequireString(const Json &value, const std::string &field, size_t max_bytes) {
	if (!value.is_string()) {
		return Error::Invalid(field, "文字列である必要があります。");
	}
	std::string text = value.get<std::string>();
	if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
		return Error::Invalid(field, "空にはできません。");
	}
	if (text.size() > max_bytes) {
		return Error::Invalid(field, "長すぎます（" + std::to_string(max_bytes) + "バイト以内）。");
	}
	return text;
}

Result<bool> RequireBool(const Json &value, const std::string &field) {
	if (!value.is_boolean()) {
		return Error::Invalid(field, "true か false である必要があります。");
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
