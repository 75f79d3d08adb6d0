// mamori/web/document_state_key.hpp
//
// The page words for a stored document's state (見本 when nothing is stored
// yet), shared by the document editor and the partner/service registers.
#pragma once

#include "app/documents/document_editing.hpp"

#include <optional>

namespace mamori::web {

const char *DocumentStateKey(const std::optional<storage::StoredDocument> &stored);

} // namespace mamori::web
