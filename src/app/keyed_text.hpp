// mamori/app/keyed_text.hpp
#pragma once

#include "core/common/result.hpp"

#include <string>

namespace mamori::app {

//! Words for people as a message key and its parameters: app/ decides what to say, web/ says it in
//! the reader's language (web.Text(request, text.key, text.params)). An empty key means nothing to say.
struct KeyedText {
	std::string key;
	MessageParams params;
};

} // namespace mamori::app
