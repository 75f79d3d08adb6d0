// Issue 8: the 基本方針 is a document of the one document model. Through real
// HTTP requests: the editor carries the document revision it was opened at and
// a stale save is refused; every save and publication appears in the revision
// history; the documents list links to the policy's own editor and shows its state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
const CLAUSES = ['management_responsibility', 'internal_structure', 'employee_efforts', 'legal_compliance', 'incident_response'];

let server;
before(async () => {
  server = await startServer();
  server.createUser('owner@example.jp', PASSWORD);
});
after(async () => { await server.stop(); });

function policyFields(csrf, revision, scope) {
  return [
    ['_csrf', csrf], ['revision', String(revision)], ['company_name', '株式会社文書モデル'], ['scope', scope],
    ...CLAUSES.map((id) => ['clause_ids', id]),
    ['established_on_year', '2025'], ['established_on_month', '4'], ['established_on_day', '1'],
    ['representative_title', '代表取締役'], ['representative_name', '山田太郎'],
  ];
}

function revisionOf(html) {
  const match = html.match(/name="revision" value="(\d+)"/);
  assert.ok(match, 'the editor carries the revision it was opened at');
  return Number(match[1]);
}

test('the policy editor refuses a stale save and its history lists every revision', async () => {
  const client = new ApiClient(server.base);
  assert.equal((await client.signIn('owner@example.jp', PASSWORD)).status, 200);
  const org = await client.request('POST', '/api/v1/orgs', { json: { name: '株式会社文書モデル', industry: 'retail', capital_yen: 10000000, employees: 12 } });
  assert.equal(org.status, 201, org.text);
  const base = `/orgs/${org.data.id}`;

  const fresh = await client.request('GET', `${base}/policy`);
  assert.equal(fresh.status, 200);
  assert.equal(revisionOf(fresh.text), 0);
  const csrf = csrfFrom(fresh.text);
  assert.equal((await postForm(client, `${base}/policy`, policyFields(csrf, 0, '当社の情報資産'))).status, 303);

  const opened = await client.request('GET', `${base}/policy`);
  assert.equal(revisionOf(opened.text), 1);
  // Someone else's form, opened before the first save, must not overwrite it.
  const stale = await postForm(client, `${base}/policy`, policyFields(csrf, 0, '古い範囲'));
  assert.equal(stale.status, 409, stale.text.slice(0, 300));
  assert.equal((await postForm(client, `${base}/policy`, policyFields(csrf, 1, '全社の情報資産'))).status, 303);
  const afterSave = await client.request('GET', `${base}/policy`);
  assert.equal(revisionOf(afterSave.text), 2);
  assert.doesNotMatch(afterSave.text, /古い範囲/);

  assert.equal((await postForm(client, `${base}/policy/publish`, { _csrf: csrf })).status, 303);
  // Editing the published policy starts 第2版; the history shows all four revisions.
  assert.equal((await postForm(client, `${base}/policy`, policyFields(csrf, 3, '本社の情報資産'))).status, 303);
  const versions = await client.request('GET', `${base}/policy/versions`);
  assert.equal(versions.status, 200);
  assert.match(versions.text, /改訂の記録/);
  const rows = [...versions.text.matchAll(/<tr><th scope="row" data-label="改訂番号">(\d+)<\/th><td[^>]*>([^<]+)<\/td><td[^>]*>([^<]+)<\/td><td[^>]*>([^<]+)<\/td>/g)]
    .map((m) => [Number(m[1]), m[2], m[3], m[4]]);
  assert.deepEqual(rows, [
    [4, '第2版', '下書きを保存', 'owner@example.jp'],
    [3, '第1版', '公開', 'owner@example.jp'],
    [2, '第1版', '下書きを保存', 'owner@example.jp'],
    [1, '第1版', '下書きを保存', 'owner@example.jp'],
  ]);

  // The documents list: the policy's own editor, and its state like any document's.
  const documents = await client.request('GET', `${base}/documents`);
  assert.equal(documents.status, 200);
  assert.match(documents.text, new RegExp(`<a href="${base}/policy">編集<span class="visually-hidden"> \\(<span lang="ja">情報セキュリティ基本方針</span>\\)`));
  const published = await client.request('GET', `${base}/documents/basic_policy`);
  assert.equal(published.status, 200);
  assert.match(published.text, /全社の情報資産/, 'the document shows the published 第1版, not the newer draft');
  assert.doesNotMatch(published.text, /本社の情報資産/);
});
