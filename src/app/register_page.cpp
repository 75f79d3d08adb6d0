// mamori/app/register_page.cpp
#include "app/register_page.hpp"

#include "app/selfcheck_views.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace mamori::app {
namespace {

std::string AsciiLower(std::string text) {
	for (char &c : text) {
		if (c >= 'A' && c <= 'Z') {
			c = static_cast<char>(c - 'A' + 'a');
		}
	}
	return text;
}

//! The search words: split at ASCII and full-width spaces, lower-cased.
std::vector<std::string> SearchWords(const std::string &search) {
	std::string text = search;
	for (size_t at = text.find("\u3000"); at != std::string::npos; at = text.find("\u3000", at)) {
		text.replace(at, 3, " ");
	}
	std::vector<std::string> words;
	size_t start = 0;
	while (start < text.size()) {
		size_t end = text.find(' ', start);
		if (end == std::string::npos) {
			end = text.size();
		}
		if (end > start) {
			words.push_back(AsciiLower(text.substr(start, end - start)));
		}
		start = end + 1;
	}
	return words;
}

bool Matches(const storage::Asset &asset, const AssetAssessment *assessed, const RegisterFilter &filter,
             const std::vector<std::string> &words) {
	if (!filter.category.empty() && TrimSpaces(asset.business_category) != filter.category) {
		return false;
	}
	if (!filter.medium.empty() && asset.medium != filter.medium) {
		return false;
	}
	if (!filter.level.empty()) {
		const bool has_threats = assessed != nullptr && !assessed->threats.empty();
		if (filter.level == "none" ? has_threats
		                           : (!has_threats || assessed->level == nullptr || assessed->level->id != filter.level)) {
			return false;
		}
	}
	if (!words.empty()) {
		const std::string haystack =
		    AsciiLower(asset.name + "\n" + asset.note + "\n" + asset.business_category + "\n" + asset.department);
		for (const auto &word : words) {
			if (haystack.find(word) == std::string::npos) {
				return false;
			}
		}
	}
	return true;
}

} // namespace

int ParseRegisterPageNumber(const std::string &text) {
	int page = 0;
	auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), page);
	if (ec != std::errc() || end != text.data() + text.size() || page < 1) {
		return 1;
	}
	return page;
}

RegisterPage SelectRegisterPage(const std::vector<storage::Asset> &assets, const AnalysisResult &analysis,
                                const RegisterPageRequest &request) {
	RegisterPage page;
	std::set<std::string> seen_categories;
	std::set<std::string> seen_media;
	for (const auto &asset : assets) {
		const std::string category = TrimSpaces(asset.business_category);
		if (!category.empty() && seen_categories.insert(category).second) {
			page.categories.push_back(category);
		}
		if (!asset.medium.empty() && seen_media.insert(asset.medium).second) {
			page.media.push_back(asset.medium);
		}
	}

	// Group and sort the whole register once, then keep the rows that pass the
	// filter: the order on every page is the order of the full list.
	const std::vector<std::string> words = SearchWords(request.filter.search);
	std::vector<AssetGroup> groups = GroupRegister(assets, analysis, request.grouping, request.sort);
	for (auto &group : groups) {
		std::erase_if(group.rows, [&](size_t row) {
			const AssetAssessment *assessed = row < analysis.assets.size() ? &analysis.assets[row] : nullptr;
			return !Matches(assets[row], assessed, request.filter, words);
		});
		page.matching += static_cast<int>(group.rows.size());
	}
	std::erase_if(groups, [](const AssetGroup &group) { return group.rows.empty(); });

	const int per_page = request.rows_per_page > 0 ? request.rows_per_page : std::max(page.matching, 1);
	page.page_count = std::max(1, (page.matching + per_page - 1) / per_page);
	page.page = std::clamp(request.page, 1, page.page_count);
	const int first = (page.page - 1) * per_page;  // 0-based, among the matching rows
	const int last = std::min(first + per_page, page.matching);
	if (page.matching > 0) {
		page.first_row = first + 1;
		page.last_row = last;
	}

	int position = 0;
	for (auto &group : groups) {
		const int size = static_cast<int>(group.rows.size());
		const int from = std::max(first - position, 0);
		const int to = std::min(last - position, size);
		position += size;
		if (from >= to) {
			continue;
		}
		AssetGroup slice{group.name, {group.rows.begin() + from, group.rows.begin() + to}, group.blank};
		page.groups.push_back(std::move(slice));
	}
	return page;
}

} // namespace mamori::app
