// mamori/core/yaml/node.hpp
//
// The parsed form of a content file: a small tree of text, lists and
// mappings. Every file under content/ is read into one at start (the
// catalogs in both languages, the messages, the programme, the retention
// schedule), so the tree is built for that: one allocation per node, nodes
// shared rather than copied, and lookups that return an undefined node
// instead of throwing. yaml-cpp did this before; its parser and node model
// were two thirds of a `mamori serve` start (docs/performance-notes.md).
// The parsing is libyaml's (yaml::Load, load.hpp).
//
// Nodes have shared, read-only contents once built: copying a Node copies a
// pointer. Set and Append are for building a new tree (Localize does) and
// are called only on a node that nothing else holds yet.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mamori::yaml {

enum class NodeType { kUndefined, kNull, kScalar, kSequence, kMap };

//! Where in the text a problem is, counted from 0 as libyaml does.
struct Mark {
	int line = -1;
	int column = -1;
};

//! Every failure of this module: a text that is not YAML mamori reads
//! (ParseError) or a value that is not of the type asked for (BadConversion).
//! what() puts the line and column (from 1) before the message when known.
class Exception : public std::runtime_error {
public:
	Exception(const std::string &message, Mark where)
	    : std::runtime_error(where.line < 0 ? message
	                                        : "line " + std::to_string(where.line + 1) + ", column " +
	                                              std::to_string(where.column + 1) + ": " + message),
	      msg(message), mark(where) {}
	std::string msg;
	Mark mark;
};

class ParseError : public Exception {
public:
	using Exception::Exception;
};

class BadConversion : public Exception {
public:
	explicit BadConversion(const std::string &message) : Exception(message, Mark{}) {}
};

class Node;
using MapEntry = std::pair<std::string, Node>;

class Node {
public:
	//! An undefined node: what a lookup of a missing key or index returns.
	Node() = default;
	//! An empty null, list or mapping, to be filled with Append or Set.
	explicit Node(NodeType type);
	//! A scalar with the text given.
	static Node Text(std::string text);

	NodeType Type() const { return data_ ? data_->type : NodeType::kUndefined; }
	bool IsDefined() const { return Type() != NodeType::kUndefined; }
	bool IsNull() const { return Type() == NodeType::kNull; }
	bool IsScalar() const { return Type() == NodeType::kScalar; }
	bool IsSequence() const { return Type() == NodeType::kSequence; }
	bool IsMap() const { return Type() == NodeType::kMap; }
	explicit operator bool() const { return IsDefined(); }

	//! The text of a scalar; empty for any other node.
	const std::string &Scalar() const;
	//! The elements of a list or the entries of a mapping; 0 for any other node.
	size_t size() const;

	//! A mapping's value for `key`, or an undefined node (not a mapping, no such key).
	Node operator[](std::string_view key) const;
	//! A list's element at `index`, or an undefined node.
	Node operator[](size_t index) const;

	//! A list's elements (empty for any other node).
	const std::vector<Node> &Elements() const;
	//! A mapping's entries in file order (empty for any other node).
	const std::vector<MapEntry> &Entries() const;

	//! The scalar as T: std::string, bool (true/false, yes/no, on/off), int or
	//! long long (decimal with an optional sign, or 0x hexadecimal). Throws
	//! BadConversion for anything else, as a typed read of the wrong node.
	template <typename T>
	T as() const;

	//! Building: appends to a list made with Node(NodeType::kSequence).
	void Append(Node element);
	//! Building: sets `key` of a mapping made with Node(NodeType::kMap); an
	//! existing key keeps its place and takes the new value.
	void Set(std::string key, Node value);

private:
	friend class TreeBuilder; // load.cpp: appends entries it has checked itself
	struct Data {
		NodeType type = NodeType::kUndefined;
		std::string scalar;
		std::vector<Node> elements;
		std::vector<MapEntry> entries;
	};
	explicit Node(std::shared_ptr<Data> data) : data_(std::move(data)) {}
	Data &Mutable(NodeType expected);

	std::shared_ptr<Data> data_;
};

template <>
std::string Node::as<std::string>() const;
template <>
bool Node::as<bool>() const;
template <>
long long Node::as<long long>() const;
template <>
int Node::as<int>() const;

} // namespace mamori::yaml
