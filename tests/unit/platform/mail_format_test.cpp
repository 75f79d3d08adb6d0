// mamori/tests/unit/platform/mail_format_test.cpp
//
// The mail an incident report goes out as: headers a relay accepts, Japanese
// that survives any relay, and no way for a value to add headers or recipients.
#include "platform/mailer.hpp"

#include <gtest/gtest.h>

namespace mamori::platform {
namespace {

std::string DecodeBase64(const std::string &text) {
	static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	std::string out;
	int bits = 0;
	unsigned value = 0;
	for (char c : text) {
		const auto index = kAlphabet.find(c);
		if (index == std::string::npos) {
			continue;  // line breaks and padding
		}
		value = (value << 6) | static_cast<unsigned>(index);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out += static_cast<char>((value >> bits) & 0xFF);
		}
	}
	return out;
}

MailMessage SampleMail() {
	MailMessage message;
	message.to = {"owner@example.jp", "admin@example.jp"};
	message.subject = "【mamori】異常の報告：共有フォルダのファイルが開けません";
	message.body = "営業部の田中さんから報告がありました。\n機器：営業部PC-03";
	return message;
}

TEST(MailFormatTest, HeadersAndBase64Body) {
	const std::string text =
	    FormatMailMessage("mamori@example.jp", SampleMail(), "Fri, 04 Dec 2026 21:00:00 +0000", "abc@example.jp");
	EXPECT_NE(text.find("From: mamori@example.jp\r\n"), std::string::npos);
	EXPECT_NE(text.find("To: owner@example.jp, admin@example.jp\r\n"), std::string::npos);
	EXPECT_NE(text.find("Message-ID: <abc@example.jp>\r\n"), std::string::npos);
	EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
	const auto body_at = text.find("\r\n\r\n");
	ASSERT_NE(body_at, std::string::npos);
	EXPECT_EQ(DecodeBase64(text.substr(body_at + 4)), SampleMail().body);
	// Only ASCII goes over the wire, in lines a relay accepts.
	for (unsigned char c : text) {
		EXPECT_LT(c, 0x80);
	}
	size_t line_start = 0;
	for (size_t at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", line_start)) {
		EXPECT_LE(at - line_start, 78u);
		line_start = at + 2;
	}
}

TEST(MailFormatTest, JapaneseSubjectAsEncodedWordsThatSplitBetweenCharacters) {
	const std::string text = FormatMailMessage("mamori@example.jp", SampleMail(), "date", "id@x");
	const auto start = text.find("Subject: ") + 9;
	const auto end = text.find("\r\nMIME-Version");
	std::string decoded;
	std::string words = text.substr(start, end - start);
	size_t at = 0;
	while ((at = words.find("=?UTF-8?B?", at)) != std::string::npos) {
		const auto close = words.find("?=", at + 10);
		const std::string part = DecodeBase64(words.substr(at + 10, close - at - 10));
		// Each word is whole UTF-8 on its own: it never starts with a continuation byte.
		ASSERT_FALSE(part.empty());
		EXPECT_NE(static_cast<unsigned char>(part[0]) & 0xC0, 0x80);
		decoded += part;
		at = close + 2;
	}
	EXPECT_EQ(decoded, SampleMail().subject);
}

TEST(MailFormatTest, LineBreaksInTheSubjectCannotAddHeaders) {
	MailMessage message = SampleMail();
	message.subject = "hello\r\nBcc: evil@example.com";
	const std::string text = FormatMailMessage("mamori@example.jp", message, "date", "id@x");
	EXPECT_EQ(text.find("\r\nBcc:"), std::string::npos);
}

TEST(MailFormatTest, PlausibleAddresses) {
	EXPECT_TRUE(IsPlausibleMailAddress("tanaka@example.co.jp"));
	EXPECT_FALSE(IsPlausibleMailAddress(""));
	EXPECT_FALSE(IsPlausibleMailAddress("tanaka"));
	EXPECT_FALSE(IsPlausibleMailAddress("a@b@c"));
	EXPECT_FALSE(IsPlausibleMailAddress("a@b.jp>,evil@example.com"));
	EXPECT_FALSE(IsPlausibleMailAddress("a b@example.jp"));
	EXPECT_FALSE(IsPlausibleMailAddress("a@example.jp\r\nRCPT TO:<x@y>"));
}

TEST(MailFormatTest, SettingsAreCheckedBeforeAnythingIsSent) {
	EXPECT_FALSE(MakeSmtpMailer({.url = "http://example.jp", .from = "mamori@example.jp"}).ok());
	EXPECT_FALSE(MakeSmtpMailer({.url = "smtp://127.0.0.1:25", .from = "not an address"}).ok());
	EXPECT_TRUE(MakeSmtpMailer({.url = "smtp://127.0.0.1:25", .from = "mamori@example.jp"}).ok());
}

TEST(SmtpSettingsTest, OnlyARelayOnThisMachineMayTakePlainText) {
	EXPECT_TRUE(IsLoopbackRelay("smtp://127.0.0.1:2525"));
	EXPECT_TRUE(IsLoopbackRelay("smtp://localhost"));
	EXPECT_TRUE(IsLoopbackRelay("smtp://[::1]:25"));
	EXPECT_TRUE(IsLoopbackRelay("smtp://user:secret@127.0.0.1:25/"));
	EXPECT_FALSE(IsLoopbackRelay("smtp://mail.example.jp:587"));
	EXPECT_FALSE(IsLoopbackRelay("smtp://127.0.0.1.example.jp"));
	EXPECT_FALSE(IsLoopbackRelay("smtp://localhost.example.jp"));
	EXPECT_FALSE(IsLoopbackRelay("not a url"));
}

} // namespace
} // namespace mamori::platform
