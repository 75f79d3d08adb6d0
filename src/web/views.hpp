// mamori/web/views.hpp
//
// Server-side HTML from Mustache templates (kainjow-mustache, which escapes
// {{value}} by default; {{{raw}}} is used only for markup mamori built itself,
// such as SVG charts and the rendered page body inside the layout).
// View models are nlohmann::json, converted to Mustache data at render time.
//
// Templates hold no language of their own: text is written as
// {{#t}}message.key{{/t}}, and Load expands it once per locale from the
// message catalog, so rendering costs nothing extra and an unknown key stops
// the server at start-up. A message may itself use template variables
// ({{count}}), which the page's model fills as usual.
//
// A template is parsed the first time it is rendered, once, and kept:
// parsing all 200 (100 per language) was half of a `mamori serve` start
// (issue 11: a cold start within 100 ms), and most servers render a few
// dozen of them. CheckAll parses every one; the unit tests call it, so a
// broken template still fails before it ships.
#pragma once

#include "core/common/result.hpp"
#include "core/i18n/message_catalog.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <mutex>
#include <memory>
#include <set>
#include <string>

namespace kainjow::mustache {
template <typename StringType>
class basic_mustache;
}

namespace mamori::web {

class Views {
public:
	//! Loads every *.mustache under dir and expands its {{#t}} keys for each
	//! locale; fails naming the first broken template or unknown key.
	static Result<Views> Load(const std::string &dir, MessageCatalog messages);

	//! Renders `page` with `model`, then wraps it in layout.mustache with
	//! model["layout"] (title, navigation, user...) plus "body".
	std::string RenderPage(Locale locale, const std::string &page, const nlohmann::json &model) const;
	//! Renders a template without the layout (partials, print views).
	std::string Render(Locale locale, const std::string &name, const nlohmann::json &model) const;

	//! Parses every template of every locale; the first broken one is the error.
	Status CheckAll() const;

	const MessageCatalog &messages() const { return messages_; }
	//! The message keys the templates use, for the unused-key check.
	const std::set<std::string> &UsedKeys() const { return used_keys_; }

	//! One template of one locale: its expanded text, parsed on first use.
	class Template;

private:
	MessageCatalog messages_;
	std::map<Locale, std::map<std::string, std::shared_ptr<Template>>> templates_;
	std::set<std::string> used_keys_;
};

//! Replaces each {{#t}}key{{/t}} in a template with the key's message in
//! `locale`; fails naming the template and the key when a key is unknown.
//! Adds every key it meets to `used`.
Result<std::string> ExpandMessageKeys(const std::string &template_name, const std::string &text,
                                      const MessageCatalog &messages, Locale locale, std::set<std::string> &used);

} // namespace mamori::web
