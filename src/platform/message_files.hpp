// mamori/platform/message_files.hpp
//
// Reads the message catalog from content/messages/<locale>/*.yaml.
#pragma once

#include "core/i18n/message_catalog.hpp"

#include <string>

namespace mamori::platform {

//! Loads and validates every locale's message files under content_dir/messages.
Result<MessageCatalog> LoadMessages(const std::string &content_dir);

} // namespace mamori::platform
