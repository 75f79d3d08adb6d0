// mamori/web/register_pages.hpp
//
// What the partner and cloud-service pages share (internal to web/): a text
// field's model, the asset checkboxes, the state of a subject's document and
// the error summary of a form.
#pragma once

#include "app/documents/document_editing.hpp"
#include "web/http_errors.hpp"
#include "web/web_app.hpp"

#include <set>
#include <string>
#include <vector>

namespace mamori::web::register_pages {

//! A text box or area; `label` and `hint` are message keys ("" = no hint).
Json TextField(const PageText &words, const std::string &id, const char *label, const char *hint,
               const std::string &value, bool required, bool textarea, const std::optional<Error> &error);

//! A date box (YYYY-MM-DD); `label` and `hint` are message keys.
Json DateField(const PageText &words, const std::string &id, const char *label, const char *hint,
               const std::string &value, const std::optional<Error> &error);

//! One checkbox per asset, ticked when linked.
Json AssetChoices(const std::vector<storage::Asset> &assets, const std::vector<Id> &linked);

//! The asset ids ticked in the form (name "asset"); an id that is not a
//! number becomes 0, which the app layer refuses as an unknown asset.
std::vector<Id> TickedAssets(const Request &request);

//! The state of one partner's or service's document, and where to edit it.
Json SubjectDocument(WebApp &web, Request &request, const app::OrgAccess &access, const std::string &template_id,
                     const std::string &subject);

//! Adds the error summary and the page status for an error on a form.
void AddError(Json &model, const Error &error);

} // namespace mamori::web::register_pages
