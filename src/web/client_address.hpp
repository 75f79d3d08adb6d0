// mamori/web/client_address.hpp
//
// Where a request came from, when mamori runs behind a reverse proxy.
//
// A proxy (nginx, a load balancer) connects to mamori itself, so the TCP peer
// is the proxy; the person's address arrives in X-Forwarded-For. Anyone can
// send that header, so it is believed only when the TCP peer is one of the
// proxies the operator named with --trusted-proxy. Sign-in throttling and the
// audit log key on this address, so trusting it from anyone would let an
// attacker pick a fresh address for every guess.
#pragma once

#include <string>
#include <vector>

namespace mamori::web {

//! The client's address: `peer` itself unless `peer` is a trusted proxy; then
//! the right-most X-Forwarded-For entry that is not a trusted proxy (the one
//! our own proxies added), or `peer` when the header is absent or malformed.
std::string ClientAddress(const std::string &peer, const std::string &forwarded_for,
                          const std::vector<std::string> &trusted_proxies);

//! Whether `text` is a literal IPv4 or IPv6 address (what --trusted-proxy takes).
bool IsIpAddress(const std::string &text);

//! Whether a --listen host reaches this machine only: 127.0.0.0/8, ::1 (also as "[::1]") or
//! "localhost". Anything else, 0.0.0.0 and names included, may be reached from the network.
bool IsLoopbackHost(const std::string &host);

} // namespace mamori::web
