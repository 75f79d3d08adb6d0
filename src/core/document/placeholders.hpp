// mamori/core/document/placeholders.hpp
//
// The {{name}} placeholders of template text. Names are ASCII identifiers;
// anything else between braces is left as text, so a template can still
// print a literal "{{" where it must.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mamori::document {

//! A template text cut at its placeholders: literal text and names, in order.
struct TextPiece {
	std::string text;  // literal text, or the placeholder's name
	bool is_placeholder = false;
};
std::vector<TextPiece> SplitPlaceholders(std::string_view text);

//! The names of the placeholders in `text`, in order, repeats kept.
std::vector<std::string> PlaceholderNames(std::string_view text);

} // namespace mamori::document
