// mamori/fuzz/form_fuzzer.cpp
//
// Form and query decoding: an input is a URL-encoded body or query string.
// cpp-httplib splits and decodes it as the server does (Request::Param reads
// the result), then mamori's own form readers get every value: the date
// boxes (全角 digits, ranges, real calendar dates), the hidden revision field
// and the stored-date formatting that re-shows them.
#include "fuzz_content.hpp"

#include "web/form_dates.hpp"
#include "web/form_fields.hpp"

#include <httplib.h>

#include <vector>

using namespace mamori;

namespace {

void ReadValue(const std::string &value) {
	const auto &messages = fuzz::Content().messages;
	(void)web::NormalizeDigits(value);
	(void)web::ParseRevisionField(value);
	(void)web::IsRealIsoDate(value);
	(void)web::SplitIsoDate(value);
	(void)web::ToJst(value);
	for (Locale locale : kAllLocales) {
		(void)web::FormatDate(messages, locale, value);
		(void)web::FormatDateTime(messages, locale, value);
	}
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
	(void)fuzz::Content();
	return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	const std::string body = fuzz::AsText(data, size);
	httplib::Params params;
	httplib::detail::parse_query_text(body, params);
	std::vector<std::string> values;
	for (const auto &[name, value] : params) {
		ReadValue(name);
		ReadValue(value);
		values.push_back(value);
	}
	// The first three values as one date's 年/月/日 boxes, required and optional.
	values.resize(std::max<size_t>(values.size(), 3));
	const web::DateFields boxes{values[0], values[1], values[2]};
	for (bool required : {true, false}) {
		if (auto iso = web::ParseDateFields(boxes, "done_on", "date", required); iso && !iso->empty()) {
			(void)web::SplitIsoDate(*iso);
		}
	}
	return 0;
}
