// mamori/app/browser_draft_key.cpp
#include "app/browser_draft_key.hpp"

#include "platform/hmac.hpp"

namespace mamori::app {
namespace {

constexpr const char *kSecretSetting = "browser_draft_secret";

//! The installation's secret, made once. Two first uses racing each other
//! may replace it once; a draft stored under the lost one then reads as no
//! draft (the sheet still works), which is all a race can cost.
Result<std::string> DraftSecret(const AppContext &ctx) {
	if (auto stored = MAMORI_TRY(ctx.store.GetSetting(kSecretSetting)); stored && !stored->empty()) {
		return *stored;
	}
	MAMORI_TRY(ctx.store.PutSetting(kSecretSetting, ctx.random.Token(32)));
	auto stored = MAMORI_TRY(ctx.store.GetSetting(kSecretSetting));
	if (!stored || stored->empty()) {
		return Error::Make(ErrorCode::kStorage, "the browser draft secret could not be kept");
	}
	return *stored;
}

std::string Hex(const std::string &bytes) {
	static constexpr char kDigits[] = "0123456789abcdef";
	std::string hex;
	hex.reserve(bytes.size() * 2);
	for (unsigned char byte : bytes) {
		hex.push_back(kDigits[byte >> 4]);
		hex.push_back(kDigits[byte & 0x0f]);
	}
	return hex;
}

} // namespace

Result<std::string> BrowserDraftKey(const AppContext &ctx, Id user_id, const std::string &scope) {
	const std::string secret = MAMORI_TRY(DraftSecret(ctx));
	return Hex(platform::HmacSha256(secret, std::to_string(user_id) + "\n" + scope));
}

} // namespace mamori::app
