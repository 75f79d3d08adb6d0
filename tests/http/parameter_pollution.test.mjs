// HTTP tests of parameter pollution (ASVS 5.1.1): a single-valued field given twice (in the query
// and the body, or twice in the body) is refused with 400 naming it, on pages and in the API,
// before anything changes; list fields (checkbox groups) still take many values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, csrfFrom } from '../support/server.mjs';
import { createOrganization } from '../support/org_fixture.mjs';

let server;
let owner;
let orgId;

before(async () => {
  server = await startServer();
  ({ owner, orgId } = await createOrganization(server, 'hpp-owner@example.jp', '重複株式会社'));
});
after(async () => { await server.stop(); });

function post(path, body) {
  return owner.request('POST', path, { body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

test('a field in the query and in the body is refused with 400 naming it', async () => {
  const profile = await owner.request('GET', `/orgs/${orgId}/profile`);
  const csrf = encodeURIComponent(csrfFrom(profile.text));
  const sent = await post(`/orgs/${orgId}/departments?department_name=${encodeURIComponent('経理部')}`,
    `_csrf=${csrf}&department_name=${encodeURIComponent('総務部')}`);
  assert.equal(sent.status, 400, sent.text.slice(0, 300));
  assert.match(sent.text, /項目「department_name」が2回以上送られました/);
  const after = await owner.request('GET', `/orgs/${orgId}/profile`);
  assert.doesNotMatch(after.text, /経理部|総務部/, 'no department was added');
});

test('a field twice in the body is refused, and so is a repeated CSRF token', async () => {
  const profile = await owner.request('GET', `/orgs/${orgId}/profile`);
  const csrf = encodeURIComponent(csrfFrom(profile.text));
  const twice = await post(`/orgs/${orgId}/departments`, `_csrf=${csrf}&department_name=A&department_name=B`);
  assert.equal(twice.status, 400);
  assert.match(twice.text, /department_name/);
  // (cpp-httplib collapses a pair repeated with the very same value; a second value is what counts.)
  const tokens = await post(`/orgs/${orgId}/departments`, `_csrf=${csrf}&_csrf=not-the-token&department_name=C`);
  assert.equal(tokens.status, 400);
  assert.match(tokens.text, /_csrf/);
  const once = await post(`/orgs/${orgId}/departments`, `_csrf=${csrf}&department_name=${encodeURIComponent('資材部')}`);
  assert.equal(once.status, 303, 'each field once is fine');
});

test('the API names the repeated query field in its JSON error', async () => {
  const answer = await owner.request('GET', `/api/v1/orgs/${orgId}/selfchecks/summary?lang=en&lang=ja`);
  assert.equal(answer.status, 400, answer.text);
  assert.equal(answer.data.error.field, 'lang');
  assert.equal(answer.data.error.code, 'invalid_input');
});

test('list fields (checkbox groups) still take many values', async () => {
  const page = await owner.request('GET', `/orgs/${orgId}/policy`);
  const clauses = [...page.text.matchAll(/name="clause_ids" value="([^"]+)" checked/g)].map((m) => m[1]);
  assert.ok(clauses.length >= 2, 'the policy editor offers several sample clauses');
  const body = new URLSearchParams([['_csrf', csrfFrom(page.text)], ['company_name', '重複株式会社'], ['scope', '当社の情報資産'],
    ...clauses.map((id) => ['clause_ids', id]), ['established_on_year', '2025'], ['established_on_month', '4'],
    ['established_on_day', '1'], ['representative_title', '代表取締役'], ['representative_name', '山田太郎']]).toString();
  const saved = await post(`/orgs/${orgId}/policy`, body);
  assert.equal(saved.status, 303, saved.text.slice(0, 300));
  const again = await owner.request('GET', `/orgs/${orgId}/policy`);
  for (const id of clauses) assert.match(again.text, new RegExp(`value="${id}" checked`), id);
});
