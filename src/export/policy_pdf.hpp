// mamori/export/policy_pdf.hpp
//
// The printable 情報セキュリティ基本方針: the document an SME signs, posts on
// the wall and files. Built with cairo + pango so Japanese line breaking and
// font subsetting come from the system libraries, not our own code.
#pragma once

#include "core/common/result.hpp"
#include "core/policy/basic_policy.hpp"

#include <string>

namespace mamori::exporting {

//! Renders an A4 portrait PDF of the basic policy with embedded Japanese fonts.
//! Returns the PDF bytes; fails with kInternal when cairo cannot produce them.
Result<std::string> RenderPolicyPdf(const PolicyDocument &doc);

} // namespace mamori::exporting
