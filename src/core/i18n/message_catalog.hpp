// mamori/core/i18n/message_catalog.hpp
//
// The user-facing text of mamori (UI, errors, CLI), one set of files per
// locale under content/messages/<locale>/. Code names a message by its key
// ("errors.not_found"); a message may hold {{placeholders}} filled
// from MessageParams. Guideline content is not here: it lives in
// content/editions/ with its own translations (core/catalog/localize).
//
// Loading checks that every locale has exactly the same keys with the same
// placeholders, and that English has no Japanese outside brackets, so a
// missing translation stops the program at start-up instead of showing up
// on a page.
#pragma once

#include "core/common/result.hpp"
#include "core/i18n/locale.hpp"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mamori {

//! One message file: its name (for errors) and its YAML text.
struct MessageFile {
	std::string name;
	std::string text;
};

using MessageFiles = std::map<Locale, std::vector<MessageFile>>;

class MessageCatalog {
public:
	//! Nested YAML maps become dotted keys ("nav.dashboard"). Fails with
	//! kCatalogInvalid naming the file and key on broken YAML, a duplicate or
	//! missing key, a placeholder mismatch or Japanese in English text (keys
	//! ending in "_native" are exempt: the language switch names 日本語 in Japanese).
	static Result<MessageCatalog> Parse(const MessageFiles &files);

	bool Has(std::string_view key) const;

	//! The message in `locale` with its placeholders filled. An unknown key
	//! comes back as it is, so text that is not a key (a library's own
	//! diagnostic) still reaches the reader.
	std::string Text(Locale locale, std::string_view key, const MessageParams &params = {}) const;

	//! Every key with its raw text in one locale.
	const std::map<std::string, std::string, std::less<>> &Entries(Locale locale) const;

	//! Every key, sorted.
	std::vector<std::string> Keys() const;

private:
	std::map<Locale, std::map<std::string, std::string, std::less<>>> messages_;
};

//! Replaces {{name}} with its value; placeholders without a value stay as they are.
std::string FillPlaceholders(std::string_view text, const MessageParams &params);

//! The {{name}} placeholders of a message, sorted and unique.
std::vector<std::string> PlaceholdersOf(std::string_view text);

//! The error for a person: its message in `locale` ("field: " is not added;
//! the message names the field in words).
std::string DescribeError(const MessageCatalog &messages, Locale locale, const Error &error);

} // namespace mamori
