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

Result<Views> Views::Load(const std::string &dir) {
	Views views;
	std::error_code error;
	for (const auto &entry : std::filesystem::directory_iterator(dir, error)) {
		if (entry.path().extension() != ".mustache") {
			continue;
		}
		auto text = platform::ReadWholeFile(entry.path().string());
		if (!text) {
			return text.error();
		}
		mustache::mustache compiled{*text};
		if (!compiled.is_valid()) {
			return Error{ErrorCode::kCatalogInvalid, entry.path().string(), compiled.error_message()};
		}
		views.templates_[entry.path().stem().string()] = std::move(text.value());
	}
	if (error) {
		return Error{ErrorCode::kCatalogInvalid, dir, "cannot read the templates folder: " + error.message()};
	}
	if (views.templates_.count("layout") == 0) {
		return Error{ErrorCode::kCatalogInvalid, dir, "layout.mustache is missing"};
	}
	return views;
}

std::string Views::Render(const std::string &name, const nlohmann::json &model) const {
	auto found = templates_.find(name);
	if (found == templates_.end()) {
		return "<p>template " + name + " missing</p>";
	}
	mustache::mustache compiled{found->second};
	mustache::data data = ToData(model);
	// Partials are the templates named with a leading underscore
	// ({{> _error_summary}}), so they cannot collide with model keys.
	for (const auto &[partial_name, partial_text] : templates_) {
		if (partial_name.empty() || partial_name[0] != '_') {
			continue;
		}
		const std::string text = partial_text;
		data.set(partial_name, mustache::partial{[text]() { return text; }});
	}
	return compiled.render(data);
}

std::string Views::RenderPage(const std::string &page, const nlohmann::json &model) const {
	nlohmann::json layout = model.contains("layout") ? model["layout"] : nlohmann::json::object();
	layout["body"] = Render(page, model);
	return Render("layout", layout);
}

} // namespace mamori::web
