// mamori/fuzz/catalog_fuzzer.cpp
//
// The content catalog loader. An input is one content file of an otherwise
// valid set: its first line names the file it replaces, relative to
// content/, optionally followed by " en" to load the catalog as English
// readers see it (the translation overlays applied); the rest is the file's
// new text. A name outside the set is skipped, so the fuzzer learns to keep
// the first line and mutates the YAML. The file is checked with
// CheckCatalogFile, which reads it with only the files it leans on, so one
// input costs milliseconds instead of a whole catalog parse (~0.1 s with
// ASan); catalog.yaml still goes through the whole ParseCatalog.
//
//   editions/3.0/five_articles.yaml en
//   articles: ...
#include "fuzz_content.hpp"

#include <string_view>

using namespace mamori;

namespace {

// The real files without the message catalog and with one document template
// only (the smallest), so one run parses ~200 KB instead of ~1 MB of YAML;
// document_template_fuzzer covers the templates.
ContentFiles CatalogFiles() {
	ContentFiles files;
	std::string kept_template;
	for (const auto &[name, text] : fuzz::Content().files) {
		if (name.starts_with("messages/")) {
			continue;
		}
		if (name.find("/documents/") != std::string::npos) {
			if (!kept_template.empty() && files.at(kept_template).size() <= text.size()) {
				continue;
			}
			if (!kept_template.empty()) {
				files.erase(kept_template);
			}
			kept_template = name;
		}
		files.emplace(name, text);
	}
	return files;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
	(void)fuzz::Content();
	return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	const std::string input = fuzz::AsText(data, size);
	const size_t end_of_line = input.find('\n');
	if (end_of_line == std::string::npos) {
		return 0;
	}
	std::string name = input.substr(0, end_of_line);
	Locale locale = Locale::kJa;
	if (constexpr std::string_view english = " en"; name.ends_with(english)) {
		name.resize(name.size() - english.size());
		locale = Locale::kEn;
	}
	// One copy of the real files per process; each run swaps one file in and back.
	static ContentFiles files = CatalogFiles();
	auto found = files.find(name);
	if (found == files.end() || name.starts_with("messages/")) {
		return 0;
	}
	std::string original = std::move(found->second);
	found->second = input.substr(end_of_line + 1);
	Status checked = CheckCatalogFile(files, name, locale);
	if (!checked) {
		(void)DescribeError(fuzz::Content().messages, locale, checked.error());
	}
	found->second = std::move(original);
	return 0;
}
