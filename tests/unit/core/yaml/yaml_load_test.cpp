// mamori/tests/unit/core/yaml/yaml_load_test.cpp
//
// core/yaml: the subset of YAML the content files are held to, the node
// lookups the loaders rely on, and the conversions.
#include "core/yaml/load.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace mamori::yaml {
namespace {

std::string ProblemOf(const std::string &text) {
	try {
		(void)Load(text);
	} catch (const ParseError &error) {
		return error.what();
	}
	return "";
}

TEST(YamlLoadTest, ReadsMappingsListsAndTextInFileOrder) {
	const Node root = Load("title: \"パスワード\"\nsteps:\n  - one\n  - 'two'\nzeta: 1\nalpha: 2\n");
	ASSERT_TRUE(root.IsMap());
	EXPECT_EQ(root["title"].Scalar(), "パスワード");
	ASSERT_TRUE(root["steps"].IsSequence());
	ASSERT_EQ(root["steps"].size(), 2u);
	EXPECT_EQ(root["steps"][1].as<std::string>(), "two");
	ASSERT_EQ(root.Entries().size(), 4u);
	EXPECT_EQ(root.Entries()[2].first, "zeta");
	EXPECT_EQ(root.Entries()[3].first, "alpha");
}

TEST(YamlLoadTest, PlainNullFormsAreNullAndQuotedOnesAreText) {
	const Node root = Load("a:\nb: ~\nc: null\nd: NULL\ne: \"null\"\nf: ''\n");
	for (const char *key : {"a", "b", "c", "d"}) {
		EXPECT_TRUE(root[key].IsNull()) << key;
		EXPECT_TRUE(root[key].IsDefined()) << key;
	}
	EXPECT_TRUE(root["e"].IsScalar());
	EXPECT_EQ(root["e"].Scalar(), "null");
	EXPECT_TRUE(root["f"].IsScalar());
	EXPECT_EQ(root["f"].Scalar(), "");
}

TEST(YamlLoadTest, MissingKeysAndIndexesGiveUndefinedNodes) {
	const Node root = Load("list: [1, 2]\ntext: x\n");
	EXPECT_FALSE(root["absent"].IsDefined());
	EXPECT_FALSE(root["absent"]["deeper"].IsDefined());
	EXPECT_FALSE(root["list"][2].IsDefined());
	EXPECT_FALSE(root["list"]["key"].IsDefined());
	EXPECT_FALSE(root["text"][0].IsDefined());
	EXPECT_FALSE(static_cast<bool>(root["absent"]));
	EXPECT_EQ(root["text"]["x"].size(), 0u);
	EXPECT_TRUE(root["absent"].Elements().empty());
}

TEST(YamlLoadTest, AnEmptyTextIsANullNode) {
	EXPECT_TRUE(Load("").IsNull());
	EXPECT_TRUE(Load("# only a comment\n").IsNull());
}

TEST(YamlLoadTest, SyntaxErrorsNameTheLine) {
	const std::string problem = ProblemOf("a: 1\nb: [unclosed\nc: 2\n");
	EXPECT_NE(problem.find("line "), std::string::npos) << problem;
	try {
		(void)Load("a: 1\n  b: 2\n");
		FAIL() << "a bad indentation was accepted";
	} catch (const ParseError &error) {
		EXPECT_EQ(error.mark.line, 1);
	}
}

TEST(YamlLoadTest, RefusesWhatContentFilesNeverHold) {
	EXPECT_NE(ProblemOf("a: 1\na: 2\n").find("'a' appears twice"), std::string::npos);
	EXPECT_NE(ProblemOf("a: &x 1\nb: *x\n").find("anchors and aliases"), std::string::npos);
	EXPECT_NE(ProblemOf("? [1, 2]\n: x\n").find("a key must be text"), std::string::npos);
	EXPECT_NE(ProblemOf("a: 1\n---\nb: 2\n").find("one YAML document"), std::string::npos);
	EXPECT_NE(ProblemOf("\"\": x\n").find("must not be empty"), std::string::npos);
	EXPECT_NE(ProblemOf("a: \"\xff\"\n"), "") << "broken UTF-8 was accepted";
}

TEST(YamlLoadTest, NestingIsBounded) {
	const std::string fits = std::string(kMaxDepth, '[') + std::string(kMaxDepth, ']');
	EXPECT_TRUE(Load(fits).IsSequence());
	const std::string too_deep = std::string(kMaxDepth + 1, '[') + std::string(kMaxDepth + 1, ']');
	EXPECT_NE(ProblemOf(too_deep).find("levels deep"), std::string::npos);
	// Far deeper input is refused the same way, without exhausting the stack.
	EXPECT_NE(ProblemOf(std::string(100000, '[')), "");
}

TEST(YamlLoadTest, ConversionsAcceptOnlyTheirForm) {
	const Node root = Load("n: 42\nneg: -7\nhex: 0x1F\nbig: 3000000000\nword: 12abc\nfrac: 1.5\n"
	                       "yes: true\nno: False\nmaybe: perhaps\nlist: [1]\n");
	EXPECT_EQ(root["n"].as<int>(), 42);
	EXPECT_EQ(root["neg"].as<int>(), -7);
	EXPECT_EQ(root["hex"].as<int>(), 31);
	EXPECT_EQ(root["big"].as<long long>(), 3000000000LL);
	EXPECT_THROW((void)root["big"].as<int>(), BadConversion);
	EXPECT_THROW((void)root["word"].as<int>(), BadConversion);
	EXPECT_THROW((void)root["frac"].as<long long>(), BadConversion);
	EXPECT_TRUE(root["yes"].as<bool>());
	EXPECT_FALSE(root["no"].as<bool>());
	EXPECT_THROW((void)root["maybe"].as<bool>(), BadConversion);
	EXPECT_THROW((void)root["list"].as<std::string>(), BadConversion);
	EXPECT_THROW((void)root["absent"].as<int>(), BadConversion);
}

TEST(YamlLoadTest, SetReplacesInPlaceAndAppends) {
	Node map(NodeType::kMap);
	map.Set("first", Node::Text("1"));
	map.Set("second", Node::Text("2"));
	map.Set("first", Node::Text("one"));
	ASSERT_EQ(map.size(), 2u);
	EXPECT_EQ(map.Entries()[0].first, "first");
	EXPECT_EQ(map["first"].Scalar(), "one");
	Node list(NodeType::kSequence);
	list.Append(map);
	EXPECT_EQ(list[0]["second"].Scalar(), "2");
	EXPECT_THROW(list.Set("k", Node()), BadConversion);
}

//! A double-quoted YAML scalar for any text (control bytes escaped).
std::string Quoted(const std::string &text) {
	std::string out = "\"";
	for (unsigned char c : text) {
		if (c == '"' || c == '\\') {
			out += '\\';
			out += static_cast<char>(c);
		} else if (c < 0x20 || c == 0x7F) {
			static const char *kHex = "0123456789ABCDEF";
			out += "\\x";
			out += kHex[c >> 4];
			out += kHex[c & 0xF];
		} else {
			out += static_cast<char>(c);
		}
	}
	return out + "\"";
}

RC_GTEST_PROP(YamlLoadProperty, QuotedTextComesBackAsWrittenInOrder, ()) {
	const auto texts = *rc::gen::container<std::vector<std::string>>(
	    rc::gen::oneOf(rc::gen::string<std::string>(), rc::gen::element<std::string>("情報資産", "ｶﾀｶﾅ", "a: b", "# x", "- y")));
	std::string document;
	for (size_t idx = 0; idx < texts.size(); ++idx) {
		document += "k" + std::to_string(idx) + ": " + Quoted(texts[idx]) + "\n";
	}
	// Random bytes are not always UTF-8; libyaml refuses those, which is tested above.
	try {
		const Node root = Load(document);
		RC_ASSERT(root.size() == texts.size() || (texts.empty() && root.IsNull()));
		for (size_t idx = 0; idx < texts.size(); ++idx) {
			RC_ASSERT(root.Entries()[idx].first == "k" + std::to_string(idx));
			RC_ASSERT(root.Entries()[idx].second.Scalar() == texts[idx]);
		}
	} catch (const ParseError &) {
		const bool any_non_ascii = std::any_of(texts.begin(), texts.end(), [](const std::string &text) {
			return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
		});
		RC_ASSERT(any_non_ascii);
	}
}

} // namespace
} // namespace mamori::yaml
