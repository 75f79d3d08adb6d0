// mamori/core/security/common_passwords.cpp
#include "core/security/common_passwords.hpp"

#include <algorithm>

namespace mamori {

CommonPasswords CommonPasswords::FromText(std::string_view text) {
	auto data = std::make_shared<Data>();
	data->text.assign(text);
	std::transform(data->text.begin(), data->text.end(), data->text.begin(), [](unsigned char c) {
		return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
	});
	std::string_view rest = data->text;
	while (!rest.empty()) {
		const size_t end = rest.find('\n');
		std::string_view line = rest.substr(0, end);
		rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
		while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
			line.remove_suffix(1);
		}
		if (!line.empty() && line.front() != '#') {
			data->sorted.push_back(line);
		}
	}
	std::sort(data->sorted.begin(), data->sorted.end(), ShorterFirst);
	data->sorted.erase(std::unique(data->sorted.begin(), data->sorted.end()), data->sorted.end());
	CommonPasswords list;
	list.data_ = std::move(data);
	return list;
}

const std::vector<std::string_view> &CommonPasswords::Sorted() const {
	static const std::vector<std::string_view> kNone;
	return data_ ? data_->sorted : kNone;
}

bool CommonPasswords::Contains(std::string_view lowered) const {
	return data_ != nullptr && std::binary_search(data_->sorted.begin(), data_->sorted.end(), lowered, ShorterFirst);
}

} // namespace mamori
