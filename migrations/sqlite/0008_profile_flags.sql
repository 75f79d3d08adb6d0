-- 0008: the firm's profile answers that decide which documents apply (issue 8):
-- uses_cloud, telework, develops_systems, handles_my_number, has_website,
-- outsources. Kept as a comma-separated list of those ids ('' = none).
ALTER TABLE organizations ADD COLUMN profile_flags TEXT NOT NULL DEFAULT '';
