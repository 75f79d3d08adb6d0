// mamori/export/page_pattern.cpp
#include "export/page_pattern.hpp"

namespace mamori::exporting {

namespace {

constexpr std::string_view kPage = "{{page}}";
constexpr std::string_view kPages = "{{pages}}";

} // namespace

std::vector<PagePatternPart> SplitPagePattern(std::string_view pattern) {
	std::vector<PagePatternPart> parts;
	std::string text;
	auto flush = [&] {
		if (!text.empty()) {
			parts.push_back({PagePatternPart::Kind::kText, std::move(text)});
			text.clear();
		}
	};
	std::size_t at = 0;
	while (at < pattern.size()) {
		const std::string_view rest = pattern.substr(at);
		if (rest.starts_with(kPage)) {
			flush();
			parts.push_back({PagePatternPart::Kind::kPage, ""});
			at += kPage.size();
		} else if (rest.starts_with(kPages)) {
			flush();
			parts.push_back({PagePatternPart::Kind::kPages, ""});
			at += kPages.size();
		} else {
			text += pattern[at];
			++at;
		}
	}
	flush();
	return parts;
}

std::string FillPagePattern(std::string_view pattern, int page, int pages) {
	std::string text;
	for (const PagePatternPart &part : SplitPagePattern(pattern)) {
		switch (part.kind) {
		case PagePatternPart::Kind::kText:
			text += part.text;
			break;
		case PagePatternPart::Kind::kPage:
			text += std::to_string(page);
			break;
		case PagePatternPart::Kind::kPages:
			text += std::to_string(pages);
			break;
		}
	}
	return text;
}

} // namespace mamori::exporting
