// mamori/web/routes_risk_register.cpp
//
// 情報資産管理台帳 (表12 + リスク所有者): the register grouped and sorted,
// the add/edit form with the 表10 criteria beside each C/I/A value, row
// duplication and deletion, and starting from an industry template.
#include "app/risk_views.hpp"
#include "app/selfcheck_views.hpp"
#include "platform/clock.hpp"
#include "web/http_errors.hpp"
#include "web/form_dates.hpp"
#include "web/risk_routes.hpp"

#include <charconv>

namespace mamori::web::risk_pages {
namespace {

struct RatingField {
	const char *key;
	const char *label;
	const char *hint;
};

constexpr RatingField kRatings[] = {
    {"confidentiality", "機密性", "漏れたときの影響です。"},
    {"integrity", "完全性", "書きかえられたときの影響です。"},
    {"availability", "可用性", "使えなくなったときの影響です。"},
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

Json TextField(const std::string &id, const std::string &label, const std::string &hint, const std::string &value,
               bool optional, bool textarea, const std::optional<Error> &error) {
	const bool at_fault = error && error->field == id;
	return {{"id", id},
	        {"label", label},
	        {"hint", hint},
	        {"has_hint", !hint.empty()},
	        {"value", value},
	        {"optional", optional},
	        {"textarea", textarea},
	        {"error", at_fault ? Json(error->message) : Json(false)}};
}

Json AssetFormModel(const Edition &edition, const app::Asset &asset, bool is_new, const std::string &action,
                    const std::optional<Error> &error) {
	Json top = Json::array({
	    TextField("business_category", "業務分類", "その情報を使う仕事の種類です。例：人事、経理、営業、製造",
	              asset.business_category, false, false, error),
	    TextField("name", "情報資産名称", "例：従業員名簿、顧客リスト、見積書", asset.name, false, false, error),
	    TextField("note", "備考", "どんな情報かを短く書きます。例：従業員の住所・連絡先", asset.note, true, true,
	              error),
	    TextField("users", "利用者範囲", "その情報を使ってよい人です。例：人事部、全従業員", asset.users, true, false,
	              error),
	    TextField("department", "管理部署", "その情報の管理に責任を持つ部署です。", asset.department, true, false,
	              error),
	});
	Json bottom = Json::array({
	    TextField("retention", "保存期限", "例：5年、退職後3年、2030年3月末まで", asset.retention, true, false, error),
	    TextField("risk_owner", "リスク所有者", "この情報のリスクに責任を持つ人です。例：人事部長", asset.risk_owner,
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
		                   {"label", rating.label},
		                   {"hint", rating.hint},
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
	    {"registered_on", is_new ? std::string() : JapaneseDate(asset.registered_on)},
	};
}

void RenderAssetForm(WebApp &web, Request &request, const app::OrgAccess &access, const app::Asset &asset,
                     bool is_new, const std::optional<Error> &error_in, const std::string &notice = "") {
	const Edition &edition = access.EditionOf(web.ctx().catalog);
	std::optional<Error> error = error_in;
	for (const auto &rating : kRatings) {
		// A group left unselected reads better as "choose" than as an out-of-range value.
		if (error && error->field == rating.key && RatingValue(asset, rating.key) < 0) {
			error->message = std::string(rating.label) + "の評価値を選んでください。";
		}
	}
	const std::string base = RiskBase(access);
	const std::string action = is_new ? base + "/assets/new" : base + "/assets/" + std::to_string(asset.id) + "/edit";
	Json model = AssetFormModel(edition, asset, is_new, action, error);
	model["base"] = base;
	model["today"] = JapaneseDate(platform::TodayInJapan());
	model["notice"] = OptionalText(notice);
	model["asset_name"] = asset.name;
	if (error) {
		model["error_summary"] = ErrorSummary(*error, AssetFieldId(edition, error->field));
	}
	const std::string title = is_new ? "情報資産の登録" : "情報資産の編集";
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200, web.RenderPage(request, "risk_asset_form", model, title, access));
}

//! The notice shown on the register after a successful POST (PRG).
std::string RegisterNotice(const Request &request) {
	const std::string done = request.Param("done");
	if (done == "created") {
		return "情報資産を登録しました。";
	}
	if (done == "updated") {
		return "情報資産の変更を保存しました。登録日を今日の日付にしました。";
	}
	if (done == "deleted") {
		return "情報資産を削除しました。";
	}
	if (done == "template" || done == "imported") {
		int rows = 0;
		const std::string text = request.Param("rows");
		std::from_chars(text.data(), text.data() + text.size(), rows);
		return done == "template" ? "ひな形から" + std::to_string(rows) +
		                                "行を台帳に追加しました。内容を自社に合わせて直してください。"
		                          : "ファイルから" + std::to_string(rows) + "行を取り込み、台帳を置き換えました。";
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

void RenderRegister(WebApp &web, Request &request, const app::OrgAccess &access, const std::optional<Error> &error) {
	auto analysis = LoadAnalysis(web, request, access, false);
	if (!analysis) {
		return;
	}
	const Edition &edition = access.EditionOf(web.ctx().catalog);
	const RiskCatalog &catalog = edition.risk_catalog;
	const std::string base = RiskBase(access);
	const auto grouping = app::ParseRegisterGrouping(request.Param("group"));
	const auto sort = app::ParseRegisterSort(request.Param("sort"));
	const bool by_department = grouping == app::RegisterGrouping::kDepartment;
	const std::string group_query = by_department ? "department" : "";
	const std::string sort_query = app::RegisterSortName(sort);

	Json groups = Json::array();
	int group_number = 0;
	for (const auto &group : app::GroupRegister(analysis->assets, analysis->result, grouping, sort)) {
		Json rows = Json::array();
		for (size_t row : group.rows) {
			const app::Asset &asset = analysis->assets[row];
			const AssetAssessment &assessed = analysis->result.assets[row];
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
			    {"registered_on", JapaneseDate(asset.registered_on, false)},
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

	auto link = [&](const std::string &group_value, const std::string &sort_value) {
		return base + "/assets" + app::QueryString({{"group", group_value}, {"sort", sort_value}});
	};
	Json group_links = Json::array({
	    {{"label", "業務分類ごと"}, {"href", link("", sort_query)}, {"current", !by_department}},
	    {{"label", "管理部署ごと"}, {"href", link("department", sort_query)}, {"current", by_department}},
	});
	Json sort_links = Json::array();
	for (const auto &[value, label] :
	     std::vector<std::pair<app::RegisterSort, std::string>>{{app::RegisterSort::kRegistered, "登録順"},
	                                                            {app::RegisterSort::kName, "名称順"},
	                                                            {app::RegisterSort::kImportance, "重要度の高い順"},
	                                                            {app::RegisterSort::kRisk, "リスク値の大きい順"}}) {
		sort_links.push_back(
		    {{"label", label}, {"href", link(group_query, app::RegisterSortName(value))}, {"current", value == sort}});
	}

	Json model = {
	    {"base", base},
	    {"can_edit", access.CanEdit()},
	    {"empty", analysis->assets.empty()},
	    {"asset_count", analysis->assets.size()},
	    {"groups", groups},
	    {"group_links", group_links},
	    {"sort_links", sort_links},
	    {"other_group_label", by_department ? "業務分類" : "管理部署"},
	    {"templates", TemplatesJson(edition)},
	    {"notice", OptionalText(RegisterNotice(request))},
	};
	if (error) {
		AddFormError(model, *error,
		             "template-" +
		                 (edition.asset_templates.empty() ? std::string() : edition.asset_templates.front().id),
		             "template_id");
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200, web.RenderPage(request, "risk_assets", model, "情報資産管理台帳", access));
}

//! Loads one asset of the organisation by its path id; sends 404 otherwise.
std::optional<app::Asset> LoadAsset(WebApp &web, Request &request, const app::OrgAccess &access,
                                        const std::string &id_text) {
	auto asset_id = WebApp::ParseId(id_text);
	if (!asset_id) {
		web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "情報資産が見つかりません。"));
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
	                               ? "情報資産を複製しました。同じ情報を紙と電子データの両方で持つときは、媒体・保存先"
	                                 "を変えて保存してください。"
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
	const Edition &edition = access.EditionOf(web.ctx().catalog);
	Json model = {{"base", RiskBase(access)},
	              {"id", asset->id},
	              {"name", asset->name},
	              {"business_category", asset->business_category},
	              {"department", asset->department},
	              {"medium", MediumName(edition.risk_catalog, asset->medium)}};
	web.SendHtml(request, 200, web.RenderPage(request, "risk_asset_delete", model, "情報資産の削除", access));
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
