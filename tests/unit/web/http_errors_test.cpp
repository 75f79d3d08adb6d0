// mamori/tests/unit/http_errors_test.cpp
//
// The one ErrorCode → HTTP status table (web/http_errors) that both the API
// and the HTML form pages answer with, and the headers web/ builds.
#include "web/http_errors.hpp"
#include "web/http_headers.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace mamori::web {
namespace {

// Every ErrorCode with the status and the JSON name it must have. A code
// added to the enum without a row here fails ListsEveryCode below.
const std::vector<std::pair<ErrorCode, std::pair<int, std::string>>> &Expected() {
	static const std::vector<std::pair<ErrorCode, std::pair<int, std::string>>> table = {
	    {ErrorCode::kInvalidInput, {400, "invalid_input"}},
	    {ErrorCode::kUnauthenticated, {401, "unauthenticated"}},
	    {ErrorCode::kForbidden, {403, "forbidden"}},
	    {ErrorCode::kNotFound, {404, "not_found"}},
	    {ErrorCode::kConflict, {409, "conflict"}},
	    {ErrorCode::kPayloadTooLarge, {413, "payload_too_large"}},
	    {ErrorCode::kRateLimited, {429, "rate_limited"}},
	    {ErrorCode::kCatalogInvalid, {500, "catalog_invalid"}},
	    {ErrorCode::kStorage, {500, "storage"}},
	    {ErrorCode::kUnavailable, {503, "unavailable"}},
	    {ErrorCode::kInternal, {500, "internal"}},
	};
	return table;
}

TEST(HttpErrorsTest, EveryCodeHasItsStatus) {
	for (const auto &[code, expected] : Expected()) {
		EXPECT_EQ(HttpStatusFor(code), expected.first) << ErrorCodeName(code);
	}
}

TEST(HttpErrorsTest, EveryCodeHasItsName) {
	for (const auto &[code, expected] : Expected()) {
		EXPECT_EQ(std::string(ErrorCodeName(code)), expected.second);
	}
}

TEST(HttpErrorsTest, ListsEveryCode) {
	// The enum's values are contiguous from kInvalidInput to kInternal; every
	// one of them must be in the table above, and the names must be distinct.
	std::set<int> listed;
	std::set<std::string> names;
	for (const auto &[code, expected] : Expected()) {
		listed.insert(static_cast<int>(code));
		names.insert(expected.second);
	}
	const int first = static_cast<int>(ErrorCode::kInvalidInput);
	const int last = static_cast<int>(ErrorCode::kInternal);
	for (int value = first; value <= last; ++value) {
		EXPECT_TRUE(listed.count(value) == 1) << "ErrorCode " << value << " has no expected status";
	}
	EXPECT_EQ(names.size(), Expected().size());
}

TEST(HttpErrorsTest, ErrorsAreNeverSuccess) {
	for (const auto &[code, expected] : Expected()) {
		EXPECT_GE(HttpStatusFor(code), 400) << ErrorCodeName(code);
	}
}

TEST(AttachmentDispositionTest, AsciiFallbackAndUtf8Name) {
	EXPECT_EQ(AttachmentDisposition("risk register.csv", "台帳.csv"),
	          "attachment; filename=\"risk_register.csv\"; filename*=UTF-8''%E5%8F%B0%E5%B8%B3.csv");
	EXPECT_EQ(AttachmentDisposition("a\"b;.json", "a.json"),
	          "attachment; filename=\"a_b_.json\"; filename*=UTF-8''a.json");
}

} // namespace
} // namespace mamori::web
