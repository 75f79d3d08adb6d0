// mamori/web/views.hpp
//
// Server-side HTML from Mustache templates (kainjow-mustache, which escapes
// {{value}} by default; {{{raw}}} is used only for markup mamori built itself,
// such as SVG charts and the rendered page body inside the layout).
// View models are nlohmann::json, converted to Mustache data at render time.
#pragma once

#include "core/common/result.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace mamori::web {

class Views {
public:
	//! Loads every *.mustache under dir; fails naming the first broken template.
	static Result<Views> Load(const std::string &dir);

	//! Renders `page` with `model`, then wraps it in layout.mustache with
	//! model["layout"] (title, navigation, user...) plus "body".
	std::string RenderPage(const std::string &page, const nlohmann::json &model) const;
	//! Renders a template without the layout (partials, print views).
	std::string Render(const std::string &name, const nlohmann::json &model) const;

private:
	std::map<std::string, std::string> templates_;
};

} // namespace mamori::web
