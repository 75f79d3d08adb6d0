// mamori/app/alerts.cpp
#include "app/alerts.hpp"

#include "app/rate_limits.hpp"

#include <iostream>
#include <mutex>

namespace mamori::app {

namespace {

int ThresholdOf(const AlertThresholds &thresholds, AlertKind kind) {
	switch (kind) {
	case AlertKind::kRefusals:
		return thresholds.refusals_per_client;
	case AlertKind::kFailedSignIns:
		return thresholds.failed_sign_ins;
	case AlertKind::kExports:
		return thresholds.exports_per_account;
	case AlertKind::kRateLimited:
		return thresholds.rate_limited;
	}
	return 0;
}

const char *MailWhatKey(AlertKind kind) {
	switch (kind) {
	case AlertKind::kRefusals:
		return "alert_mail.what.refusals";
	case AlertKind::kFailedSignIns:
		return "alert_mail.what.failed_sign_ins";
	case AlertKind::kExports:
		return "alert_mail.what.exports";
	case AlertKind::kRateLimited:
		return "alert_mail.what.rate_limited";
	}
	return "alert_mail.what.refusals";
}

//! The subject comes from a client (an address a proxy named): printable ASCII only, so a
//! value cannot start a forged line.
std::string Printable(const std::string &text) {
	std::string safe;
	for (unsigned char c : text.substr(0, 200)) {
		safe.push_back(c >= 0x21 && c < 0x7F ? static_cast<char>(c) : '?');
	}
	return safe;
}

void WriteLine(const std::string &line) {
	static std::mutex one_line_at_a_time;
	std::lock_guard lock(one_line_at_a_time);
	std::cerr << line << "\n" << std::flush;
}

void MailAlert(AppContext &ctx, AlertKind kind, const std::string &subject, int count) {
	const AlertSettings &settings = *ctx.alerts;
	if (ctx.mailer == nullptr || settings.mail_to.empty() || settings.messages == nullptr) {
		return;
	}
	const MessageCatalog &messages = *settings.messages;
	platform::MailMessage mail;
	mail.to = {settings.mail_to};
	const std::string what = messages.Text(settings.locale, MailWhatKey(kind));
	mail.subject = messages.Text(settings.locale, "alert_mail.subject", {{"what", what}});
	mail.body = messages.Text(settings.locale, "alert_mail.body",
	                          {{"what", what},
	                           {"subject", Printable(subject)},
	                           {"count", std::to_string(count)},
	                           {"minutes", std::to_string(kAlertWindowSeconds / 60)},
	                           {"time", ctx.clock.NowIso()}});
	if (Status sent = ctx.mailer->Send(mail); !sent) {
		WriteLine(std::string("mamori: ALERT mail not sent: ") + Printable(sent.error().message));
	}
}

} // namespace

const char *AlertKindName(AlertKind kind) {
	switch (kind) {
	case AlertKind::kRefusals:
		return "refusals";
	case AlertKind::kFailedSignIns:
		return "failed_sign_ins";
	case AlertKind::kExports:
		return "exports";
	case AlertKind::kRateLimited:
		return "rate_limited";
	}
	return "refusals";
}

void NoteForAlert(AppContext &ctx, AlertKind kind, const std::string &subject) {
	if (ctx.alerts == nullptr) {
		return;
	}
	const int threshold = ThresholdOf(ctx.alerts->thresholds, kind);
	if (threshold <= 0) {
		return;
	}
	const std::string name = AlertKindName(kind);
	auto count = CountInWindow(ctx, "alert:" + name + ":" + subject, kAlertWindowSeconds);
	if (!count) {
		WriteLine("mamori: ALERT counter failed: " + Printable(count.error().message));
		return;
	}
	// Only the event that reaches the threshold raises it; the ones after it are the same burst.
	if (*count != threshold) {
		return;
	}
	// Once per window and kind, whichever instance or subject crossed first.
	auto sent = CountInWindow(ctx, "alert-sent:" + name, kAlertWindowSeconds);
	if (!sent || *sent != 1) {
		return;
	}
	WriteLine("mamori: ALERT " + name + " subject=" + Printable(subject) + " count=" + std::to_string(*count) +
	          " window=" + std::to_string(kAlertWindowSeconds) + "s");
	MailAlert(ctx, kind, subject, *count);
}

} // namespace mamori::app
