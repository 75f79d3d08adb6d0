// mamori/web/client_address.cpp
#include "web/client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>

namespace mamori::web {
namespace {

std::string Trimmed(const std::string &text) {
	const auto first = text.find_first_not_of(" \t");
	if (first == std::string::npos) {
		return "";
	}
	const auto last = text.find_last_not_of(" \t");
	return text.substr(first, last - first + 1);
}

//! "::ffff:10.0.0.1" is how a dual-stack socket reports an IPv4 peer.
std::string WithoutMappedPrefix(const std::string &address) {
	constexpr std::string_view kMapped = "::ffff:";
	if (address.rfind(kMapped, 0) == 0 && address.find('.') != std::string::npos) {
		return address.substr(kMapped.size());
	}
	return address;
}

bool IsTrusted(const std::string &address, const std::vector<std::string> &trusted_proxies) {
	const std::string plain = WithoutMappedPrefix(address);
	return std::any_of(trusted_proxies.begin(), trusted_proxies.end(),
	                   [&](const std::string &proxy) { return WithoutMappedPrefix(proxy) == plain; });
}

} // namespace

bool IsIpAddress(const std::string &text) {
	unsigned char buffer[sizeof(struct in6_addr)];
	return inet_pton(AF_INET, text.c_str(), buffer) == 1 || inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

bool IsLoopbackHost(const std::string &host) {
	if (host == "localhost" || host == "::1" || host == "[::1]") {
		return true;
	}
	unsigned char buffer[sizeof(struct in_addr)];
	return host.rfind("127.", 0) == 0 && inet_pton(AF_INET, host.c_str(), buffer) == 1;
}

std::string ClientAddress(const std::string &peer, const std::string &forwarded_for,
                          const std::vector<std::string> &trusted_proxies) {
	if (forwarded_for.empty() || !IsTrusted(peer, trusted_proxies)) {
		return peer;
	}
	// Walk from the right: each trusted proxy appended the address it saw.
	// The first entry from the right that is not ours is the client; entries
	// left of it were written by the client and prove nothing.
	std::string rest = forwarded_for;
	while (!rest.empty()) {
		const auto comma = rest.rfind(',');
		const std::string entry = Trimmed(comma == std::string::npos ? rest : rest.substr(comma + 1));
		rest = comma == std::string::npos ? "" : rest.substr(0, comma);
		if (!IsIpAddress(entry)) {
			return peer;  // garbage from a misconfigured proxy: keep what we know
		}
		if (!IsTrusted(entry, trusted_proxies)) {
			return entry;
		}
	}
	return peer;
}

} // namespace mamori::web
