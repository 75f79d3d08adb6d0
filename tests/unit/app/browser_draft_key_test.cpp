// mamori/tests/unit/app/browser_draft_key_test.cpp
//
// The key the self-check sheet's browser draft is encrypted with: 256 bits as
// hex, the same for one person and one sheet across calls (and restarts, since
// the secret is kept), different for another person or another sheet, and
// exactly HMAC-SHA256 of "user\nscope" under the kept secret (RFC 4231 vector
// for the HMAC itself).
#include "app/browser_draft_key.hpp"
#include "platform/hmac.hpp"
#include "support/catalog.hpp"
#include "support/fake_random.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace mamori::app {
namespace {

std::string Hex(const std::string &bytes) {
	static constexpr char kDigits[] = "0123456789abcdef";
	std::string hex;
	for (unsigned char byte : bytes) {
		hex += kDigits[byte >> 4];
		hex += kDigits[byte & 0x0f];
	}
	return hex;
}

TEST(BrowserDraftKeyTest, HmacSha256MatchesRfc4231) {
	// RFC 4231, test case 2.
	EXPECT_EQ(Hex(platform::HmacSha256("Jefe", "what do ya want for nothing?")),
	          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(BrowserDraftKeyTest, OneKeyPerPersonAndSheetKeptAcrossCalls) {
	testing_support::TempDir dir("browser_draft_key");
	auto store = testing_support::OpenTempStore(dir);
	ASSERT_TRUE(store);
	testing_support::SequenceRandom random;
	AppContext ctx{.catalog = testing_support::ShippedCatalog(), .store = *store, .random = random};

	auto first = BrowserDraftKey(ctx, 7, "mamori-sheet-1-営業部");
	ASSERT_TRUE(first.ok()) << first.error().Describe();
	EXPECT_TRUE(std::regex_match(*first, std::regex("[0-9a-f]{64}"))) << *first;
	EXPECT_EQ(random.drawn(), 1) << "the secret is made once";

	auto again = BrowserDraftKey(ctx, 7, "mamori-sheet-1-営業部");
	ASSERT_TRUE(again.ok());
	EXPECT_EQ(*again, *first);
	EXPECT_EQ(random.drawn(), 1) << "the kept secret is reused";

	EXPECT_NE(*BrowserDraftKey(ctx, 8, "mamori-sheet-1-営業部"), *first) << "another person";
	EXPECT_NE(*BrowserDraftKey(ctx, 7, "mamori-sheet-1-総務部"), *first) << "another sheet";
	EXPECT_NE(*BrowserDraftKey(ctx, 7, "mamori-sheet-2-営業部"), *first) << "another organisation";

	auto secret = store->GetSetting("browser_draft_secret");
	ASSERT_TRUE(secret.ok() && secret->has_value());
	EXPECT_EQ(*first, Hex(platform::HmacSha256(**secret, "7\nmamori-sheet-1-営業部")));
}

} // namespace
} // namespace mamori::app
