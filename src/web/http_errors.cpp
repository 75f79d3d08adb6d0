// mamori/web/http_errors.cpp
#include "web/http_errors.hpp"

namespace mamori::web {

int HttpStatusFor(ErrorCode code) {
	switch (code) {
	case ErrorCode::kInvalidInput:
		return 400;
	case ErrorCode::kUnauthenticated:
		return 401;
	case ErrorCode::kForbidden:
		return 403;
	case ErrorCode::kNotFound:
		return 404;
	case ErrorCode::kConflict:
		return 409;
	case ErrorCode::kPayloadTooLarge:
		return 413;
	case ErrorCode::kRateLimited:
		return 429;
	case ErrorCode::kUnavailable:
		return 503;
	case ErrorCode::kCatalogInvalid:
	case ErrorCode::kStorage:
	case ErrorCode::kInternal:
		return 500;
	}
	return 500;
}

const char *ErrorCodeName(ErrorCode code) {
	switch (code) {
	case ErrorCode::kInvalidInput:
		return "invalid_input";
	case ErrorCode::kUnauthenticated:
		return "unauthenticated";
	case ErrorCode::kForbidden:
		return "forbidden";
	case ErrorCode::kNotFound:
		return "not_found";
	case ErrorCode::kConflict:
		return "conflict";
	case ErrorCode::kPayloadTooLarge:
		return "payload_too_large";
	case ErrorCode::kRateLimited:
		return "rate_limited";
	case ErrorCode::kCatalogInvalid:
		return "catalog_invalid";
	case ErrorCode::kStorage:
		return "storage";
	case ErrorCode::kUnavailable:
		return "unavailable";
	case ErrorCode::kInternal:
		return "internal";
	}
	return "internal";
}

const char *ErrorPageTitleKey(int status) {
	switch (status) {
	case 400:
		return "errors.page.title.invalid_input";
	case 401:
		return "errors.page.title.unauthenticated";
	case 403:
		return "errors.page.title.forbidden";
	case 404:
		return "errors.page.title.not_found";
	case 409:
		return "errors.page.title.conflict";
	case 413:
		return "errors.page.title.payload_too_large";
	case 429:
		return "errors.page.title.rate_limited";
	default:
		return "errors.page.title.internal";
	}
}

} // namespace mamori::web
