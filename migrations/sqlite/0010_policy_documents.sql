-- 0010: the 基本方針 joins the one document model (issue 8). Its versions
-- move from `policies` into `documents` (template_id 'basic_policy',
-- subject '') and `document_revisions`, and `policies` goes.
--
-- How 第N版 maps onto revisions: every save and every publication appends a
-- revision, and each revision's values_json is the version's PolicyInput
-- with its number added ({"version": N, "company_name": ..., "established_on":
-- ..., "revised_on": ...}; 制定日 and 改訂日 stay inside the values). Version N
-- is the last revision whose values carry N; it is published when that
-- revision's state is 'published' (published at its changed_at). Saving over
-- a draft keeps N; saving after a publication starts N+1 as a draft, so a
-- published version stays viewable unchanged. The document row holds the
-- latest version, like every other document: state draft or published,
-- 適用範囲 = the policy's scope, 改訂日 = its 改訂日, else its 制定日.
--
-- Each stored version becomes one revision, in version order, with its state
-- and its time (published_at for a published version, else updated_at). The
-- old table did not record who saved a version, so changed_by stays NULL.
INSERT INTO documents(org_id, template_id, subject, state, revision, values_json, scope, approver, revised_on,
                      updated_at, updated_by)
SELECT p.org_id, 'basic_policy', '', p.status,
       (SELECT COUNT(*) FROM policies c WHERE c.org_id = p.org_id),
       json_set(p.input_json, '$.version', p.version),
       COALESCE(json_extract(p.input_json, '$.scope'), ''),
       '',
       COALESCE(NULLIF(json_extract(p.input_json, '$.revised_on'), ''), json_extract(p.input_json, '$.established_on'), ''),
       CASE WHEN p.status = 'published' AND p.published_at <> '' THEN p.published_at ELSE p.updated_at END,
       NULL
FROM policies p
WHERE p.version = (SELECT MAX(m.version) FROM policies m WHERE m.org_id = p.org_id);

INSERT INTO document_revisions(document_id, revision, state, values_json, changed_by, changed_at, note)
SELECT d.id,
       ROW_NUMBER() OVER (PARTITION BY p.org_id ORDER BY p.version),
       p.status,
       json_set(p.input_json, '$.version', p.version),
       NULL,
       CASE WHEN p.status = 'published' AND p.published_at <> '' THEN p.published_at ELSE p.updated_at END,
       CASE p.status WHEN 'published' THEN 'publish' ELSE 'save' END
FROM policies p
JOIN documents d ON d.org_id = p.org_id AND d.template_id = 'basic_policy' AND d.subject = '';

DROP TABLE policies;
