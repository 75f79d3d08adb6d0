// mamori/tests/unit/web/message_keys_test.cpp
//
// The build-time check of the message catalog (issue 7): every key a
// template or the code names exists, and every key in the catalog is used
// somewhere, so dead text cannot pile up and a typo cannot reach a page.
#include "platform/files.hpp"
#include "platform/message_files.hpp"
#include "web/views.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <regex>
#include <set>
#include <string>

namespace mamori {
namespace {

namespace fs = std::filesystem;
const std::string kRoot = MAMORI_SOURCE_DIR;

const MessageCatalog &Messages() {
	static const MessageCatalog catalog = [] {
		auto loaded = platform::LoadMessages(kRoot + "/content");
		if (!loaded) {
			ADD_FAILURE() << loaded.error().Describe();
			std::abort();
		}
		return std::move(loaded.value());
	}();
	return catalog;
}

//! Every string literal in src/ that looks like a message key ("a.b" or deeper).
std::map<std::string, std::string> KeyLikeLiteralsInSource() {
	static const std::regex literal(R"re("([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)")re");
	std::map<std::string, std::string> found;  // key → first file
	for (const auto &entry : fs::recursive_directory_iterator(kRoot + "/src")) {
		const auto ext = entry.path().extension();
		if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
		auto text = platform::ReadWholeFile(entry.path().string());
		EXPECT_TRUE(text.ok());
		for (std::sregex_iterator it(text->begin(), text->end(), literal), end; it != end; ++it) {
			found.emplace((*it)[1].str(), entry.path().string());
		}
	}
	return found;
}

std::set<std::string> Namespaces() {
	std::set<std::string> names;
	for (const auto &key : Messages().Keys()) names.insert(key.substr(0, key.find('.')));
	return names;
}

TEST(MessageKeysTest, TemplatesUseOnlyKnownKeys) {
	auto views = web::Views::Load(kRoot + "/web/templates", Messages());
	ASSERT_TRUE(views.ok()) << views.error().Describe();
	EXPECT_FALSE(views->UsedKeys().empty());
}

// Templates are parsed on first use in the server (views.hpp), so this is where a
// broken one is caught: every template, in every language, as the messages expand it.
TEST(MessageKeysTest, EveryTemplateParsesInEveryLanguage) {
	auto views = web::Views::Load(kRoot + "/web/templates", Messages());
	ASSERT_TRUE(views.ok()) << views.error().Describe();
	const Status parsed = views->CheckAll();
	EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().Describe());
}

TEST(MessageKeysTest, ABrokenTemplateIsNamedByCheckAll) {
	const fs::path dir = fs::temp_directory_path() / ("mamori-views-" + std::to_string(::getpid()));
	fs::create_directories(dir);
	for (const auto &[name, text] : {std::pair<std::string, std::string>{"layout.mustache", "{{{body}}}"},
	                                 {"broken.mustache", "<p>{{#open}}never closed</p>"}}) {
		std::ofstream(dir / name) << text;
	}
	auto views = web::Views::Load(dir.string(), Messages());
	ASSERT_TRUE(views.ok()) << views.error().Describe();
	const Status parsed = views->CheckAll();
	fs::remove_all(dir);
	ASSERT_FALSE(parsed.ok());
	EXPECT_NE(parsed.error().Describe().find("broken.mustache"), std::string::npos) << parsed.error().Describe();
}

//! Literals that share a first word with a message namespace but are not
//! message keys: audit action codes (stored in the database as data) and a
//! content file name. Listed one by one so that a real typo in a key still fails.
const std::set<std::string> kNotMessageKeys = {
    "audit.export",         "five_articles.update", "five_articles.yaml",    "policy.publish",        "policy.save_draft",
    "risk.accept_approve",  "risk.treatment",        "selfcheck.answer",      "selfcheck.round_close",
    "selfcheck.round_start", "selfcheck.submit",      "owner.yaml",
};

TEST(MessageKeysTest, CodeUsesOnlyKnownKeys) {
	const auto namespaces = Namespaces();
	for (const auto &[key, file] : KeyLikeLiteralsInSource()) {
		const std::string first = key.substr(0, key.find('.'));
		if (namespaces.count(first) == 0) continue;  // a file name or a JSON path, not a message
		if (kNotMessageKeys.count(key) > 0) continue;
		EXPECT_TRUE(Messages().Has(key)) << file << " names the unknown message key " << key;
	}
}

TEST(MessageKeysTest, EveryKeyIsUsed) {
	auto views = web::Views::Load(kRoot + "/web/templates", Messages());
	ASSERT_TRUE(views.ok()) << views.error().Describe();
	const auto in_code = KeyLikeLiteralsInSource();
	for (const auto &key : Messages().Keys()) {
		EXPECT_TRUE(views->UsedKeys().count(key) > 0 || in_code.count(key) > 0)
		    << "the message key " << key << " is used by no template and no source file";
	}
}

TEST(MessageKeysTest, ExpansionIsPerLocaleAndRefusesUnknownKeys) {
	std::set<std::string> used;
	auto english = web::ExpandMessageKeys("t", "<a>{{#t}}nav.risk{{/t}}</a>", Messages(), Locale::kEn, used);
	ASSERT_TRUE(english.ok());
	EXPECT_EQ(*english, "<a>Risk analysis</a>");
	auto japanese = web::ExpandMessageKeys("t", "{{#t}}nav.risk{{/t}}", Messages(), Locale::kJa, used);
	EXPECT_EQ(*japanese, "リスク分析");
	EXPECT_EQ(used.count("nav.risk"), 1u);
	auto unknown = web::ExpandMessageKeys("t.mustache", "{{#t}}nav.nothing{{/t}}", Messages(), Locale::kEn, used);
	ASSERT_FALSE(unknown.ok());
	EXPECT_NE(unknown.error().message.find("nav.nothing"), std::string::npos);
	EXPECT_FALSE(web::ExpandMessageKeys("t", "{{#t}}nav.risk", Messages(), Locale::kEn, used).ok());
}

} // namespace
} // namespace mamori
