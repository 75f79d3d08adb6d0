// mamori/core/yaml/load.cpp
#include "core/yaml/load.hpp"

#include <yaml.h>

#include <cstring>

namespace mamori::yaml {
namespace {

Mark MarkOf(const yaml_mark_t &mark) {
	return Mark{static_cast<int>(mark.line), static_cast<int>(mark.column)};
}

//! Owns libyaml's parser and the event in hand, so every exit frees them.
class EventReader {
public:
	explicit EventReader(std::string_view text) {
		yaml_parser_initialize(&parser_);
		yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char *>(text.data()), text.size());
		yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
	}
	~EventReader() {
		Release();
		yaml_parser_delete(&parser_);
	}
	EventReader(const EventReader &) = delete;
	EventReader &operator=(const EventReader &) = delete;

	const yaml_event_t &Next() {
		Release();
		if (!yaml_parser_parse(&parser_, &event_)) {
			std::string problem = parser_.problem ? parser_.problem : "unreadable YAML";
			if (parser_.context) {
				problem = std::string(parser_.context) + ": " + problem;
			}
			throw ParseError(problem, MarkOf(parser_.problem_mark));
		}
		holding_ = true;
		return event_;
	}

private:
	void Release() {
		if (holding_) {
			yaml_event_delete(&event_);
			holding_ = false;
		}
	}

	yaml_parser_t parser_{};
	yaml_event_t event_{};
	bool holding_ = false;
};

bool IsPlainNull(const yaml_event_t &event) {
	if (event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE || event.data.scalar.tag != nullptr) {
		return false;
	}
	const std::string_view value(reinterpret_cast<const char *>(event.data.scalar.value), event.data.scalar.length);
	return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

const unsigned char *AnchorOf(const yaml_event_t &event) {
	switch (event.type) {
	case YAML_SCALAR_EVENT:
		return event.data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return event.data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		return event.data.mapping_start.anchor;
	default:
		return nullptr;
	}
}

} // namespace

//! Builds the tree from libyaml's events with a stack of the open lists and
//! mappings, so nesting costs no recursion here.
class TreeBuilder {
public:
	Node Build(std::string_view text) {
		EventReader events(text);
		bool had_document = false;
		for (;;) {
			const yaml_event_t &event = events.Next();
			const Mark where = MarkOf(event.start_mark);
			if (AnchorOf(event) != nullptr || event.type == YAML_ALIAS_EVENT) {
				throw ParseError("anchors and aliases (&name, *name) are not used in mamori's files", where);
			}
			switch (event.type) {
			case YAML_STREAM_END_EVENT:
				return had_document ? root_ : Node(NodeType::kNull);
			case YAML_DOCUMENT_START_EVENT:
				if (had_document) {
					throw ParseError("a file holds one YAML document; a second one starts here", where);
				}
				break;
			case YAML_DOCUMENT_END_EVENT:
				had_document = true;
				break;
			case YAML_SCALAR_EVENT: {
				std::string value(reinterpret_cast<const char *>(event.data.scalar.value), event.data.scalar.length);
				if (Open() != nullptr && Open()->node.IsMap() && !Open()->has_key) {
					TakeKey(std::move(value), where);
				} else {
					Place(IsPlainNull(event) ? Node(NodeType::kNull) : Node::Text(std::move(value)), where);
				}
				break;
			}
			case YAML_SEQUENCE_START_EVENT:
			case YAML_MAPPING_START_EVENT:
				if (Open() != nullptr && Open()->node.IsMap() && !Open()->has_key) {
					throw ParseError("a key must be text, not a list or a mapping", where);
				}
				if (open_.size() >= static_cast<size_t>(kMaxDepth)) {
					throw ParseError("nested more than " + std::to_string(kMaxDepth) + " levels deep", where);
				}
				open_.push_back(Frame{Node(event.type == YAML_MAPPING_START_EVENT ? NodeType::kMap : NodeType::kSequence)});
				break;
			case YAML_SEQUENCE_END_EVENT:
			case YAML_MAPPING_END_EVENT: {
				Node finished = std::move(open_.back().node);
				open_.pop_back();
				Place(std::move(finished), where);
				break;
			}
			default:
				break;
			}
		}
	}

private:
	struct Frame {
		Node node;
		std::string key;
		bool has_key = false;
	};

	Frame *Open() { return open_.empty() ? nullptr : &open_.back(); }

	void TakeKey(std::string key, Mark where) {
		if (key.empty()) {
			throw ParseError("a key must not be empty", where);
		}
		for (const auto &entry : open_.back().node.data_->entries) {
			if (entry.first == key) {
				throw ParseError("the key '" + key + "' appears twice in this mapping", where);
			}
		}
		open_.back().key = std::move(key);
		open_.back().has_key = true;
	}

	void Place(Node value, Mark where) {
		Frame *open = Open();
		if (open == nullptr) {
			root_ = std::move(value);
			return;
		}
		auto &data = *open->node.data_;
		if (data.type == NodeType::kSequence) {
			data.elements.push_back(std::move(value));
			return;
		}
		if (!open->has_key) {
			throw ParseError("a value without a key", where);
		}
		data.entries.emplace_back(std::move(open->key), std::move(value));
		open->key.clear();
		open->has_key = false;
	}

	std::vector<Frame> open_;
	Node root_;
};

Node Load(std::string_view text) {
	return TreeBuilder().Build(text);
}

} // namespace mamori::yaml
