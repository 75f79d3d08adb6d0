// mamori/core/security/audit_chain.hpp
//
// The audit log as a hash chain. Each entry's hash is SHA-256 over a canonical encoding of its
// fields and the previous entry's hash, so changing, removing or reordering an entry after it was
// written breaks the chain from that entry on. The last entry's hash is the "head": a copy of it
// kept outside the database also reveals entries cut from the end.
//
// Pure: the SHA-256 function is passed in (platform::Sha256Hex in the program), so core stays
// free of I/O and of OpenSSL.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mamori {

//! One audit entry as the chain sees it.
struct AuditChainEntry {
	std::int64_t id = 0;
	std::string at;
	std::optional<std::int64_t> org_id;
	std::optional<std::int64_t> user_id;
	std::string action;
	std::string target;
	std::string detail;
	std::string prev_hash;
	std::string hash;  // empty when the entry was never sealed
};

//! The first entry's prev_hash, and the head of an empty log: 64 zeros.
const std::string &AuditChainZeroHash();

//! Lower-case hex SHA-256 of its input.
using Sha256HexFunction = std::function<std::string(const std::string &)>;

//! The bytes that are hashed: every field (not `hash`) length-prefixed, so no two different
//! entries encode the same; an absent org or user is written differently from any number.
std::string AuditChainMessage(const AuditChainEntry &entry);

//! The hash an entry must carry, given its fields and prev_hash.
std::string AuditChainHash(const AuditChainEntry &entry, const Sha256HexFunction &sha256_hex);

struct AuditChainCheck {
	bool ok = true;
	std::int64_t entries = 0;
	//! The last entry's hash (AuditChainZeroHash() for an empty log); meaningful when ok.
	std::string head;
	//! The first entry whose hash or link to the entry before it is wrong; set when !ok.
	std::optional<std::int64_t> first_bad_entry;
};

//! Checks the whole log, given in id order. An entry is bad when its prev_hash is not the hash of
//! the entry before it (a removed or moved entry) or its hash does not match its fields (a change).
AuditChainCheck VerifyAuditChain(const std::vector<AuditChainEntry> &entries, const Sha256HexFunction &sha256_hex);

} // namespace mamori
