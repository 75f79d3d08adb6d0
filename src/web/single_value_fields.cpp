// mamori/web/single_value_fields.cpp
#include "web/single_value_fields.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

namespace mamori::web {

bool IsListField(const std::string &name) {
	// Every checkbox group of web/templates that shares one name across its boxes.
	static constexpr std::array<std::string_view, 6> kListFields = {
	    "asset",       // risk register: assets chosen for a bulk action
	    "attended",    // training: who attended
	    "clause_ids",  // 基本方針: the clauses kept
	    "flag",        // document profile flags
	    "member",      // exercises and training: the people taking part
	    "method",      // 点検: the methods of an inspection
	};
	return std::find(kListFields.begin(), kListFields.end(), name) != kListFields.end();
}

std::optional<std::string> FirstRepeatedField(const std::vector<std::string> &names) {
	// A set, not pairwise comparison: a 4 MiB body can hold a million fields.
	std::unordered_set<std::string_view> seen;
	for (const std::string &name : names) {
		if (!IsListField(name) && !seen.insert(name).second) {
			return name;
		}
	}
	return std::nullopt;
}

} // namespace mamori::web
