// mamori/core/i18n/message_catalog.cpp
#include "core/i18n/message_catalog.hpp"

#include "core/i18n/japanese_text.hpp"

#include "core/yaml/load.hpp"

#include <algorithm>
#include <set>

namespace mamori {

namespace {

using EntryMap = std::map<std::string, std::string, std::less<>>;

Error Problem(const std::string &where, const std::string &what) {
	return Error{ErrorCode::kCatalogInvalid, where, what, {}};
}

//! Flattens one YAML mapping into dotted keys; the first problem wins.
std::optional<Error> Flatten(const yaml::Node &node, const std::string &prefix, const std::string &file,
                             EntryMap &out) {
	if (!node.IsMap()) {
		return Problem(file + ": " + prefix, "expected a mapping of message keys");
	}
	for (const auto &pair : node.Entries()) {
		const std::string &name = pair.first;
		const std::string key = prefix.empty() ? name : prefix + "." + name;
		if (pair.second.IsMap()) {
			if (auto problem = Flatten(pair.second, key, file, out)) return problem;
		} else if (pair.second.IsScalar()) {
			if (!out.emplace(key, pair.second.as<std::string>()).second) {
				return Problem(file + ": " + key, "the key is defined twice");
			}
		} else {
			return Problem(file + ": " + key, "expected text or a mapping");
		}
	}
	return std::nullopt;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
	return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace

std::vector<std::string> PlaceholdersOf(std::string_view text) {
	std::set<std::string> names;
	for (size_t open = text.find("{{"); open != std::string_view::npos; open = text.find("{{", open + 2)) {
		const size_t close = text.find("}}", open + 2);
		if (close == std::string_view::npos) break;
		std::string name(text.substr(open + 2, close - open - 2));
		// Mustache sections ({{#x}}, {{/x}}) inside a message count by their name.
		if (!name.empty() && (name[0] == '#' || name[0] == '/' || name[0] == '^' || name[0] == '{' || name[0] == '&')) {
			name.erase(0, 1);
		}
		names.insert(name);
	}
	return {names.begin(), names.end()};
}

std::string FillPlaceholders(std::string_view text, const MessageParams &params) {
	std::string out;
	out.reserve(text.size());
	size_t pos = 0;
	while (pos < text.size()) {
		const size_t open = text.find("{{", pos);
		if (open == std::string_view::npos) break;
		const size_t close = text.find("}}", open + 2);
		if (close == std::string_view::npos) break;
		const std::string_view name = text.substr(open + 2, close - open - 2);
		auto found = std::find_if(params.begin(), params.end(), [&](const auto &param) { return param.first == name; });
		out.append(text.substr(pos, open - pos));
		if (found != params.end()) {
			out.append(found->second);
		} else {
			out.append(text.substr(open, close + 2 - open));
		}
		pos = close + 2;
	}
	out.append(text.substr(pos));
	return out;
}

Result<MessageCatalog> MessageCatalog::Parse(const MessageFiles &files) {
	MessageCatalog catalog;
	for (Locale locale : kAllLocales) {
		EntryMap &entries = catalog.messages_[locale];
		auto found = files.find(locale);
		if (found == files.end() || found->second.empty()) {
			return Problem(std::string(LocaleCode(locale)), "no message files for this language");
		}
		for (const auto &file : found->second) {
			const std::string where = std::string(LocaleCode(locale)) + "/" + file.name;
			yaml::Node root;
			try {
				root = yaml::Load(file.text);
			} catch (const yaml::Exception &problem) {
				return Problem(where, "broken YAML at line " + std::to_string(problem.mark.line + 1) + ": " + problem.msg);
			}
			if (root.IsNull()) continue;
			if (auto problem = Flatten(root, "", where, entries)) return *problem;
		}
	}
	// Japanese is complete by definition; every other locale must match it key for key.
	const EntryMap &japanese = catalog.messages_.at(kDefaultLocale);
	for (Locale locale : kAllLocales) {
		if (locale == kDefaultLocale) continue;
		const EntryMap &other = catalog.messages_.at(locale);
		const std::string code(LocaleCode(locale));
		for (const auto &[key, text] : japanese) {
			auto translated = other.find(key);
			if (translated == other.end()) {
				return Problem(code + ": " + key, "the message is missing in this language");
			}
			if (PlaceholdersOf(text) != PlaceholdersOf(translated->second)) {
				return Problem(code + ": " + key, "the placeholders differ from the Japanese message");
			}
			if (locale == Locale::kEn && !EndsWith(key, "_native") &&
			    ContainsJapaneseOutsideBrackets(translated->second)) {
				return Problem(code + ": " + key, "English text holds Japanese outside brackets");
			}
		}
		for (const auto &[key, text] : other) {
			if (japanese.find(key) == japanese.end()) {
				return Problem(code + ": " + key, "the message is missing in Japanese");
			}
		}
	}
	return catalog;
}

bool MessageCatalog::Has(std::string_view key) const {
	const auto &entries = messages_.at(kDefaultLocale);
	return entries.find(key) != entries.end();
}

std::string MessageCatalog::Text(Locale locale, std::string_view key, const MessageParams &params) const {
	auto by_locale = messages_.find(locale);
	if (by_locale != messages_.end()) {
		if (auto found = by_locale->second.find(key); found != by_locale->second.end()) {
			return FillPlaceholders(found->second, params);
		}
	}
	return FillPlaceholders(key, params);
}

const EntryMap &MessageCatalog::Entries(Locale locale) const { return messages_.at(locale); }

std::vector<std::string> MessageCatalog::Keys() const {
	std::vector<std::string> keys;
	for (const auto &[key, text] : messages_.at(kDefaultLocale)) keys.push_back(key);
	return keys;
}

std::string DescribeError(const MessageCatalog &messages, Locale locale, const Error &error) {
	return messages.Text(locale, error.message, error.params);
}

} // namespace mamori
