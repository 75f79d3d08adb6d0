-- 0010: PLACEHOLDER on the `partners` branch only. Migration 0010 belongs to
-- the basic-policy storage work (another branch); the migration runner needs
-- contiguous numbers, so this no-op stands in until that branch is merged.
-- Drop this file when merging (keep the policy branch's 0010).
SELECT 1;
