// mamori/web/views.cpp
#include "web/views.hpp"

#include "platform/files.hpp"

#include <kainjow/mustache.hpp>

#include <filesystem>

namespace mamori::web {

namespace mustache = kainjow::mustache;

static mustache::data Scalar(const nlohmann::json &value) {
	switch (value.type()) {
	case nlohmann::json::value_t::string:
		return mustache::data{value.get<std::string>()};
	case nlohmann::json::value_t::boolean:
		return mustache::data{value.get<bool>()};
	case nlohmann::json::value_t::number_integer:
	case nlohmann::json::value_t::number_unsigned:
		return mustache::data{std::to_string(value.get<long long>())};
	case nlohmann::json::value_t::number_float:
		return mustache::data{value.dump()};
	case nlohmann::json::value_t::object:
		return mustache::data{mustache::data::type::object};
	case nlohmann::json::value_t::array:
		return mustache::data{mustache::data::type::list};
	case nlohmann::json::value_t::null:
	case nlohmann::json::value_t::binary:
	case nlohmann::json::value_t::discarded:
		return mustache::data{false};
	}
	return mustache::data{false};
}

//! Fills `target` (already of the right type) from `value`. kainjow's data
//! only takes children by copy, so each child is inserted empty and then
//! filled in place: building bottom-up would copy every subtree once per
//! level, and those copies dominated the time of large pages (perf: malloc).
static void Fill(const nlohmann::json &value, mustache::data &target) {
	if (value.is_object()) {
		for (const auto &[key, member] : value.items()) {
			target.set(key, Scalar(member));
			if (member.is_object() || member.is_array()) {
				// The child lives inside `target`, which we own and may change.
				Fill(member, const_cast<mustache::data &>(*target.get(key)));
			}
		}
	} else if (value.is_array()) {
		for (const auto &element : value) {
			target.push_back(Scalar(element));
			if (element.is_object() || element.is_array()) {
				Fill(element, const_cast<mustache::data &>(target.list_value().back()));
			}
		}
	}
}

static mustache::data ToData(const nlohmann::json &value) {
	mustache::data root = Scalar(value);
	Fill(value, root);
	return root;
}

class Views::Template {
public:
	Template(std::string file, std::string text) : file_(std::move(file)), text_(std::move(text)) {}

	const std::string &text() const { return text_; }

	//! The parsed template, or null when the text is not valid Mustache (error() says why).
	mustache::mustache *Parsed() {
		std::call_once(parsed_once_, [this] {
			auto parsed = std::make_unique<mustache::mustache>(text_);
			if (parsed->is_valid()) {
				parsed_ = std::move(parsed);
			} else {
				error_ = parsed->error_message();
			}
		});
		return parsed_.get();
	}
	const std::string &error() const { return error_; }
	const std::string &file() const { return file_; }

private:
	std::string file_;
	std::string text_;
	std::once_flag parsed_once_;
	std::unique_ptr<mustache::mustache> parsed_;
	std::string error_;
};

Result<std::string> ExpandMessageKeys(const std::string &template_name, const std::string &text,
                                      const MessageCatalog &messages, Locale locale, std::set<std::string> &used) {
	static constexpr std::string_view kOpen = "{{#t}}";
	static constexpr std::string_view kClose = "{{/t}}";
	std::string out;
	out.reserve(text.size());
	size_t pos = 0;
	for (size_t open = text.find(kOpen); open != std::string::npos; open = text.find(kOpen, pos)) {
		const size_t close = text.find(kClose, open + kOpen.size());
		if (close == std::string::npos) {
			return Error{ErrorCode::kCatalogInvalid, template_name, "{{#t}} without {{/t}}"};
		}
		const std::string key = text.substr(open + kOpen.size(), close - open - kOpen.size());
		if (!messages.Has(key)) {
			return Error{ErrorCode::kCatalogInvalid, template_name, "unknown message key '" + key + "'"};
		}
		used.insert(key);
		out.append(text, pos, open - pos);
		// The raw message: its {{placeholders}} become template variables.
		out.append(messages.Entries(locale).find(key)->second);
		pos = close + kClose.size();
	}
	out.append(text, pos, std::string::npos);
	return out;
}

Result<Views> Views::Load(const std::string &dir, MessageCatalog messages) {
	Views views;
	views.messages_ = std::move(messages);
	std::error_code error;
	for (const auto &entry : std::filesystem::directory_iterator(dir, error)) {
		if (entry.path().extension() != ".mustache") {
			continue;
		}
		auto text = platform::ReadWholeFile(entry.path().string());
		if (!text) {
			return text.error();
		}
		const std::string name = entry.path().stem().string();
		for (Locale locale : kAllLocales) {
			auto expanded = ExpandMessageKeys(entry.path().string(), *text, views.messages_, locale, views.used_keys_);
			if (!expanded) {
				return expanded.error();
			}
			views.templates_[locale][name] = std::make_shared<Template>(
			    entry.path().string() + " (" + std::string(LocaleCode(locale)) + ")", std::move(expanded.value()));
		}
	}
	if (error) {
		return Error{ErrorCode::kCatalogInvalid, dir, "cannot read the templates folder: " + error.message()};
	}
	if (views.templates_[kDefaultLocale].count("layout") == 0) {
		return Error{ErrorCode::kCatalogInvalid, dir, "layout.mustache is missing"};
	}
	return views;
}

Status Views::CheckAll() const {
	for (const auto &[locale, templates] : templates_) {
		for (const auto &[name, kept] : templates) {
			if (kept->Parsed() == nullptr) {
				return Error{ErrorCode::kCatalogInvalid, kept->file(), kept->error()};
			}
		}
	}
	return OkStatus();
}

std::string Views::Render(Locale locale, const std::string &name, const nlohmann::json &model) const {
	const auto &templates = templates_.at(locale);
	auto found = templates.find(name);
	if (found == templates.end()) {
		return "<p>template " + name + " missing</p>";
	}
	mustache::mustache *parsed = found->second->Parsed();
	if (parsed == nullptr) {
		return "<p>template " + name + " is broken</p>"; // CheckAll in the unit tests keeps this from shipping
	}
	mustache::data data = ToData(model);
	// Partials are the templates named with a leading underscore
	// ({{> _error_summary}}), so they cannot collide with model keys.
	for (const auto &[partial_name, partial] : templates) {
		if (partial_name.empty() || partial_name[0] != '_') {
			continue;
		}
		data.set(partial_name, mustache::partial{[text = &partial->text()]() { return *text; }});
	}
	// A template is parsed once (parsing the page and the layout on every request was a fifth of a
	// small page's time). kainjow's render() is not const, but all it writes to the template is its
	// error message, and only on an error: a bad template or partial (CheckAll) or a lambda
	// (mamori's models have none). So threads may share a parsed template.
	return parsed->render(data);
}

std::string Views::RenderPage(Locale locale, const std::string &page, const nlohmann::json &model) const {
	nlohmann::json layout = model.contains("layout") ? model["layout"] : nlohmann::json::object();
	layout["body"] = Render(locale, page, model);
	return Render(locale, "layout", layout);
}

} // namespace mamori::web
