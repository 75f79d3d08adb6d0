// mamori/app/documents/document_words.hpp
//
// The words a document adds around its content (page frame, metadata terms,
// blanks), taken from the message catalog in the organisation's document
// language, which may differ from the reader's UI language.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/document/document_fill.hpp"
#include "core/document/rendered_document.hpp"
#include "core/i18n/message_catalog.hpp"

#include <string>
#include <string_view>

namespace mamori::app {

struct DocumentWords {
	const MessageCatalog &messages;
	Locale locale;

	std::string operator()(std::string_view key, const MessageParams &params = {}) const {
		return messages.Text(locale, key, params);
	}
	//! "2025-04-01" as the document language writes a date; "" for "".
	std::string Date(const std::string &iso) const;
};

DocumentWords DocumentWordsOf(const MessageCatalog &messages, const OrgAccess &access);

//! The page frame: company name, 改訂日 (when given), title and the page number.
document::DocumentFrame FrameFor(const DocumentWords &words, const OrgAccess &access, const std::string &title,
                                 const std::string &revised_on, bool draft);

//! What filling a template needs: the built-in fields, the date and blank styles.
document::FillContext FillContextFor(const AppContext &ctx, const DocumentWords &words, const OrgAccess &access);

} // namespace mamori::app
