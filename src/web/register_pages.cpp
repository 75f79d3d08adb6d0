// mamori/web/register_pages.cpp
#include "web/register_pages.hpp"

#include "app/documents/subject_documents.hpp"
#include "web/document_state_key.hpp"

#include <algorithm>
#include <charconv>

namespace mamori::web::register_pages {
namespace {

Json FieldError(const PageText &words, const std::string &id, const std::optional<Error> &error) {
	return error && error->field == id ? Json(words.Describe(*error)) : Json(false);
}

} // namespace

Json TextField(const PageText &words, const std::string &id, const char *label, const char *hint,
               const std::string &value, bool required, bool textarea, const std::optional<Error> &error) {
	return {{"id", id},
	        {"label", words(label)},
	        {"hint", *hint == '\0' ? Json(false) : Json(words(hint))},
	        {"value", value},
	        {"optional", !required},
	        {"textarea", textarea},
	        {"error", FieldError(words, id, error)}};
}

Json DateField(const PageText &words, const std::string &id, const char *label, const char *hint,
               const std::string &value, const std::optional<Error> &error) {
	return {{"id", id},
	        {"label", words(label)},
	        {"hint", words(hint)},
	        {"value", value},
	        {"error", FieldError(words, id, error)}};
}

Json AssetChoices(const std::vector<storage::Asset> &assets, const std::vector<Id> &linked) {
	Json choices = Json::array();
	for (const auto &asset : assets) {
		choices.push_back({{"id", "asset-" + std::to_string(asset.id)},
		                   {"value", asset.id},
		                   {"name", asset.name},
		                   {"category", asset.business_category},
		                   {"checked", std::find(linked.begin(), linked.end(), asset.id) != linked.end()}});
	}
	return choices;
}

std::vector<Id> TickedAssets(const Request &request) {
	std::vector<Id> ids;
	for (const std::string &text : request.Values("asset")) {
		Id id = 0;
		auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
		ids.push_back(ec == std::errc() && end == text.data() + text.size() ? id : 0);
	}
	return ids;
}

Json SubjectDocument(WebApp &web, Request &request, const app::OrgAccess &access, const std::string &template_id,
                     const std::string &subject) {
	auto opened = app::OpenDocument(web.ctx(), access, template_id, subject);
	const std::optional<storage::StoredDocument> document = opened ? opened->stored : std::nullopt;
	std::string segment = subject;
	std::replace(segment.begin(), segment.end(), ':', '-');
	return {{"state", web.Text(request, DocumentStateKey(document))},
	        {"edit", "/orgs/" + std::to_string(access.org.id) + "/documents/edit/" + template_id + "/" + segment}};
}

void AddError(Json &model, const Error &error) {
	model["error_summary"] = ErrorSummary(error, error.field == "asset_ids" ? "assets" : error.field);
}

} // namespace mamori::web::register_pages
