// mamori/export/pre_catalog_japanese.cpp
//
// Japanese labels for callers in web/ that do not pass the message catalog
// yet (issue 7 moves them next). A copy of documents.policy.* in
// content/messages/ja/documents.yaml; delete this file with its declaration
// when the last caller passes the catalog.
#include "export/policy_pdf.hpp"

namespace mamori::exporting {

Result<std::string> RenderPolicyPdf(const PolicyDocument &doc) {
	return RenderPolicyPdf(PolicyPdfLabels{"ja", "{{title}}（{{company}}）", "第{{version}}版", "制定日 {{date}}", "・",
	                                       "制定日：{{date}}", "改訂日：{{date}}", "　"},
	                       doc);
}

} // namespace mamori::exporting
