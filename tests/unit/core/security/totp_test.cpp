// mamori/tests/unit/core/security/totp_test.cpp
//
// TOTP against RFC 6238 Appendix B (the SHA-1 column), base32 against RFC 4648 §10, and the
// drift and replay rules: one step either way, never the same or an older step twice.
#include "core/security/totp.hpp"
#include "platform/hmac.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>

namespace mamori::totp {
namespace {

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const std::string kRfcSecret = "12345678901234567890";

struct Vector {
	std::int64_t time;
	const char *eight_digits;
};

constexpr Vector kVectors[] = {
    {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
    {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
};

TEST(Totp, Rfc6238AppendixBSha1EightDigits) {
	for (const Vector &vector : kVectors) {
		EXPECT_EQ(CodeAt(kRfcSecret, StepAt(vector.time), 8, platform::HmacSha1), vector.eight_digits)
		    << "T = " << vector.time;
	}
}

TEST(Totp, SixDigitsAreTheLastSixOfTheEightDigitCode) {
	for (const Vector &vector : kVectors) {
		const std::string six = CodeAt(kRfcSecret, StepAt(vector.time), 6, platform::HmacSha1);
		EXPECT_EQ(six, std::string(vector.eight_digits).substr(2)) << "T = " << vector.time;
		EXPECT_EQ(VerifyCode(kRfcSecret, six, vector.time, std::nullopt, platform::HmacSha1), StepAt(vector.time));
	}
}

TEST(Totp, StepsAreThirtySecondsAndFloorBeforeTheEpoch) {
	EXPECT_EQ(StepAt(0), 0);
	EXPECT_EQ(StepAt(29), 0);
	EXPECT_EQ(StepAt(30), 1);
	EXPECT_EQ(StepAt(59), 1);
	EXPECT_EQ(StepAt(-1), -1);
}

TEST(Totp, Base32MatchesRfc4648) {
	EXPECT_EQ(Base32Encode(""), "");
	EXPECT_EQ(Base32Encode("f"), "MY");
	EXPECT_EQ(Base32Encode("fo"), "MZXQ");
	EXPECT_EQ(Base32Encode("foo"), "MZXW6");
	EXPECT_EQ(Base32Encode("foob"), "MZXW6YQ");
	EXPECT_EQ(Base32Encode("fooba"), "MZXW6YTB");
	EXPECT_EQ(Base32Encode("foobar"), "MZXW6YTBOI");
	EXPECT_EQ(Base32Encode(kRfcSecret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	EXPECT_EQ(Base32Decode("MZXW6YTBOI======"), "foobar");
	EXPECT_EQ(Base32Decode("mzxw 6ytb-oi"), "foobar");
	EXPECT_EQ(Base32Decode("MZXW1"), std::nullopt) << "1 is not in the alphabet";
	EXPECT_EQ(Base32Decode("M"), std::nullopt) << "one symbol cannot hold a byte";
	EXPECT_EQ(Base32Decode("MY=A"), std::nullopt) << "nothing after padding";
}

TEST(Totp, ACodeIsRefusedAgainOnceItsStepWasUsed) {
	const std::int64_t now = 1'700'000'000;
	const std::string code = CodeAt(kRfcSecret, StepAt(now), kDigits, platform::HmacSha1);
	const auto step = VerifyCode(kRfcSecret, code, now, std::nullopt, platform::HmacSha1);
	ASSERT_TRUE(step.has_value());
	EXPECT_EQ(VerifyCode(kRfcSecret, code, now, step, platform::HmacSha1), std::nullopt);
	// The previous step's code is still inside the drift window, but older than the one used.
	const std::string older = CodeAt(kRfcSecret, StepAt(now) - 1, kDigits, platform::HmacSha1);
	EXPECT_EQ(VerifyCode(kRfcSecret, older, now, step, platform::HmacSha1), std::nullopt);
	// The next step's code is newer, so it still works.
	const std::string newer = CodeAt(kRfcSecret, StepAt(now) + 1, kDigits, platform::HmacSha1);
	EXPECT_EQ(VerifyCode(kRfcSecret, newer, now, step, platform::HmacSha1), StepAt(now) + 1);
}

TEST(Totp, MalformedCodesAndTypedFormsAreHandled) {
	EXPECT_EQ(VerifyCode(kRfcSecret, "12345", 59, std::nullopt, platform::HmacSha1), std::nullopt);
	EXPECT_EQ(VerifyCode(kRfcSecret, "12a456", 59, std::nullopt, platform::HmacSha1), std::nullopt);
	EXPECT_EQ(VerifyCode("", "287082", 59, std::nullopt, platform::HmacSha1), std::nullopt);
	EXPECT_EQ(NormalizeCode("287 082"), "287082");
	EXPECT_EQ(NormalizeCode("\xEF\xBC\x92\xEF\xBC\x98" "7-082"), "287082");
	EXPECT_EQ(GroupForReading("ABCDEFGHIJ"), "ABCD EFGH IJ");
}

RC_GTEST_PROP(TotpProperty, ACodeVerifiesOneStepAwayButNotThree, ()) {
	const std::string secret = *rc::gen::container<std::string>(20, rc::gen::arbitrary<char>());
	const std::int64_t t = *rc::gen::inRange<std::int64_t>(0, 4'000'000'000LL);
	const std::string code = CodeAt(secret, StepAt(t), kDigits, platform::HmacSha1);
	RC_ASSERT(VerifyCode(secret, code, t, std::nullopt, platform::HmacSha1).has_value());
	RC_ASSERT(VerifyCode(secret, code, t + 30, std::nullopt, platform::HmacSha1).has_value());
	RC_ASSERT(VerifyCode(secret, code, t - 30, std::nullopt, platform::HmacSha1).has_value());
	// ±90 s is three steps away. Another step's code may equal this one by chance (1 in 10⁶ per
	// step), so the claim is checked only when the codes of the steps in that window differ.
	for (const std::int64_t far : {t + 90, t - 90}) {
		bool collides = false;
		for (std::int64_t step = StepAt(far) - kDriftSteps; step <= StepAt(far) + kDriftSteps; ++step) {
			collides = collides || CodeAt(secret, step, kDigits, platform::HmacSha1) == code;
		}
		RC_PRE(!collides);
		RC_ASSERT(!VerifyCode(secret, code, far, std::nullopt, platform::HmacSha1).has_value());
	}
}

RC_GTEST_PROP(TotpProperty, Base32RoundTrips, (const std::string &bytes)) {
	RC_ASSERT(Base32Decode(Base32Encode(bytes)) == bytes);
}

} // namespace
} // namespace mamori::totp
