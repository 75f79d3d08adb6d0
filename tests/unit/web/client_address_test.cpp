// mamori/tests/unit/web/client_address_test.cpp
//
// X-Forwarded-For is believed only from the proxies the operator named.
#include "web/client_address.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace mamori::web {
namespace {

const std::vector<std::string> kProxy = {"10.0.0.5"};

TEST(ClientAddressTest, PeerWithoutTrustedProxies) {
	EXPECT_EQ(ClientAddress("203.0.113.7", "198.51.100.1", {}), "203.0.113.7");
	EXPECT_EQ(ClientAddress("203.0.113.7", "", kProxy), "203.0.113.7");
}

TEST(ClientAddressTest, HeaderFromAnUntrustedPeerIsIgnored) {
	EXPECT_EQ(ClientAddress("203.0.113.7", "198.51.100.1", kProxy), "203.0.113.7");
}

TEST(ClientAddressTest, TrustedProxyGivesTheRightMostForeignEntry) {
	EXPECT_EQ(ClientAddress("10.0.0.5", "198.51.100.1", kProxy), "198.51.100.1");
	// The client wrote the left entry itself; only the proxy's own addition counts.
	EXPECT_EQ(ClientAddress("10.0.0.5", "1.2.3.4, 198.51.100.1", kProxy), "198.51.100.1");
	// Two of our proxies in a row.
	EXPECT_EQ(ClientAddress("10.0.0.5", "198.51.100.1,10.0.0.6", {"10.0.0.5", "10.0.0.6"}), "198.51.100.1");
	EXPECT_EQ(ClientAddress("10.0.0.5", "2001:db8::1", kProxy), "2001:db8::1");
}

TEST(ClientAddressTest, MappedIpv4PeerMatchesThePlainProxyAddress) {
	EXPECT_EQ(ClientAddress("::ffff:10.0.0.5", "198.51.100.1", kProxy), "198.51.100.1");
}

TEST(ClientAddressTest, MalformedHeaderFallsBackToThePeer) {
	EXPECT_EQ(ClientAddress("10.0.0.5", "not-an-address", kProxy), "10.0.0.5");
	EXPECT_EQ(ClientAddress("10.0.0.5", "198.51.100.1, <script>", kProxy), "10.0.0.5");
	EXPECT_EQ(ClientAddress("10.0.0.5", " , ", kProxy), "10.0.0.5");
}

TEST(ClientAddressTest, AddressSyntax) {
	EXPECT_TRUE(IsIpAddress("127.0.0.1"));
	EXPECT_TRUE(IsIpAddress("::1"));
	EXPECT_FALSE(IsIpAddress("localhost"));
	EXPECT_FALSE(IsIpAddress("10.0.0.0/8"));
	EXPECT_FALSE(IsIpAddress(""));
}

TEST(ClientAddressTest, LoopbackListenHosts) {
	// What `serve --listen` may use without TLS settings (ASVS 3.4.1).
	EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
	EXPECT_TRUE(IsLoopbackHost("127.1.2.3"));
	EXPECT_TRUE(IsLoopbackHost("::1"));
	EXPECT_TRUE(IsLoopbackHost("[::1]"));
	EXPECT_TRUE(IsLoopbackHost("localhost"));
	// Reachable from the network, or not an address at all.
	EXPECT_FALSE(IsLoopbackHost("0.0.0.0"));
	EXPECT_FALSE(IsLoopbackHost("::"));
	EXPECT_FALSE(IsLoopbackHost("192.168.1.10"));
	EXPECT_FALSE(IsLoopbackHost("127.evil.example"));
	EXPECT_FALSE(IsLoopbackHost("127.0.0.1.example.jp"));
	EXPECT_FALSE(IsLoopbackHost("mamori.example.jp"));
	EXPECT_FALSE(IsLoopbackHost(""));
}

// Whatever an untrusted peer writes in the header, the answer is the peer.
RC_GTEST_PROP(ClientAddressProperty, UntrustedPeerAlwaysWins, (const std::string &header)) {
	RC_ASSERT(ClientAddress("203.0.113.7", header, kProxy) == "203.0.113.7");
}

// Whatever a trusted proxy forwards, the answer is a real address, never header garbage.
RC_GTEST_PROP(ClientAddressProperty, TrustedPeerGivesAnAddress, (const std::string &header)) {
	const std::string client = ClientAddress("10.0.0.5", header, kProxy);
	RC_ASSERT(IsIpAddress(client));
}

} // namespace
} // namespace mamori::web
