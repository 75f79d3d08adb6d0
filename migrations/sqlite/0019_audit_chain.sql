-- The audit log becomes a hash chain (issue 10, "Evidence"): each entry stores the hash of the
-- entry before it and its own hash over its fields and that previous hash, so an entry changed,
-- removed or moved after it was written breaks the chain (core/security/audit_chain.hpp).
-- Rows written before this migration have no hash yet; SqliteStore::Open seals them once, in id
-- order, right after the migrations run (hashing needs SHA-256, which SQL does not have).
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
