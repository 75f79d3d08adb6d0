// mamori/platform/mailer.hpp
//
// Outgoing mail (issue 9: an incident report reaches the right person by
// mail when mail is configured). The app sees only `Mailer`; the SMTP
// implementation hands each message to a configured relay (libcurl), which
// does the queueing and retrying a relay is for.
#pragma once

#include "core/common/result.hpp"

#include <memory>
#include <string>
#include <vector>

namespace mamori::platform {

struct MailMessage {
	std::vector<std::string> to;  // bare addresses
	std::string subject;          // UTF-8
	std::string body;             // UTF-8 plain text
};

class Mailer {
public:
	virtual ~Mailer() = default;
	//! Hands the message to the relay; an error says why it was not accepted.
	virtual Status Send(const MailMessage &message) = 0;
};

//! Where and as whom mail is sent: `smtp://host:port` (STARTTLS used when the
//! relay offers it) or `smtps://host:port`; user and password optional.
struct SmtpSettings {
	std::string url;
	std::string from;  // the envelope and From: address
	std::string user;
	std::string password;
	long timeout_seconds = 10;
};

//! Whether the relay in an smtp:// or smtps:// URL is this machine (localhost, 127.x, [::1]); only
//! such a relay may receive mail without TLS.
bool IsLoopbackRelay(const std::string &url);

//! Checks the settings (URL scheme, a plausible From address) and returns a
//! mailer for them.
Result<std::unique_ptr<Mailer>> MakeSmtpMailer(SmtpSettings settings);

//! The message as RFC 5322 text: UTF-8 subject in RFC 2047 form, body in
//! base64 so any Japanese text passes any relay unchanged. `date` is an
//! RFC 5322 date ("Fri, 04 Dec 2026 21:00:00 +0000"); `message_id` without <>.
std::string FormatMailMessage(const std::string &from, const MailMessage &message, const std::string &date,
                              const std::string &message_id);

//! A bare address a relay will accept: one @, no spaces, no line breaks or
//! angle brackets (which would let a value inject headers or recipients).
bool IsPlausibleMailAddress(const std::string &address);

} // namespace mamori::platform
