// mamori/platform/mail_format.cpp
#include "platform/mailer.hpp"

#include <algorithm>
#include <array>

namespace mamori::platform {
namespace {

std::string Base64(const std::string &data) {
	static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	std::string out;
	out.reserve((data.size() + 2) / 3 * 4);
	size_t i = 0;
	for (; i + 2 < data.size(); i += 3) {
		const unsigned n = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8) |
		                   static_cast<unsigned char>(data[i + 2]);
		out += kAlphabet[(n >> 18) & 63];
		out += kAlphabet[(n >> 12) & 63];
		out += kAlphabet[(n >> 6) & 63];
		out += kAlphabet[n & 63];
	}
	if (i < data.size()) {
		unsigned n = static_cast<unsigned char>(data[i]) << 16;
		if (i + 1 < data.size()) {
			n |= static_cast<unsigned char>(data[i + 1]) << 8;
		}
		out += kAlphabet[(n >> 18) & 63];
		out += kAlphabet[(n >> 12) & 63];
		out += i + 1 < data.size() ? kAlphabet[(n >> 6) & 63] : '=';
		out += '=';
	}
	return out;
}

bool IsAscii(const std::string &text) {
	return std::all_of(text.begin(), text.end(), [](unsigned char c) { return c >= 0x20 && c < 0x7f; });
}

//! RFC 2047 encoded words of at most 64 characters, split between UTF-8
//! characters (never inside one), folded onto continuation lines.
std::string EncodedSubject(const std::string &subject) {
	if (IsAscii(subject) && subject.size() < 900) {
		return subject;
	}
	std::string out;
	size_t at = 0;
	while (at < subject.size()) {
		// 39 bytes → 52 base64 characters: with "Subject: " and the markers, a line stays within 78.
		size_t end = std::min(subject.size(), at + 39);
		while (end < subject.size() && (static_cast<unsigned char>(subject[end]) & 0xC0) == 0x80) {
			--end;
		}
		if (!out.empty()) {
			out += "\r\n ";
		}
		out += "=?UTF-8?B?" + Base64(subject.substr(at, end - at)) + "?=";
		at = end;
	}
	return out;
}

std::string WithoutLineBreaks(std::string text) {
	std::replace(text.begin(), text.end(), '\r', ' ');
	std::replace(text.begin(), text.end(), '\n', ' ');
	return text;
}

} // namespace

bool IsPlausibleMailAddress(const std::string &address) {
	if (address.empty() || address.size() > 254) {
		return false;
	}
	const auto at = address.find('@');
	if (at == std::string::npos || at == 0 || at + 1 >= address.size() || address.find('@', at + 1) != std::string::npos) {
		return false;
	}
	return std::none_of(address.begin(), address.end(), [](unsigned char c) {
		return c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"';
	});
}

std::string FormatMailMessage(const std::string &from, const MailMessage &message, const std::string &date,
                              const std::string &message_id) {
	std::string to;
	for (const auto &address : message.to) {
		to += (to.empty() ? "" : ", ") + address;
	}
	std::string text;
	text += "Date: " + date + "\r\n";
	text += "From: " + from + "\r\n";
	text += "To: " + to + "\r\n";
	text += "Message-ID: <" + message_id + ">\r\n";
	text += "Subject: " + EncodedSubject(WithoutLineBreaks(message.subject)) + "\r\n";
	text += "MIME-Version: 1.0\r\n";
	text += "Content-Type: text/plain; charset=UTF-8\r\n";
	text += "Content-Transfer-Encoding: base64\r\n";
	text += "\r\n";
	const std::string body = Base64(message.body);
	for (size_t at = 0; at < body.size(); at += 76) {
		text += body.substr(at, 76) + "\r\n";
	}
	return text;
}

} // namespace mamori::platform
