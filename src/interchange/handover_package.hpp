// mamori/interchange/handover_package.hpp
//
// Reading an uploaded hand-over package (issue 12): the ZIP's data part,
// checked for size; its meaning is the codec's and the store's to check.
#pragma once

#include "core/common/result.hpp"

#include <string>

namespace mamori::interchange {

//! The package's data file (core/transfer kPackageDataPart). Errors name the
//! field "file": not a ZIP, no data part, a part too large or damaged.
Result<std::string> ReadHandoverData(const std::string &zip_bytes);

} // namespace mamori::interchange
