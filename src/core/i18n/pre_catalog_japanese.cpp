// mamori/core/i18n/pre_catalog_japanese.cpp
//
// Japanese text for callers in web/ and app/ that do not pass the message
// catalog yet (issue 7 moves them next). Every text here is a copy of
// content/messages/ja/; when the last caller passes the catalog, delete this
// file and the declarations that point here.
#include "core/policy/basic_policy.hpp"

namespace mamori {

Result<PolicyDocument> BuildPolicyDocument(const PolicyTemplate &tmpl, const PolicyInput &input, int version) {
	return BuildPolicyDocumentWithDatePattern(tmpl, input, version, "{{year}}年{{month}}月{{day}}日");
}

} // namespace mamori
