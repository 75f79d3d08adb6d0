// mamori/codec/document_codec.hpp
//
// A document's values as stored JSON:
//   {"fields": {"id": "text"}, "tables": {"id": [["cell", ...], ...]},
//    "left_out_sections": ["id", ...],
//    "rules": {"section id": [{"marker": "must"|"forbidden", "text": "..."}, ...]}}
// ("rules" only when the firm rewrote a section's rules.)
// Reading is strict (the stored text is ours, but a broken row must say so
// rather than print a half-empty document).
#pragma once

#include "core/common/result.hpp"
#include "core/document/document_values.hpp"

#include <string>

namespace mamori::codec {

std::string DocumentValuesToJson(const document::DocumentValues &values);
Result<document::DocumentValues> DocumentValuesFromJson(const std::string &text);

} // namespace mamori::codec
