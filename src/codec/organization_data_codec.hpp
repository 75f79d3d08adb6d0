// mamori/codec/organization_data_codec.hpp
//
// The data file of a hand-over package (issue 12) as JSON: what
// transfer::OrganizationData holds, with a format name and version so that a
// reader can tell a package from any other JSON and refuse one made for a
// format it does not know.
#pragma once

#include "codec/json_input.hpp"
#include "core/common/result.hpp"
#include "core/transfer/organization_data.hpp"

#include <string>

namespace mamori::codec {

inline constexpr const char *kOrganizationDataFormat = "mamori-organization";

std::string EncodeOrganizationData(const transfer::OrganizationData &data);

//! Checks the shape strictly (names, row widths, cells as text or null) and
//! names the field at fault; the tables' meaning is checked by storage.
Result<transfer::OrganizationData> DecodeOrganizationData(const std::string &text);

} // namespace mamori::codec
