// mamori/core/security/audit_chain.cpp
#include "core/security/audit_chain.hpp"

namespace mamori {

namespace {

// A version tag first, so a later change of the encoding cannot be confused with this one.
constexpr const char *kEncodingTag = "mamori-audit-v1";

void AppendField(std::string &out, const std::string &value) {
	out += std::to_string(value.size());
	out += ':';
	out += value;
	out += ';';
}

void AppendOptionalId(std::string &out, const std::optional<std::int64_t> &value) {
	// "-" has no length prefix, so it never equals an encoded number.
	if (value) {
		AppendField(out, std::to_string(*value));
	} else {
		out += "-;";
	}
}

} // namespace

const std::string &AuditChainZeroHash() {
	static const std::string zero(64, '0');
	return zero;
}

std::string AuditChainMessage(const AuditChainEntry &entry) {
	std::string out;
	AppendField(out, kEncodingTag);
	AppendField(out, std::to_string(entry.id));
	AppendField(out, entry.at);
	AppendOptionalId(out, entry.org_id);
	AppendOptionalId(out, entry.user_id);
	AppendField(out, entry.action);
	AppendField(out, entry.target);
	AppendField(out, entry.detail);
	AppendField(out, entry.prev_hash);
	return out;
}

std::string AuditChainHash(const AuditChainEntry &entry, const Sha256HexFunction &sha256_hex) {
	return sha256_hex(AuditChainMessage(entry));
}

AuditChainCheck VerifyAuditChain(const std::vector<AuditChainEntry> &entries, const Sha256HexFunction &sha256_hex) {
	AuditChainCheck check;
	check.entries = static_cast<std::int64_t>(entries.size());
	std::string expected_prev = AuditChainZeroHash();
	for (const auto &entry : entries) {
		if (entry.prev_hash != expected_prev || entry.hash != AuditChainHash(entry, sha256_hex)) {
			check.ok = false;
			check.first_bad_entry = entry.id;
			return check;
		}
		expected_prev = entry.hash;
	}
	check.head = expected_prev;
	return check;
}

} // namespace mamori
