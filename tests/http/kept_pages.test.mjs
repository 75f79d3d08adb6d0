// HTTP tests of the pages kept until an organisation changes (issue 11, web/kept_pages.hpp): the
// dashboard, the register and its print view are sent again without being rebuilt, but only to
// the session they were rendered for (its CSRF token, its reader, its role), and the first
// request after any change to the organisation shows the change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, csrfFrom, postForm } from '../support/server.mjs';
import { createOrganization, inviteMember, signedIn } from '../support/org_fixture.mjs';

const OWNER = 'kept-owner@example.jp';
const VIEWER = 'kept-viewer@example.jp';
let server;
let owner;
let viewer;
let orgId;

function assetCount(html) {
  const found = html.match(/登録した情報資産：(\d+)件/);
  assert.ok(found, 'the print view states the number of assets');
  return Number(found[1]);
}

before(async () => {
  server = await startServer();
  ({ owner, orgId } = await createOrganization(server, OWNER, '保存ページ株式会社'));
  viewer = await inviteMember(server, owner, orgId, VIEWER, { role: 'viewer' });
});
after(async () => { await server.stop(); });

test('each session gets the page with its own CSRF token and reader, however often it asks', async () => {
  const ownerFirst = await owner.request('GET', `/orgs/${orgId}`);
  const ownerAgain = await owner.request('GET', `/orgs/${orgId}`);
  const viewerPage = await viewer.request('GET', `/orgs/${orgId}`);
  for (const page of [ownerFirst, ownerAgain, viewerPage]) assert.equal(page.status, 200);
  assert.equal(ownerAgain.text, ownerFirst.text, 'unchanged organisation: the same page');
  const ownerToken = csrfFrom(ownerFirst.text);
  const viewerToken = csrfFrom(viewerPage.text);
  assert.notEqual(ownerToken, viewerToken);
  assert.ok(!viewerPage.text.includes(ownerToken), "the owner's token never reaches the viewer");
  assert.ok(!ownerFirst.text.includes(viewerToken));
  assert.ok(ownerFirst.text.includes(OWNER) && !ownerFirst.text.includes(VIEWER), 'the owner reads as the owner');
  assert.ok(viewerPage.text.includes(VIEWER) && !viewerPage.text.includes(OWNER), 'the viewer reads as the viewer');

  // The same account in a second browser is another session with a token of its own.
  const ownerElsewhere = await signedIn(server, OWNER);
  const elsewhere = await ownerElsewhere.request('GET', `/orgs/${orgId}`);
  assert.equal(elsewhere.status, 200);
  assert.notEqual(csrfFrom(elsewhere.text), ownerToken);
  assert.ok(!elsewhere.text.includes(ownerToken));
});

test('a change by one member shows on the next page another member opens', async () => {
  const before = await viewer.request('GET', `/orgs/${orgId}/risk/assets/print`);
  const beforeRegister = await viewer.request('GET', `/orgs/${orgId}/risk/assets`);
  assert.equal(before.status, 200);
  assert.equal(beforeRegister.status, 200);
  const count = assetCount(before.text);

  const register = await owner.request('GET', `/orgs/${orgId}/risk/assets`);
  const added = await postForm(owner, `/orgs/${orgId}/risk/assets/template`, { _csrf: csrfFrom(register.text), template_id: 'guideline_example' });
  assert.equal(added.status, 303, added.text.slice(0, 300));

  const after = await viewer.request('GET', `/orgs/${orgId}/risk/assets/print`);
  assert.ok(assetCount(after.text) > count, `print view: ${assetCount(after.text)} assets after adding to ${count}`);
  const afterRegister = await viewer.request('GET', `/orgs/${orgId}/risk/assets`);
  assert.notEqual(afterRegister.text, beforeRegister.text, 'the register page is built again');
});

test('the dashboard follows a change of the organisation itself', async () => {
  const before = await viewer.request('GET', `/orgs/${orgId}`);
  assert.match(before.text, /保存ページ株式会社/);
  const profile = await owner.request('GET', `/orgs/${orgId}/profile`);
  const saved = await postForm(owner, `/orgs/${orgId}/profile`, {
    _csrf: csrfFrom(profile.text), name: '保存ページ改め株式会社', industry: 'retail', capital_yen: '10000000', employees: '8',
  });
  assert.equal(saved.status, 303, saved.text.slice(0, 300));
  const after = await viewer.request('GET', `/orgs/${orgId}`);
  assert.match(after.text, /保存ページ改め株式会社/);
});

test('the kept page is in the language each request is answered in, at the same address', async () => {
  // A reader without a language setting is answered in the browser's language: nothing is
  // written between these requests, so only the key can tell the two pages apart.
  // The register's title is a message key, the same in both languages.
  const browser = await signedIn(server, OWNER);
  for (const path of [`/orgs/${orgId}`, `/orgs/${orgId}/risk/assets`]) {
    const english = await browser.request('GET', path, { headers: { 'Accept-Language': 'en' } });
    assert.match(english.text, /<html lang="en"/, path);
    const japanese = await browser.request('GET', path, { headers: { 'Accept-Language': 'ja' } });
    assert.match(japanese.text, /<html lang="ja"/, path);
  }

  // A chosen language is remembered, so the same address then comes in it.
  const switched = await viewer.request('GET', `/orgs/${orgId}?lang=en`);
  assert.match(switched.text, /<html lang="en"/);
  const again = await viewer.request('GET', `/orgs/${orgId}`);
  assert.match(again.text, /<html lang="en"/);
  await viewer.request('GET', `/orgs/${orgId}?lang=ja`);
});
