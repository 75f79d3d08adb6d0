// HTTP tests of the smaller protections issue 10's ASVS review asked for: only page assets are
// served from /static/; API answers are downloads, never rendered; every refusal of the route gate
// leaves one line in the server's log, with nothing a client could use to forge a line; the
// personal-data page is open to everyone and linked from every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { createOrganization, stranger as strangerAccount } from '../support/org_fixture.mjs';

let server;
let owner;
let orgId;
let stranger;

before(async () => {
  server = await startServer();
  ({ owner, orgId } = await createOrganization(server, 'hardening-owner@example.jp', '堅牢化株式会社'));
  stranger = await strangerAccount(server, 'hardening-stranger@example.jp');
});
after(async () => { await server.stop(); });

test('/static/ serves stylesheets and scripts, nothing else that lies in the folder', async () => {
  assert.equal((await fetch(`${server.base}/static/css/mamori.css`)).status, 200);
  assert.equal((await fetch(`${server.base}/static/js/app.mjs`)).status, 200);
  assert.equal((await fetch(`${server.base}/static/vendor/README.md`)).status, 404);
  assert.equal((await fetch(`${server.base}/static/../README.md`)).status, 404);
});

test('an API answer is marked as a download', async () => {
  const me = await owner.request('GET', '/api/v1/me');
  assert.equal(me.status, 200);
  assert.match(me.headers.get('content-disposition') || '', /^attachment/);
  const refused = await stranger.request('GET', `/api/v1/orgs/${orgId}`);
  assert.equal(refused.status, 404);
  assert.match(refused.headers.get('content-disposition') || '', /^attachment/);
});

test('a refused request leaves one log line, and a forged line break stays inside it', async () => {
  assert.equal((await stranger.request('GET', `/orgs/${orgId}/risk`)).status, 404);
  await new Promise((r) => setTimeout(r, 100));
  assert.match(server.output(), new RegExp(`mamori: refused 404 GET /orgs/${orgId}/risk user=\\d+ client=127\\.0\\.0\\.1`));
  await fetch(`${server.base}/orgs/${orgId}/risk%0d%0amamori:%20refused%20200`, { redirect: 'manual' });
  await new Promise((r) => setTimeout(r, 100));
  assert.doesNotMatch(server.output(), /^mamori: refused 200/m, 'no line can be forged through the path');
});

test('the personal-data page is open to everyone, in both languages, and every page links it', async () => {
  const ja = await fetch(`${server.base}/privacy`);
  assert.equal(ja.status, 200);
  const text = await ja.text();
  assert.match(text, /<h1>個人情報の取り扱い<\/h1>/);
  assert.match(text, /広告や、ほかの目的には使いません/);
  const en = await (await fetch(`${server.base}/privacy?lang=en`)).text();
  assert.match(en, /<h1>How mamori handles personal data<\/h1>/);
  const login = await (await fetch(`${server.base}/login`)).text();
  assert.match(login, /href="\/privacy"/);
});
