// mamori/tests/unit/core/security/audit_chain_test.cpp
//
// The audit hash chain: an intact log verifies; a changed field, a removed entry, swapped entries
// and a wrong first link are each found at the right entry.
#include "core/security/audit_chain.hpp"
#include "platform/crypto.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace mamori {
namespace {

//! Entries 1..count, chained as the store chains them.
std::vector<AuditChainEntry> MakeChain(int count) {
	std::vector<AuditChainEntry> entries;
	std::string prev = AuditChainZeroHash();
	for (int i = 1; i <= count; ++i) {
		AuditChainEntry entry;
		entry.id = i;
		entry.at = "2026-12-04T10:00:0" + std::to_string(i % 10) + "Z";
		entry.org_id = i % 3 == 0 ? std::nullopt : std::optional<std::int64_t>(1 + i % 2);
		entry.user_id = i % 4 == 0 ? std::nullopt : std::optional<std::int64_t>(7);
		entry.action = "action." + std::to_string(i);
		entry.target = "user:" + std::to_string(i);
		entry.detail = R"({"n":)" + std::to_string(i) + "}";
		entry.prev_hash = prev;
		entry.hash = AuditChainHash(entry, platform::Sha256Hex);
		prev = entry.hash;
		entries.push_back(entry);
	}
	return entries;
}

AuditChainCheck Verify(const std::vector<AuditChainEntry> &entries) {
	return VerifyAuditChain(entries, platform::Sha256Hex);
}

TEST(AuditChain, IntactLogVerifiesWithTheLastHashAsHead) {
	const auto entries = MakeChain(5);
	const auto check = Verify(entries);
	EXPECT_TRUE(check.ok);
	EXPECT_EQ(check.entries, 5);
	EXPECT_EQ(check.head, entries.back().hash);
	EXPECT_EQ(check.head.size(), 64u);
	EXPECT_FALSE(check.first_bad_entry.has_value());
}

TEST(AuditChain, EmptyLogIsIntactWithTheZeroHead) {
	const auto check = Verify({});
	EXPECT_TRUE(check.ok);
	EXPECT_EQ(check.entries, 0);
	EXPECT_EQ(check.head, std::string(64, '0'));
}

TEST(AuditChain, EncodingIsLengthPrefixedAndPinned) {
	AuditChainEntry entry;
	entry.id = 12;
	entry.at = "2026-12-04T10:00:00Z";
	entry.org_id = 3;
	entry.action = "member.add";
	entry.target = "user:5";
	entry.detail = "{}";
	entry.prev_hash = "ab";
	EXPECT_EQ(AuditChainMessage(entry),
	          "15:mamori-audit-v1;2:12;20:2026-12-04T10:00:00Z;1:3;-;10:member.add;6:user:5;2:{};2:ab;");
}

TEST(AuditChain, FieldBoundariesCannotBeShifted) {
	// "a" + "b;c" and "a;b" + "c" would collide under plain joining with ';'.
	AuditChainEntry one;
	one.action = "a";
	one.target = "b;c";
	AuditChainEntry two;
	two.action = "a;b";
	two.target = "c";
	EXPECT_NE(AuditChainMessage(one), AuditChainMessage(two));
	// No organisation differs from any organisation id.
	AuditChainEntry none;
	AuditChainEntry zero;
	zero.org_id = 0;
	EXPECT_NE(AuditChainMessage(none), AuditChainMessage(zero));
}

TEST(AuditChain, EachChangedFieldIsFoundAtItsEntry) {
	const std::vector<std::pair<const char *, void (*)(AuditChainEntry &)>> changes = {
	    {"at", [](AuditChainEntry &e) { e.at = "2020-01-01T00:00:00Z"; }},
	    {"org_id", [](AuditChainEntry &e) { e.org_id = 99; }},
	    {"user_id", [](AuditChainEntry &e) { e.user_id = std::nullopt; }},
	    {"action", [](AuditChainEntry &e) { e.action = "other"; }},
	    {"target", [](AuditChainEntry &e) { e.target = "user:1"; }},
	    {"detail", [](AuditChainEntry &e) { e.detail = R"({"n":0})"; }},
	    {"prev_hash", [](AuditChainEntry &e) { e.prev_hash = AuditChainZeroHash(); }},
	    {"hash", [](AuditChainEntry &e) { e.hash = std::string(64, 'f'); }},
	    {"unsealed", [](AuditChainEntry &e) { e.hash.clear(); }},
	};
	for (const auto &[field, change] : changes) {
		auto entries = MakeChain(5);
		change(entries[2]);
		const auto check = Verify(entries);
		EXPECT_FALSE(check.ok) << field;
		EXPECT_EQ(check.first_bad_entry, std::optional<std::int64_t>(3)) << field;
		EXPECT_EQ(check.entries, 5) << field;
	}
}

TEST(AuditChain, RemovedMiddleEntryIsFoundAtTheNextOne) {
	auto entries = MakeChain(5);
	entries.erase(entries.begin() + 1);  // id 2
	const auto check = Verify(entries);
	EXPECT_FALSE(check.ok);
	EXPECT_EQ(check.first_bad_entry, std::optional<std::int64_t>(3));
	EXPECT_EQ(check.entries, 4);
}

TEST(AuditChain, RemovedFirstEntryIsFound) {
	auto entries = MakeChain(3);
	entries.erase(entries.begin());
	EXPECT_EQ(Verify(entries).first_bad_entry, std::optional<std::int64_t>(2));
}

TEST(AuditChain, SwappedEntriesAreFound) {
	// Reordered rows as read in id order...
	auto reordered = MakeChain(5);
	std::swap(reordered[1], reordered[3]);
	EXPECT_EQ(Verify(reordered).first_bad_entry, std::optional<std::int64_t>(4));
	// ...and contents swapped between two ids, each keeping its own hash.
	auto swapped = MakeChain(5);
	std::swap(swapped[1].action, swapped[2].action);
	std::swap(swapped[1].detail, swapped[2].detail);
	EXPECT_EQ(Verify(swapped).first_bad_entry, std::optional<std::int64_t>(2));
}

RC_GTEST_PROP(AuditChainProperty, AnySingleFieldChangeIsFoundAtThatEntry, ()) {
	const int count = *rc::gen::inRange(1, 12);
	auto entries = MakeChain(count);
	RC_ASSERT(Verify(entries).ok);
	const int victim = *rc::gen::inRange(0, count);
	const std::string text = *rc::gen::arbitrary<std::string>();
	auto &entry = entries[static_cast<size_t>(victim)];
	switch (*rc::gen::inRange(0, 3)) {
	case 0:
		RC_PRE(text != entry.detail);
		entry.detail = text;
		break;
	case 1:
		RC_PRE(text != entry.target);
		entry.target = text;
		break;
	default:
		RC_PRE(text != entry.action);
		entry.action = text;
		break;
	}
	const auto check = Verify(entries);
	RC_ASSERT(!check.ok);
	RC_ASSERT(check.first_bad_entry == std::optional<std::int64_t>(entry.id));
}

} // namespace
} // namespace mamori
