// mamori/tests/unit/core/security/password_policy_test.cpp
//
// The guideline's password advice (5か条 ③) applied to mamori's accounts:
// at least 10 characters (characters, not bytes), not a well-known password,
// not the e-mail address.
#include "core/security/password_policy.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <string>

namespace mamori {
namespace {

const CommonPasswords &Common() {
	return testing_support::ShippedCatalog().common_passwords;
}

const std::string kEmail = "taro.yamada@example.co.jp";

Status Check(const std::string &password, const std::string &email = kEmail) {
	return CheckPasswordPolicy(password, email, Common());
}

void ExpectPasswordRefused(const std::string &password, const std::string &email = kEmail) {
	auto status = Check(password, email);
	ASSERT_FALSE(status.ok()) << "accepted: " << password;
	EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(status.error().field, "password");
	EXPECT_FALSE(status.error().message.empty());
}

void ExpectAccepted(const std::string &password, const std::string &email = kEmail) {
	auto status = Check(password, email);
	EXPECT_TRUE(status.ok()) << password << ": " << (status.ok() ? "" : status.error().Describe());
}

TEST(PasswordPolicyTest, CountsCharactersNotBytes) {
	EXPECT_EQ(CountCharacters(""), 0);
	EXPECT_EQ(CountCharacters("abc"), 3);
	EXPECT_EQ(CountCharacters("あいう"), 3);       // 9 bytes
	EXPECT_EQ(CountCharacters("情報セキュリティ"), 8);
	EXPECT_EQ(CountCharacters("😀a"), 2);           // 4-byte character
}

TEST(PasswordPolicyTest, ShorterThanTenRefused) {
	ExpectPasswordRefused("");
	ExpectPasswordRefused("a");
	ExpectPasswordRefused("Xk3#vQ9!m");  // 9 characters
	ExpectAccepted("Xk3#vQ9!mZ");  // 10 characters
	// 9 Japanese characters are 27 bytes but still too short.
	ExpectPasswordRefused("山川海空森林花鳥風");
}

TEST(PasswordPolicyTest, UpTo128CharactersAccepted) {
	// ASVS 2.1.2: 64 characters must be allowed, more than 128 refused; characters, not bytes.
	std::string sixty_four;
	for (int index = 0; index < 16; ++index) {
		sixty_four += "Kq7#";
	}
	ExpectAccepted(sixty_four);
	std::string kanji;
	for (int index = 0; index < 128; ++index) {
		kanji += index % 2 == 0 ? "山" : "川";  // 128 characters, 384 bytes
	}
	ExpectAccepted(kanji);
	ExpectPasswordRefused(kanji + "海");
	auto status = Check(sixty_four + sixty_four + "x");
	ASSERT_FALSE(status.ok());
	EXPECT_EQ(status.error().message, "errors.password.too_long");
}

TEST(PasswordPolicyTest, TenJapaneseCharactersPassLength) {
	ExpectAccepted("山川海空森林花鳥風月");
	ExpectAccepted("あおいそらとしろいくも");
}

TEST(PasswordPolicyTest, CommonPasswordsRefusedCaseInsensitively) {
	ExpectPasswordRefused("password123");
	ExpectPasswordRefused("Password123");
	ExpectPasswordRefused("PASSWORD123");
	ExpectPasswordRefused("1234567890");
	ExpectPasswordRefused("1111111111");
	ExpectPasswordRefused("Manchester");
	ExpectPasswordRefused("1qaz2wsx3edc");
	// Close to but not on the list.
	ExpectAccepted("password123-but-longer-and-mine");
}

TEST(PasswordPolicyTest, CommonRefusalSaysHowLongTheListIs) {
	auto status = Check("qwertyuiop");
	ASSERT_FALSE(status.ok());
	EXPECT_EQ(status.error().message, "errors.password.common");
	// The count tells the person why: attackers try exactly such lists first.
	const auto &params = status.error().params;
	const auto found = std::find_if(params.begin(), params.end(), [](const auto &param) { return param.first == "count"; });
	ASSERT_NE(found, params.end());
	const std::string count = found->second;
	EXPECT_EQ(count.size(), std::to_string(Common().size()).size() + 1) << count << " has one thousands separator";
	EXPECT_NE(count.find(','), std::string::npos) << count;
}

TEST(PasswordPolicyTest, CommonListIsLoaded) {
	// Without this, an empty or unread list would let every loop below pass vacuously.
	// The issue asks for at least 10,000 well-known passwords (zxcvbn's 30,000 plus mamori's own).
	ASSERT_GE(Common().size(), 10'000u);
	const auto listed = [](const std::string &word) {
		const auto &sorted = Common().Sorted();
		return std::find(sorted.begin(), sorted.end(), word) != sorted.end();
	};
	EXPECT_TRUE(std::is_sorted(Common().Sorted().begin(), Common().Sorted().end(), CommonPasswords::ShorterFirst));
	EXPECT_TRUE(listed("password123"));
	EXPECT_TRUE(listed("1234567890"));
	EXPECT_TRUE(listed("manchester")) << "an entry of the zxcvbn part";
	EXPECT_TRUE(listed("qwertyuiop"));
	EXPECT_FALSE(listed("# --- zxcvbn entries ---"))
	    << "comment lines are not passwords";
}

TEST(PasswordPolicyTest, EveryListedPasswordIsRefused) {
	ASSERT_FALSE(Common().empty());
	int checked = 0;
	for (const std::string_view listed : Common().Sorted()) {
		const std::string word(listed);
		if (CountCharacters(word) < kMinPasswordLength) continue;
		auto status = Check(word, "someone@example.com");
		EXPECT_FALSE(status.ok()) << word;
		++checked;
	}
	EXPECT_GT(checked, 0) << "no listed password is long enough to reach the list check";
}

TEST(PasswordPolicyTest, SameCharacterRefused) {
	ExpectPasswordRefused("zzzzzzzzzzzz");
	ExpectPasswordRefused("ZzZzZzZzZzZz");
}

TEST(PasswordPolicyTest, EmailLikeRefused) {
	ExpectPasswordRefused("taro.yamada1");
	ExpectPasswordRefused("Taro.Yamada!!");
	// The whole address as the password.
	ExpectPasswordRefused(kEmail);
	ExpectPasswordRefused("Taro.Yamada@Example.co.jp");
	ExpectPasswordRefused("taro.yamada@example.co.jp1");
}

TEST(PasswordPolicyTest, GoodPassphraseAccepted) {
	ExpectAccepted("correct horse battery staple");
	ExpectAccepted("Kuma-no-Pu-san 2024!");
	ExpectAccepted("朝の電車で本を読みます");  // 11 characters
}

TEST(PasswordPolicyTest, TooLongRefused) {
	ExpectPasswordRefused(std::string(300, 'a') + "b");
	ExpectPasswordRefused(std::string(128, 'a') + "b");
	ExpectAccepted(std::string(120, 'a') + "bcdefgh");  // 127 characters
}

RC_GTEST_PROP(PasswordPolicyProperty, ShortAlwaysRefused, ()) {
	const auto length = *rc::gen::inRange(0, kMinPasswordLength);
	const auto password = *rc::gen::container<std::string>(static_cast<size_t>(length), rc::gen::inRange('a', 'z'));
	RC_ASSERT(!Check(password).ok());
}

} // namespace
} // namespace mamori
