// mamori/core/catalog/source_ref.hpp
#pragma once

#include <string>

namespace mamori {

//! Where a piece of content comes from in the guideline (「付録3 表4」).
struct SourceRef {
	std::string document;  // e.g. 「中小企業の情報セキュリティ対策ガイドライン 第3版」
	std::string location;  // e.g. 「付録3 / 表4」
};

} // namespace mamori
