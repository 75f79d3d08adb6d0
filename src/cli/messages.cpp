// mamori/cli/messages.cpp
#include "cli/messages.hpp"

#include "platform/message_files.hpp"
#include "platform/files.hpp"

#include <cstdlib>
#include <memory>

namespace mamori::cli {

Locale LocaleFromEnvironment(std::string_view lc_all, std::string_view lc_messages, std::string_view lang) {
	for (std::string_view setting : {lc_all, lc_messages, lang}) {
		if (!setting.empty()) {
			return setting.starts_with("en") ? Locale::kEn : Locale::kJa;
		}
	}
	return kDefaultLocale;
}

static std::string_view Env(const char *name) {
	const char *value = std::getenv(name);
	return value == nullptr ? std::string_view() : std::string_view(value);
}

Locale CliLocale() { return LocaleFromEnvironment(Env("LC_ALL"), Env("LC_MESSAGES"), Env("LANG")); }

const MessageCatalog *CliMessages() {
	// Loaded on first use: most commands succeed and never need it.
	static const std::unique_ptr<MessageCatalog> messages = []() -> std::unique_ptr<MessageCatalog> {
		auto content_dir = platform::LocateResourceDir("content");
		if (!content_dir) {
			return nullptr;
		}
		auto loaded = platform::LoadMessages(*content_dir);
		return loaded ? std::make_unique<MessageCatalog>(std::move(*loaded)) : nullptr;
	}();
	return messages.get();
}

std::string DescribeForCli(const Error &error) {
	const MessageCatalog *messages = CliMessages();
	return messages == nullptr ? error.message : DescribeError(*messages, CliLocale(), error);
}

} // namespace mamori::cli
