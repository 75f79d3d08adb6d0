// mamori/web/http_headers.hpp
//
// Header values mamori builds itself.
#pragma once

#include <string>

namespace mamori::web {

//! Content-Disposition for a download: an ASCII fallback name plus the
//! UTF-8 name in RFC 5987 form, so Japanese names survive every browser.
std::string AttachmentDisposition(const std::string &ascii_name, const std::string &utf8_name);

} // namespace mamori::web
