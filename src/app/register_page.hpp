// mamori/app/register_page.hpp
//
// The 情報資産管理台帳 as a person first sees it (issue 11): one page of rows
// (50 by default) out of a register that may hold thousands, filtered by
// 業務分類, 媒体・保存先 and リスク, searched by words, sorted and grouped as
// before, all on the server. Rendering every row of a 1,000-asset register
// took ~30 ms and 1.5 MB of HTML, most of it nobody scrolls to; the print
// view (every row, no actions) remains for those who want the whole list.
#pragma once

#include "app/risk_views.hpp"

#include <string>
#include <vector>

namespace mamori::app {

//! What the reader chose; empty fields do not filter.
struct RegisterFilter {
	std::string category;  // 業務分類, exact (after trimming spaces)
	std::string medium;    // a medium id of the risk catalog
	std::string level;     // a risk level band id (high / medium / low), or "none" for assets without threats
	std::string search;    // words each found in the name, note, 業務分類 or 管理部署 (ASCII case ignored)

	bool Any() const { return !category.empty() || !medium.empty() || !level.empty() || !search.empty(); }
};

inline constexpr int kRegisterRowsPerPage = 50;

struct RegisterPageRequest {
	RegisterGrouping grouping = RegisterGrouping::kBusinessCategory;
	RegisterSort sort = RegisterSort::kRegistered;
	RegisterFilter filter;
	int page = 1;                           // 1-based; beyond the last page shows the last
	int rows_per_page = kRegisterRowsPerPage;  // 0: every matching row (the print view)
};

struct RegisterPage {
	//! The groups with rows on this page, in register group order; each
	//! group's rows are the slice of its sorted rows that falls on the page.
	std::vector<AssetGroup> groups;
	int matching = 0;     // rows passing the filter, on every page
	int page = 1;         // the page shown, after clamping
	int page_count = 1;   // at least 1, also when nothing matches
	int first_row = 0;    // 1-based position of the page's first row among the matching; 0 when none
	int last_row = 0;
	//! The 業務分類 present in the whole register, in order of first appearance,
	//! for the filter's choices (so a choice never leads to an empty page).
	std::vector<std::string> categories;
	//! The media ids present in the whole register, in order of first appearance.
	std::vector<std::string> media;
};

//! ?page= as a page number: anything that is not a positive whole number is page 1.
int ParseRegisterPageNumber(const std::string &text);

//! `analysis` holds the assessments in register order (as GroupRegister).
RegisterPage SelectRegisterPage(const std::vector<storage::Asset> &assets, const AnalysisResult &analysis,
                                const RegisterPageRequest &request);

} // namespace mamori::app
