// mamori/core/yaml/node.cpp
#include "core/yaml/node.hpp"

#include <charconv>
#include <climits>

namespace mamori::yaml {
namespace {

const std::string kNoText;
const std::vector<Node> kNoElements;
const std::vector<MapEntry> kNoEntries;

long long ParseInteger(const std::string &text) {
	std::string_view digits = text;
	bool negative = false;
	if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) {
		negative = digits.front() == '-';
		digits.remove_prefix(1);
	}
	int base = 10;
	if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
		base = 16;
		digits.remove_prefix(2);
	}
	unsigned long long magnitude = 0;
	const auto [end, problem] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
	const unsigned long long limit = negative ? static_cast<unsigned long long>(LLONG_MAX) + 1 : LLONG_MAX;
	if (digits.empty() || problem != std::errc() || end != digits.data() + digits.size() || magnitude > limit) {
		throw BadConversion("'" + text + "' is not an integer");
	}
	if (negative) {
		return magnitude == limit ? LLONG_MIN : -static_cast<long long>(magnitude);
	}
	return static_cast<long long>(magnitude);
}

} // namespace

Node::Node(NodeType type) : data_(std::make_shared<Data>()) {
	data_->type = type;
}

Node Node::Text(std::string text) {
	Node node(NodeType::kScalar);
	node.data_->scalar = std::move(text);
	return node;
}

const std::string &Node::Scalar() const {
	return IsScalar() ? data_->scalar : kNoText;
}

size_t Node::size() const {
	if (IsSequence()) {
		return data_->elements.size();
	}
	return IsMap() ? data_->entries.size() : 0;
}

Node Node::operator[](std::string_view key) const {
	if (IsMap()) {
		for (const auto &[name, value] : data_->entries) {
			if (name == key) {
				return value;
			}
		}
	}
	return Node();
}

Node Node::operator[](size_t index) const {
	return IsSequence() && index < data_->elements.size() ? data_->elements[index] : Node();
}

const std::vector<Node> &Node::Elements() const {
	return IsSequence() ? data_->elements : kNoElements;
}

const std::vector<MapEntry> &Node::Entries() const {
	return IsMap() ? data_->entries : kNoEntries;
}

template <>
std::string Node::as<std::string>() const {
	if (!IsScalar()) {
		throw BadConversion("expected text");
	}
	return data_->scalar;
}

template <>
bool Node::as<bool>() const {
	if (IsScalar()) {
		for (const char *yes : {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}) {
			if (data_->scalar == yes) {
				return true;
			}
		}
		for (const char *no : {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"}) {
			if (data_->scalar == no) {
				return false;
			}
		}
	}
	throw BadConversion("expected true or false");
}

template <>
long long Node::as<long long>() const {
	if (!IsScalar()) {
		throw BadConversion("expected an integer");
	}
	return ParseInteger(data_->scalar);
}

template <>
int Node::as<int>() const {
	const long long value = as<long long>();
	if (value < INT_MIN || value > INT_MAX) {
		throw BadConversion("'" + data_->scalar + "' is out of range");
	}
	return static_cast<int>(value);
}

Node::Data &Node::Mutable(NodeType expected) {
	if (Type() != expected) {
		throw BadConversion(expected == NodeType::kMap ? "not a mapping" : "not a list");
	}
	return *data_;
}

void Node::Append(Node element) {
	Mutable(NodeType::kSequence).elements.push_back(std::move(element));
}

void Node::Set(std::string key, Node value) {
	auto &entries = Mutable(NodeType::kMap).entries;
	for (auto &[name, existing] : entries) {
		if (name == key) {
			existing = std::move(value);
			return;
		}
	}
	entries.emplace_back(std::move(key), std::move(value));
}

} // namespace mamori::yaml
