// mamori/export/document_html.hpp
//
// Any RenderedDocument as HTML: a standalone page that prints like the PDF
// (A4, the frame's header and footer words in @page margin boxes, page
// breaks), and the bare <article> the web app embeds in its own pages. Every
// piece of document text is escaped; nothing of the document reaches the
// output as markup.
#pragma once

#include "core/document/rendered_document.hpp"

#include <string>
#include <string_view>

namespace mamori::exporting {

//! A complete HTML5 page: <html lang> from the document's locale, inline CSS
//! for screen and print, the frame around the article.
std::string RenderDocumentHtml(const document::RenderedDocument &doc);

//! Only the <article class="mamori-document" lang="…">: title, metadata and
//! blocks, for embedding. Blank fields are <span class="doc-blank">, the
//! firm's values <span class="doc-value">, so a page can highlight them.
std::string RenderDocumentHtmlArticle(const document::RenderedDocument &doc);

//! The article's style sheet (every rule scoped to the article's classes),
//! which the standalone page inlines: for a page that embeds the article
//! and wants it to look and print the same.
std::string_view DocumentHtmlStyles();

} // namespace mamori::exporting
