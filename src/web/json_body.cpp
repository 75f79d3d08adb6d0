// mamori/web/json_body.cpp
#include "web/json_body.hpp"

#include "codec/json_input.hpp"

namespace mamori::web {

Result<Json> ParseJsonObjectBody(const Request &request) {
	auto parsed = codec::ParseJson(request.http.body);
	if (!parsed) {
		Error error = parsed.error();
		error.field = "body";
		return error;
	}
	if (!parsed->is_object()) {
		return Error::Invalid("body", "web_api.body_object");
	}
	return parsed;
}

} // namespace mamori::web
