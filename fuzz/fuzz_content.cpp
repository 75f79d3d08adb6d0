// mamori/fuzz/fuzz_content.cpp
#include "fuzz_content.hpp"

#include "platform/files.hpp"
#include "platform/message_files.hpp"

#include <cstdio>
#include <cstdlib>
#include <optional>

namespace mamori::fuzz {
namespace {

std::string ContentDir() {
	const char *home = std::getenv("MAMORI_HOME");
	return std::string(home != nullptr && *home != '\0' ? home : MAMORI_SOURCE_DIR) + "/content";
}

[[noreturn]] void Die(const std::string &what, const Error &error) {
	std::fprintf(stderr, "fuzz: cannot load %s: %s %s\n", what.c_str(), error.field.c_str(), error.message.c_str());
	std::abort();
}

FuzzContent Load() {
	const std::string dir = ContentDir();
	auto files = platform::ReadContentFiles(dir);
	if (!files) Die(dir, files.error());
	auto catalogs = ParseCatalogs(*files);
	if (!catalogs) Die("the catalog", catalogs.error());
	auto messages = platform::LoadMessages(dir);
	if (!messages) Die("the messages", messages.error());
	return FuzzContent{std::move(*files), std::move(*catalogs), std::move(*messages)};
}

} // namespace

void ImportRegister(interchange::RegisterFormat format, const std::string &bytes) {
	const FuzzContent &content = Content();
	interchange::EditionsByLocale editions;
	for (Locale locale : kAllLocales) {
		editions[locale] = &content.catalogs.In(locale).DefaultEdition();
	}
	const interchange::ReadingContext context{editions, content.messages};
	auto preview = interchange::ReadRegister(context, format, bytes);
	if (!preview) {
		(void)DescribeError(content.messages, Locale::kJa, preview.error());
		return;
	}
	for (const auto &error : preview->errors) {
		for (Locale locale : kAllLocales) {
			(void)error.Describe(content.messages, locale);
		}
	}
}

const FuzzContent &Content() {
	static const FuzzContent content = Load();
	return content;
}

} // namespace mamori::fuzz
