// mamori/core/security/common_passwords.hpp
//
// The list of passwords too common to protect an account (content/
// common_passwords.txt, 30,000 entries). Kept as one lower-cased text with
// sorted views into it, and shared by the catalogs of every language: as
// 30,000 strings per language it was a fifth of reading the content at start.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mamori {

class CommonPasswords {
public:
	CommonPasswords() = default;
	//! One password per line; blank lines and lines starting with # are skipped,
	//! trailing spaces and CR dropped, ASCII letters compared lower-case.
	static CommonPasswords FromText(std::string_view text);

	//! `lowered` must already be lower-case (as CheckPasswordPolicy makes it).
	bool Contains(std::string_view lowered) const;
	//! The distinct passwords in the list's order (ShorterFirst).
	const std::vector<std::string_view> &Sorted() const;
	//! Shorter passwords first, then by their bytes: most comparisons end at the lengths, which
	//! made sorting the 30,000 entries at start three times cheaper than by bytes alone.
	static bool ShorterFirst(std::string_view a, std::string_view b) {
		return a.size() != b.size() ? a.size() < b.size() : a < b;
	}
	//! Distinct passwords on the list.
	size_t size() const { return data_ ? data_->sorted.size() : 0; }
	bool empty() const { return size() == 0; }

private:
	struct Data {
		std::string text;
		std::vector<std::string_view> sorted;  // into text; Data never moves once built
	};
	std::shared_ptr<const Data> data_;
};

} // namespace mamori
