// mamori/core/document/rendered_document.cpp
#include "core/document/rendered_document.hpp"

namespace mamori::document {

std::string PlainText(const Line &line) {
	std::string text;
	for (const Span &span : line) {
		text += span.text;
	}
	return text;
}

Line TextLine(std::string text, SpanKind kind) {
	return Line{Span{std::move(text), kind}};
}

} // namespace mamori::document
