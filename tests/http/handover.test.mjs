// HTTP tests of the hand-over package (issue 12): an editor downloads it, another account
// imports it as a new organisation, a copy taken away comes back over the organisation it was
// taken from only while that has not changed, and files that are not packages are refused with
// the file field named. Runs on SQLite and PostgreSQL (dbQuery).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm, dbQuery } from '../support/server.mjs';

const PASSWORD = 'Hikitsugi-No-Tameno-Passphrase-2026';
let server;
let owner;
let receiver;
let orgId;

before(async () => {
  server = await startServer();
  server.createUser('handover-owner@example.jp', PASSWORD);
  server.createUser('handover-receiver@example.jp', PASSWORD);
  owner = new ApiClient(server.base);
  await owner.signIn('handover-owner@example.jp', PASSWORD);
  receiver = new ApiClient(server.base);
  await receiver.signIn('handover-receiver@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: '引継ぎ元株式会社', industry: 'retail', capital_yen: 10000000, employees: 12 } })).data.id;
  const page = await owner.request('GET', `/orgs/${orgId}/risk/assets`);
  const added = await postForm(owner, `/orgs/${orgId}/risk/assets/template`, { _csrf: csrfFrom(page.text), template_id: 'guideline_example' });
  assert.equal(added.status, 303, added.text.slice(0, 300));
});
after(async () => { await server.stop(); });

async function download(contents) {
  const page = await owner.request('GET', `/orgs/${orgId}/handover`);
  assert.equal(page.status, 200);
  const response = await fetch(`${server.base}/orgs/${orgId}/handover/download`, {
    method: 'POST',
    headers: { Cookie: owner.cookieHeader(), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(page.text), contents }).toString(),
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function upload(client, formPage, path, bytes, filename = 'package.zip') {
  const page = await client.request('GET', formPage);
  const form = new FormData();
  form.append('_csrf', csrfFrom(page.text));
  form.append('file', new Blob([bytes], { type: 'application/zip' }), filename);
  const response = await fetch(server.base + path, { method: 'POST', body: form, headers: { Cookie: client.cookieHeader() }, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location') || '', text: await response.text() };
}

const assetsOf = (id) => Number(dbQuery(server.db, `SELECT COUNT(*) FROM assets WHERE org_id = ${Number(id)}`));

test('an editor downloads the package; its export is in the audit log and no secret is in it', async () => {
  const full = await download('all');
  assert.equal(full.status, 200);
  assert.equal(full.headers.get('content-type'), 'application/zip');
  assert.match(full.headers.get('content-disposition'), /mamori-handover-/);
  const names = full.bytes.toString('latin1');
  assert.match(names, /data\/organization\.json/);
  assert.match(names, /documents\/01_basic_policy\.pdf/);
  const data = await download('data');
  assert.equal(data.status, 200);
  assert.ok(data.bytes.length < full.bytes.length / 4, `data only is small: ${data.bytes.length} of ${full.bytes.length}`);
  assert.doesNotMatch(data.bytes.toString('latin1'), /documents\//);
  assert.ok(Number(dbQuery(server.db, `SELECT COUNT(*) FROM audit_log WHERE org_id = ${orgId} AND action = 'org.handover_export'`)) >= 2);
});

test('another account imports the package as a new organisation and runs it', async () => {
  const pkg = await download('data');
  const imported = await upload(receiver, '/orgs/import', '/orgs/import', pkg.bytes);
  assert.equal(imported.status, 303, imported.text.slice(0, 500));
  const match = imported.location.match(/^\/orgs\/(\d+)\?handover=imported$/);
  assert.ok(match, imported.location);
  const copyId = Number(match[1]);
  assert.notEqual(copyId, orgId);
  assert.equal(assetsOf(copyId), assetsOf(orgId));
  assert.equal(dbQuery(server.db, `SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = ${copyId} AND u.email = 'handover-receiver@example.jp'`), 'admin');
  const dashboard = await receiver.request('GET', `/orgs/${copyId}`);
  assert.equal(dashboard.status, 200);
  assert.match(dashboard.text, /引継ぎ元株式会社/);
  assert.equal(dbQuery(server.db, `SELECT COUNT(*) FROM audit_log WHERE org_id = ${copyId} AND action = 'org.handover_import'`), '1');
});

test('a copy comes back only while the organisation is unchanged', async () => {
  const pkg = await download('data');
  const back = await upload(owner, `/orgs/${orgId}/handover`, `/orgs/${orgId}/handover/replace`, pkg.bytes);
  assert.equal(back.status, 303, back.text.slice(0, 500));
  assert.equal(back.location, `/orgs/${orgId}?handover=replaced`);
  // Bringing it back was a change: the same copy now finds a newer organisation.
  const again = await upload(owner, `/orgs/${orgId}/handover`, `/orgs/${orgId}/handover/replace`, pkg.bytes);
  assert.equal(again.status, 409, again.text.slice(0, 500));
  assert.match(again.text, /error-summary/);
  assert.match(again.text, /持ち出した後に/);
});

test('files that are not hand-over packages are refused at the file field', async () => {
  const notZip = await upload(receiver, '/orgs/import', '/orgs/import', Buffer.from('{"assets": []}'), 'register.json');
  assert.equal(notZip.status, 400);
  assert.match(notZip.text, /href="#file"/);
  assert.match(notZip.text, /ZIP ファイルではないか/);
  const empty = await upload(receiver, '/orgs/import', '/orgs/import', Buffer.alloc(0));
  assert.equal(empty.status, 400);
  assert.match(empty.text, /引き継ぎパッケージ（\.zip）を選んでください/);
  const documentsOnly = await owner.request('GET', `/orgs/${orgId}/documents`);
  assert.equal(documentsOnly.status, 200);
});
