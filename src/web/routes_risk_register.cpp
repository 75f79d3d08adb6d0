// mamori/web/routes_risk_register.cpp
//
// 情報資産管理台帳 (表12 + リスク所有者): the register grouped and sorted,
// the add/edit form with the 表10 criteria beside each C/I/A value, row
// duplication and deletion, and starting from an industry template.
#include "app/register_page.hpp"
#include "app/risk_views.hpp"
#include "app/selfcheck_views.hpp"
#include "platform/clock.hpp"
#include "web/http_errors.hpp"
#include "web/form_dates.hpp"
#include "web/risk_routes.hpp"

#include <charconv>
#include <cstdlib>

namespace mamori::web::risk_pages {
namespace {

//! A 表10 rating group; label, hint and choose are message keys.
struct RatingField {
	const char *key;
	const char *label;
	const char *hint;
	const char *choose;
};

constexpr RatingField kRatings[] = {
    {"confidentiality", "web_risk.asset_form.confidentiality", "web_risk.asset_form.confidentiality_hint",
     "web_risk.asset_form.confidentiality_choose"},
    {"integrity", "web_risk.asset_form.integrity", "web_risk.asset_form.integrity_hint",
     "web_risk.asset_form.integrity_choose"},
    {"availability", "web_risk.asset_form.availability", "web_risk.asset_form.availability_hint",
     "web_risk.asset_form.availability_choose"},
};

int *RatingOf(app::Asset &asset, const std::string &key) {
	if (key == "confidentiality") {
		return &asset.confidentiality;
	}
	if (key == "integrity") {
		return &asset.integrity;
	}
	return &asset.availability;
}

int RatingValue(const app::Asset &asset, const std::string &key) {
	if (key == "confidentiality") {
		return asset.confidentiality;
	}
	if (key == "integrity") {
		return asset.integrity;
	}
	return asset.availability;
}

//! The criteria of one C/I/A scale in the catalog's order (表10 lists 2 first),
//! or the bare values when the edition has no criteria for it.
std::vector<ScaleLabel> CriteriaOf(const Edition &edition, const std::string &key) {
	auto found = edition.risk_catalog.criteria.find(key);
	if (found != edition.risk_catalog.criteria.end() && !found->second.empty()) {
		return found->second;
	}
	std::vector<ScaleLabel> values;
	for (int value = edition.risk_scale.rating_max; value >= edition.risk_scale.rating_min; --value) {
		values.push_back({value, ""});
	}
	return values;
}

//! The element the error summary links to for an app-layer field name.
std::string AssetFieldId(const Edition &edition, const std::string &field) {
	for (const auto &rating : kRatings) {
		if (field == rating.key) {
			const auto criteria = CriteriaOf(edition, field);
			return field + "-" + std::to_string(criteria.front().value);
		}
	}
	return field.empty() ? "business_category" : field;
}

//! Reads the form. A C/I/A group left unselected becomes -1, which the
//! app layer refuses with 「…の評価値は0〜2で選んでください。」.
app::Asset ReadAssetForm(const Request &request, app::Asset asset) {
	asset.business_category = app::TrimSpaces(request.Param("business_category"));
	asset.name = app::TrimSpaces(request.Param("name"));
	asset.note = app::TrimSpaces(request.Param("note"));
	asset.users = app::TrimSpaces(request.Param("users"));
	asset.department = app::TrimSpaces(request.Param("department"));
	asset.medium = request.Param("medium");
	asset.personal_info = request.HasParam("personal_info");
	asset.sensitive_personal_info = request.HasParam("sensitive_personal_info");
	asset.my_number = request.HasParam("my_number");
	asset.business_critical = request.HasParam("business_critical");
	asset.retention = app::TrimSpaces(request.Param("retention"));
	asset.risk_owner = app::TrimSpaces(request.Param("risk_owner"));
	for (const auto &rating : kRatings) {
		const std::string text = request.Param(rating.key);
		int value = -1;
		auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
		if (ec != std::errc() || end != text.data() + text.size()) {
			value = -1;
		}
		*RatingOf(asset, rating.key) = value;
	}
	return asset;
}

//! A text box; `label` and `hint` are message keys.
Json TextField(const PageText &words, const std::string &id, const std::string &label, const std::string &hint,
               const std::string &value, bool optional, bool textarea, const std::optional<Error> &error) {
	const bool at_fault = error && error->field == id;
	return {{"id", id},
	        {"label", words(label)},
	        {"hint", words(hint)},
	        {"has_hint", true},
	        {"value", value},
	        {"optional", optional},
	        {"textarea", textarea},
	        {"error", at_fault ? Json(error->message) : Json(false)}};
}

Json AssetFormModel(const PageText &words, const Edition &edition, const app::Asset &asset, bool is_new, const std::string &action,
                    const std::optional<Error> &error) {
	Json top = Json::array({
	    TextField(words, "business_category", "web_risk.asset_form.business_category", "web_risk.asset_form.business_category_hint",
	              asset.business_category, false, false, error),
	    TextField(words, "name", "web_risk.asset_form.name", "web_risk.asset_form.name_hint", asset.name, false, false, error),
	    TextField(words, "note", "web_risk.asset_form.note", "web_risk.asset_form.note_hint", asset.note, true, true,
	              error),
	    TextField(words, "users", "web_risk.asset_form.users", "web_risk.asset_form.users_hint", asset.users, true, false,
	              error),
	    TextField(words, "department", "web_risk.asset_form.department", "web_risk.asset_form.department_hint", asset.department, true, false,
	              error),
	});
	Json bottom = Json::array({
	    TextField(words, "retention", "web_risk.asset_form.retention", "web_risk.asset_form.retention_hint", asset.retention, true, false, error),
	    TextField(words, "risk_owner", "web_risk.asset_form.risk_owner", "web_risk.asset_form.risk_owner_hint", asset.risk_owner,
	              true, false, error),
	});
	Json media = Json::array();
	Json media_help = Json::array();
	for (const auto &medium : edition.risk_catalog.media) {
		media.push_back({{"value", medium.id}, {"label", medium.name}, {"selected", medium.id == asset.medium}});
		media_help.push_back({{"name", medium.name}, {"description", medium.description}});
	}
	Json ratings = Json::array();
	for (const auto &rating : kRatings) {
		Json options = Json::array();
		const int current = RatingValue(asset, rating.key);
		for (const auto &criterion : CriteriaOf(edition, rating.key)) {
			options.push_back({{"id", std::string(rating.key) + "-" + std::to_string(criterion.value)},
			                   {"value", criterion.value},
			                   {"criteria", criterion.label},
			                   {"has_criteria", !criterion.label.empty()},
			                   {"checked", criterion.value == current}});
		}
		const bool at_fault = error && error->field == rating.key;
		ratings.push_back({{"key", rating.key},
		                   {"label", words(rating.label)},
		                   {"hint", words(rating.hint)},
		                   {"options", options},
		                   {"error", at_fault ? Json(error->message) : Json(false)}});
	}
	const bool medium_error = error && error->field == "medium";
	return {
	    {"action", action},
	    {"is_new", is_new},
	    {"top_fields", top},
	    {"bottom_fields", bottom},
	    {"media", media},
	    {"media_help", media_help},
	    {"medium_error", medium_error ? Json(error->message) : Json(false)},
	    {"no_medium", asset.medium.empty()},
	    {"ratings", ratings},
	    {"personal_info", asset.personal_info},
	    {"sensitive_personal_info", asset.sensitive_personal_info},
	    {"my_number", asset.my_number},
	    {"business_critical", asset.business_critical},
	    {"override_importance", edition.risk_scale.override_importance},
	    {"registered_on", is_new ? std::string() : FormatDate(words.web.messages(), words.request.locale, asset.registered_on)},
	};
}

void RenderAssetForm(WebApp &web, Request &request, const app::OrgAccess &access, const app::Asset &asset,
                     bool is_new, const std::optional<Error> &error_in, const std::string &notice = "") {
	const Edition &edition = access.EditionOf(web.Content(request));
	std::optional<Error> error = error_in;
	for (const auto &rating : kRatings) {
		// A group left unselected reads better as "choose" than as an out-of-range value.
		if (error && error->field == rating.key && RatingValue(asset, rating.key) < 0) {
			error->message = rating.choose;
			error->params.clear();
		}
	}
	const std::string base = RiskBase(access);
	const std::string action = is_new ? base + "/assets/new" : base + "/assets/" + std::to_string(asset.id) + "/edit";
	Json model = AssetFormModel(PageText{web, request}, edition, asset, is_new, action, error);
	model["base"] = base;
	model["today"] = FormatDate(web.messages(), request.locale, platform::TodayInJapan());
	model["notice"] = OptionalText(notice.empty() ? std::string() : web.Text(request, notice));
	model["asset_name"] = asset.name;
	if (error) {
		model["error_summary"] = ErrorSummary(*error, AssetFieldId(edition, error->field));
	}
	const std::string title = is_new ? "pages.risk_asset_new" : "pages.risk_asset_edit";
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200, web.RenderPage(request, "risk_asset_form", model, title, access));
}

//! The notice shown on the register after a successful POST (PRG).
std::string RegisterNotice(const PageText &words, const Request &request) {
	const std::string done = request.Param("done");
	if (done == "created") {
		return words("web_risk.register.created");
	}
	if (done == "updated") {
		return words("web_risk.register.updated");
	}
	if (done == "deleted") {
		return words("web_risk.register.deleted");
	}
	if (done == "template" || done == "imported") {
		int rows = 0;
		const std::string text = request.Param("rows");
		std::from_chars(text.data(), text.data() + text.size(), rows);
		return words(done == "template" ? "web_risk.register.template_added" : "web_risk.register.imported",
		             {{"rows", std::to_string(rows)}});
	}
	return "";
}

std::string MediumName(const RiskCatalog &catalog, const std::string &id) {
	const RiskMedium *medium = catalog.FindMedium(id);
	return medium != nullptr ? medium->name : id;
}

Json TemplatesJson(const Edition &edition) {
	Json templates = Json::array();
	for (const auto &tmpl : edition.asset_templates) {
		templates.push_back(
		    {{"id", tmpl.id}, {"name", tmpl.name}, {"description", tmpl.description}, {"row_count", tmpl.rows.size()}});
	}
	return templates;
}

//! What the reader asked for in the query string: grouping, order, filters and page.
app::RegisterPageRequest ReadRegisterRequest(const Request &request) {
	app::RegisterPageRequest wanted;
	wanted.grouping = app::ParseRegisterGrouping(request.Param("group"));
	wanted.sort = app::ParseRegisterSort(request.Param("sort"));
	wanted.filter.category = app::TrimSpaces(request.Param("category"));
	wanted.filter.medium = request.Param("medium");
	wanted.filter.level = request.Param("level");
	wanted.filter.search = app::TrimSpaces(request.Param("q"));
	wanted.page = app::ParseRegisterPageNumber(request.Param("page"));
	return wanted;
}

//! The query that keeps the reader's choices, with `page` ("" for the first).
std::string RegisterQuery(const app::RegisterPageRequest &wanted, const std::string &page) {
	const bool by_department = wanted.grouping == app::RegisterGrouping::kDepartment;
	return app::QueryString({{"group", by_department ? "department" : ""},
	                         {"sort", app::RegisterSortName(wanted.sort)},
	                         {"category", wanted.filter.category},
	                         {"medium", wanted.filter.medium},
	                         {"level", wanted.filter.level},
	                         {"q", wanted.filter.search},
	                         {"page", page}});
}

//! The page's groups of rows as the register tables show them.
Json RegisterGroupsJson(WebApp &web, Request &request, const app::RegisterAnalysis &analysis, const RiskCatalog &catalog,
                        const std::vector<app::AssetGroup> &page_groups, bool by_department, const std::string &base) {
	Json groups = Json::array();
	int group_number = 0;
	for (const auto &group : page_groups) {
		Json rows = Json::array();
		for (size_t row : group.rows) {
			const app::Asset &asset = analysis.assets[row];
			const AssetAssessment &assessed = analysis.result.assets[row];
			const std::string href = base + "/assets/" + std::to_string(asset.id);
			std::string driving;
			if (assessed.driving_threat >= 0) {
				driving = assessed.threats[assessed.driving_threat].threat->name;
			}
			const bool personal = asset.personal_info || asset.sensitive_personal_info || asset.my_number;
			rows.push_back({
			    {"id", asset.id},
			    {"name", asset.name},
			    {"note", asset.note},
			    {"has_note", !asset.note.empty()},
			    {"other_group", by_department ? asset.business_category : asset.department},
			    {"medium", MediumName(catalog, asset.medium)},
			    {"confidentiality", asset.confidentiality},
			    {"integrity", asset.integrity},
			    {"availability", asset.availability},
			    {"personal", personal},
			    {"importance", assessed.importance},
			    {"importance_note",
			     OptionalText(SayKeyed(web, request, app::ImportanceNote(app::ToRegisterAsset(asset).rating, assessed.importance,
			                                      assessed.importance_overridden)))},
			    {"risk", RiskCellJson(assessed.risk_value, assessed.level)},
			    {"has_threats", !assessed.threats.empty()},
			    {"driving_threat", driving},
			    {"registered_on", FormatDate(web.messages(), request.locale, asset.registered_on, false)},
			    {"registered_iso", asset.registered_on},
			    {"href", href},
			});
		}
		++group_number;
		groups.push_back({{"name", group.blank ? web.Text(request, "app_risk.group_blank") : group.name},
		                  {"heading_id", "group-" + std::to_string(group_number)},
		                  {"count", group.rows.size()},
		                  {"rows", rows}});
	}
	return groups;
}

//! The filter form's choices: only values present in the register, each marked when chosen.
Json FilterJson(const PageText &words, const Edition &edition, const app::RegisterPage &page,
                const app::RegisterPageRequest &wanted) {
	Json categories = Json::array();
	for (const auto &category : page.categories) {
		categories.push_back({{"value", category}, {"label", category}, {"selected", category == wanted.filter.category}});
	}
	Json media = Json::array();
	for (const auto &medium : page.media) {
		media.push_back({{"value", medium},
		                 {"label", MediumName(edition.risk_catalog, medium)},
		                 {"selected", medium == wanted.filter.medium}});
	}
	Json levels = Json::array();
	for (const auto &band : edition.risk_scale.levels) {
		levels.push_back({{"value", band.id}, {"label", band.label}, {"selected", band.id == wanted.filter.level}});
	}
	levels.push_back({{"value", "none"}, {"label", words("risk.assets.filter_level_none")}, {"selected", wanted.filter.level == "none"}});
	return {{"categories", categories},
	        {"media", media},
	        {"levels", levels},
	        {"search", wanted.filter.search},
	        {"active", wanted.filter.Any()},
	        {"group", wanted.grouping == app::RegisterGrouping::kDepartment ? "department" : ""},
	        {"sort", app::RegisterSortName(wanted.sort)}};
}

//! Previous / numbered / next links; numbers near the current page, the first and the last.
Json PaginationJson(const app::RegisterPage &page, const app::RegisterPageRequest &wanted, const std::string &list_url) {
	Json pages = Json::array();
	int last_shown = 0;
	for (int number = 1; number <= page.page_count; ++number) {
		const bool near = std::abs(number - page.page) <= 2 || number == 1 || number == page.page_count;
		if (!near) {
			continue;
		}
		if (last_shown != 0 && number > last_shown + 1) {
			pages.push_back({{"gap", true}});
		}
		pages.push_back({{"number", number},
		                 {"href", list_url + RegisterQuery(wanted, number == 1 ? "" : std::to_string(number))},
		                 {"current", number == page.page}});
		last_shown = number;
	}
	Json pagination = {{"paged", page.page_count > 1}, {"pages", pages}};
	if (page.page > 1) {
		pagination["previous_href"] = list_url + RegisterQuery(wanted, page.page == 2 ? "" : std::to_string(page.page - 1));
	}
	if (page.page < page.page_count) {
		pagination["next_href"] = list_url + RegisterQuery(wanted, std::to_string(page.page + 1));
	}
	return pagination;
}

//! The register page's model, or nullopt after an error page was sent.
std::optional<Json> RegisterModel(WebApp &web, Request &request, const app::OrgAccess &access) {
	const PageText words{web, request};
	auto analysis = LoadAnalysis(web, request, access, false, &web.Content(request));
	if (!analysis) {
		return std::nullopt;
	}
	const Edition &edition = access.EditionOf(web.Content(request));
	const std::string base = RiskBase(access);
	const std::string list_url = base + "/assets";
	const app::RegisterPageRequest wanted = ReadRegisterRequest(request);
	const app::RegisterPage page = app::SelectRegisterPage(analysis->assets, analysis->result, wanted);
	const bool by_department = wanted.grouping == app::RegisterGrouping::kDepartment;

	// Changing the grouping or the order keeps the filters and starts again at page 1.
	app::RegisterPageRequest relinked = wanted;
	auto link = [&](app::RegisterGrouping grouping, app::RegisterSort sort) {
		relinked.grouping = grouping;
		relinked.sort = sort;
		return list_url + RegisterQuery(relinked, "");
	};
	Json group_links = Json::array({
	    {{"label", words("web_risk.register.by_category")},
	     {"href", link(app::RegisterGrouping::kBusinessCategory, wanted.sort)},
	     {"current", !by_department}},
	    {{"label", words("web_risk.register.by_department")},
	     {"href", link(app::RegisterGrouping::kDepartment, wanted.sort)},
	     {"current", by_department}},
	});
	Json sort_links = Json::array();
	for (const auto &[value, label] :
	     std::vector<std::pair<app::RegisterSort, std::string>>{{app::RegisterSort::kRegistered, "web_risk.register.sort_registered"},
	                                                            {app::RegisterSort::kName, "web_risk.register.sort_name"},
	                                                            {app::RegisterSort::kImportance, "web_risk.register.sort_importance"},
	                                                            {app::RegisterSort::kRisk, "web_risk.register.sort_risk"}}) {
		sort_links.push_back({{"label", words(label)}, {"href", link(wanted.grouping, value)}, {"current", value == wanted.sort}});
	}
	app::RegisterPageRequest whole = wanted;
	whole.page = 1;

	Json model = {
	    {"base", base},
	    {"can_edit", access.CanEdit()},
	    {"show_actions", access.CanEdit()},
	    {"empty", analysis->assets.empty()},
	    {"asset_count", analysis->assets.size()},
	    {"matching", page.matching},
	    {"first_row", page.first_row},
	    {"last_row", page.last_row},
	    {"nothing_matches", !analysis->assets.empty() && page.matching == 0},
	    {"groups", RegisterGroupsJson(web, request, *analysis, edition.risk_catalog, page.groups, by_department, base)},
	    {"group_links", group_links},
	    {"sort_links", sort_links},
	    {"filter", FilterJson(words, edition, page, wanted)},
	    {"pagination", PaginationJson(page, wanted, list_url)},
	    {"list_href", list_url},
	    {"print_href", base + "/assets/print" + RegisterQuery(whole, "")},
	    {"other_group_label", words(by_department ? "web_risk.asset_form.business_category" : "web_risk.asset_form.department")},
	    {"templates", TemplatesJson(edition)},
	    {"notice", OptionalText(RegisterNotice(words, request))},
	};
	return model;
}

void RenderRegister(WebApp &web, Request &request, const app::OrgAccess &access, const std::optional<Error> &error) {
	if (!error) {
		return web.SendKeptPage(request, "risk_assets", "pages.risk_assets", access,
		                        [&] { return RegisterModel(web, request, access); });
	}
	std::optional<Json> model = RegisterModel(web, request, access);
	if (!model) {
		return;
	}
	const Edition &edition = access.EditionOf(web.Content(request));
	AddFormError(*model, *error,
	             "template-" + (edition.asset_templates.empty() ? std::string() : edition.asset_templates.front().id),
	             "template_id");
	web.SendHtml(request, HttpStatusFor(error->code), web.RenderPage(request, "risk_assets", std::move(*model), "pages.risk_assets", access));
}

//! Every matching row at once, without actions or forms, for printing or reading the whole list.
std::optional<Json> PrintModel(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto analysis = LoadAnalysis(web, request, access, false, &web.Content(request));
	if (!analysis) {
		return std::nullopt;
	}
	const Edition &edition = access.EditionOf(web.Content(request));
	const std::string base = RiskBase(access);
	app::RegisterPageRequest wanted = ReadRegisterRequest(request);
	wanted.page = 1;
	wanted.rows_per_page = 0;
	const app::RegisterPage page = app::SelectRegisterPage(analysis->assets, analysis->result, wanted);
	const bool by_department = wanted.grouping == app::RegisterGrouping::kDepartment;
	const PageText words{web, request};
	Json model = {
	    {"base", base},
	    {"show_actions", false},
	    {"matching", page.matching},
	    {"asset_count", analysis->assets.size()},
	    {"filtered", wanted.filter.Any()},
	    {"groups", RegisterGroupsJson(web, request, *analysis, edition.risk_catalog, page.groups, by_department, base)},
	    {"back_href", base + "/assets" + RegisterQuery(wanted, "")},
	    {"other_group_label", words(by_department ? "web_risk.asset_form.business_category" : "web_risk.asset_form.department")},
	};
	return model;
}

void ShowAssetsForPrint(WebApp &web, Request &request, const app::OrgAccess &access) {
	web.SendKeptPage(request, "risk_assets_print", "pages.risk_assets_print", access,
	                 [&] { return PrintModel(web, request, access); });
}

//! Loads one asset of the organisation by its path id; sends 404 otherwise.
std::optional<app::Asset> LoadAsset(WebApp &web, Request &request, const app::OrgAccess &access,
                                        const std::string &id_text) {
	auto asset_id = WebApp::ParseId(id_text);
	if (!asset_id) {
		web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "web_risk.asset_not_found"));
		return std::nullopt;
	}
	auto found = app::FindAsset(web.ctx(), access, *asset_id);
	if (!found) {
		web.SendErrorPage(request, found.error());
		return std::nullopt;
	}
	return *found;
}

void ShowAssets(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderRegister(web, request, access, std::nullopt);
}

void ShowNewAsset(WebApp &web, Request &request, const app::OrgAccess &access) {
	app::Asset blank;
	// No C/I/A value is chosen for the user: each is a judgement (表10).
	blank.confidentiality = blank.integrity = blank.availability = -1;
	RenderAssetForm(web, request, access, blank, true, std::nullopt);
}

void CreateAsset(WebApp &web, Request &request, const app::OrgAccess &access) {
	app::Asset asset = ReadAssetForm(request, app::Asset{});
	auto created = app::CreateAsset(web.ctx(), request.actor(), access, asset);
	if (!created) {
		if (created.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, created.error());
		}
		return RenderAssetForm(web, request, access, asset, true, created.error());
	}
	web.Redirect(request, RiskBase(access) + "/assets?done=created#asset-" + std::to_string(*created));
}

void ShowEditAsset(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto asset = LoadAsset(web, request, access, request.http.matches[2]);
	if (!asset) {
		return;
	}
	const std::string notice = request.Param("done") == "duplicated"
	                               ? "web_risk.register.duplicated"
	                               : "";
	RenderAssetForm(web, request, access, *asset, false, std::nullopt, notice);
}

void UpdateAsset(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto existing = LoadAsset(web, request, access, request.http.matches[2]);
	if (!existing) {
		return;
	}
	app::Asset asset = ReadAssetForm(request, *existing);
	if (auto updated = app::UpdateAsset(web.ctx(), request.actor(), access, asset); !updated) {
		if (updated.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, updated.error());
		}
		return RenderAssetForm(web, request, access, asset, false, updated.error());
	}
	web.Redirect(request, RiskBase(access) + "/assets?done=updated#asset-" + std::to_string(asset.id));
}

void DuplicateAsset(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto existing = LoadAsset(web, request, access, request.http.matches[2]);
	if (!existing) {
		return;
	}
	auto copy = app::DuplicateAsset(web.ctx(), request.actor(), access, existing->id);
	if (!copy) {
		return web.SendErrorPage(request, copy.error());
	}
	// The copy usually differs in its 媒体 (paper vs electronic): open it for editing.
	web.Redirect(request, RiskBase(access) + "/assets/" + std::to_string(*copy) + "/edit?done=duplicated");
}

void ShowDeleteAsset(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto asset = LoadAsset(web, request, access, request.http.matches[2]);
	if (!asset) {
		return;
	}
	const Edition &edition = access.EditionOf(web.Content(request));
	Json model = {{"base", RiskBase(access)},
	              {"id", asset->id},
	              {"name", asset->name},
	              {"business_category", asset->business_category},
	              {"department", asset->department},
	              {"medium", MediumName(edition.risk_catalog, asset->medium)}};
	web.SendHtml(request, 200, web.RenderPage(request, "risk_asset_delete", model, "pages.risk_asset_delete", access));
}

void DeleteAsset(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto asset = LoadAsset(web, request, access, request.http.matches[2]);
	if (!asset) {
		return;
	}
	if (auto deleted = app::DeleteAsset(web.ctx(), request.actor(), access, asset->id); !deleted) {
		return web.SendErrorPage(request, deleted.error());
	}
	web.Redirect(request, RiskBase(access) + "/assets?done=deleted");
}

void ApplyTemplate(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto applied = app::ApplyAssetTemplate(web.ctx(), request.actor(), access, request.Param("template_id"));
	if (!applied) {
		if (applied.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, applied.error());
		}
		return RenderRegister(web, request, access, applied.error());
	}
	web.Redirect(request, RiskBase(access) + "/assets?done=template&rows=" + std::to_string(*applied));
}

} // namespace

RouteTable RiskRegisterRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/risk/assets)", RiskViewer(), ShowAssets},
	    {Method::kGet, R"(/orgs/(\d+)/risk/assets/print)", RiskViewer(), ShowAssetsForPrint},
	    {Method::kGet, R"(/orgs/(\d+)/risk/assets/new)", RiskEditor(), ShowNewAsset},
	    {Method::kPost, R"(/orgs/(\d+)/risk/assets/new)", RiskEditor(), CreateAsset},
	    {Method::kGet, R"(/orgs/(\d+)/risk/assets/(\d+)/edit)", RiskEditor(), ShowEditAsset},
	    {Method::kPost, R"(/orgs/(\d+)/risk/assets/(\d+)/edit)", RiskEditor(), UpdateAsset},
	    {Method::kPost, R"(/orgs/(\d+)/risk/assets/(\d+)/duplicate)", RiskEditor(), DuplicateAsset},
	    {Method::kGet, R"(/orgs/(\d+)/risk/assets/(\d+)/delete)", RiskEditor(), ShowDeleteAsset},
	    {Method::kPost, R"(/orgs/(\d+)/risk/assets/(\d+)/delete)", RiskEditor(), DeleteAsset},
	    {Method::kPost, R"(/orgs/(\d+)/risk/assets/template)", RiskEditor(), ApplyTemplate},
	};
}

} // namespace mamori::web::risk_pages
