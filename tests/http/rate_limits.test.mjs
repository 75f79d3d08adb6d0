// Rate limits for signed-in use (issue 10, ASVS 11.1.2-11.1.4): API calls, exports and imports
// are counted per account (per client address before sign-in) in the database, and the call
// over the limit gets 429 with Retry-After and a message in the caller's language, as JSON for
// the API and as a page otherwise. The other accounts are not affected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, csrfFrom } from '../support/server.mjs';
import { createOrganization, stranger as strangerAccount } from '../support/org_fixture.mjs';

// The limits of core/security/rate_limit.hpp.
const API_LIMIT = 300;
const EXPORT_LIMIT = 30;
const IMPORT_LIMIT = 20;

let server;
let owner;
let orgId;

before(async () => {
  server = await startServer();
  ({ owner, orgId } = await createOrganization(server, 'rate-owner@example.jp', '上限株式会社'));
});
after(async () => { await server.stop(); });

test('the API call over the limit of an account gets 429 with Retry-After, in JSON, in its language', async () => {
  const busy = await strangerAccount(server, 'rate-busy@example.jp');
  // One after the other until the first refusal; a window may turn meanwhile, so up to two.
  let allowed = 0;
  let refused = null;
  while (!refused && allowed <= 2 * API_LIMIT) {
    const answer = await busy.request('GET', '/api/v1/me');
    if (answer.status === 429) refused = answer;
    else if (answer.status === 200) allowed += 1;
    else assert.fail(`unexpected ${answer.status}`);
  }
  assert.ok(refused, 'a call over the limit is refused');
  assert.ok(allowed >= API_LIMIT, `${allowed} calls passed before the limit`);
  assert.equal(refused.data.error.code, 'rate_limited');
  assert.match(refused.data.error.message, /短い時間に多くの操作がありました（1分間に300回まで）/);
  const wait = Number(refused.headers.get('retry-after'));
  assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
  const english = await busy.request('GET', '/api/v1/me?lang=en');
  if (english.status === 429) {
    assert.match(english.data.error.message, /Too many requests in a short time \(at most 300 in 1 min\)/);
  }
  // Another account has its own count.
  assert.equal((await owner.request('GET', '/api/v1/me')).status, 200);
  await new Promise((r) => setTimeout(r, 100));
  assert.match(server.output(), /mamori: refused 429 GET \/api\/v1\/me user=\d+ client=127\.0\.0\.1/);
});

test('the export over the limit gets a 429 page with Retry-After', async () => {
  const statuses = [];
  for (let i = 0; i < EXPORT_LIMIT + 1; i++) {
    statuses.push((await owner.request('GET', `/orgs/${orgId}/audit.csv`)).status);
  }
  assert.deepEqual(statuses.slice(0, EXPORT_LIMIT), Array(EXPORT_LIMIT).fill(200));
  const refused = await owner.request('GET', `/orgs/${orgId}/risk/export.csv`);
  assert.equal(refused.status, 429);
  assert.match(refused.headers.get('content-type'), /text\/html/);
  assert.ok(Number(refused.headers.get('retry-after')) >= 1);
  assert.match(refused.text, /短い時間に多くのダウンロードがありました（10分間に30件まで）/);
  const english = await owner.request('GET', `/orgs/${orgId}/risk/export.csv?lang=en`);
  assert.equal(english.status, 429);
  assert.match(english.text, /Too many downloads in a short time \(at most 30 in 10 min\)/);
});

test('the upload over the limit gets 429 before the file is read', async () => {
  const page = await owner.request('GET', `/orgs/${orgId}/risk/import?lang=ja`);
  const csrf = csrfFrom(page.text);
  const upload = () => {
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('file', new Blob(['not a register'], { type: 'text/csv' }), 'register.csv');
    return owner.request('POST', `/orgs/${orgId}/risk/import/preview`, { body: form, csrf: false });
  };
  for (let i = 0; i < IMPORT_LIMIT; i++) {
    assert.notEqual((await upload()).status, 429, `upload ${i + 1} is within the limit`);
  }
  const refused = await upload();
  assert.equal(refused.status, 429);
  assert.match(refused.text, /短い時間に多くの取り込みがありました（10分間に20回まで）/);
});

test('before sign-in, API calls are counted per client address', async () => {
  const statuses = [];
  while (!statuses.includes(429) && statuses.length <= 2 * API_LIMIT + 10) {
    statuses.push((await fetch(`${server.base}/api/v1/me`)).status);
  }
  assert.ok(statuses.includes(401));
  assert.ok(statuses.includes(429), 'an anonymous client is limited too');
});
