// HTTP tests of the tamper-evident audit log (issue 10, "Evidence"): the change history shows the
// head hash that `mamori audit verify` reports; the CSV export holds the organisation's own entries
// (UTF-8 with BOM, each with its hash) and is itself audited; a stranger gets 404; sign-in failures
// and downloads of personal data are in the log with the e-mail and client address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, ApiClient, BIN, dbQuery } from '../support/server.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let owner;
let stranger;
let orgId;
let otherOrgId;

before(async () => {
  server = await startServer();
  server.createUser('audit-owner@example.jp', PASSWORD);
  server.createUser('audit-stranger@example.jp', PASSWORD);
  owner = new ApiClient(server.base);
  await owner.signIn('audit-owner@example.jp', PASSWORD);
  stranger = new ApiClient(server.base);
  await stranger.signIn('audit-stranger@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: '監査ログ株式会社', industry: 'retail', capital_yen: 10000000, employees: 8 } })).data.id;
  otherOrgId = (await stranger.request('POST', '/api/v1/orgs', { json: { name: '他社秘密株式会社', industry: 'retail', capital_yen: 10000000, employees: 3 } })).data.id;
});
after(async () => { await server.stop(); });

function verify() {
  return JSON.parse(execFileSync(BIN, ['audit', 'verify', '--db', server.db], { encoding: 'utf8', env: { ...process.env, MAMORI_ARGON2_FAST: '1' } }));
}

function sql(query) {
  return dbQuery(server.db, query);
}

async function rawGet(client, path) {
  const response = await fetch(server.base + path, { headers: { Cookie: client.cookieHeader() }, redirect: 'manual' });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

test('the change history shows the head hash that audit verify reports', async () => {
  const page = await owner.request('GET', `/orgs/${orgId}/audit`);
  assert.equal(page.status, 200);
  const shown = page.text.match(/data-testid="audit-head">([0-9a-f]{64})</);
  assert.ok(shown, 'the page shows a 64-digit head hash');
  const checked = verify();
  assert.equal(checked.ok, true);
  assert.equal(shown[1], checked.head, 'the head on the page is the head of the whole log');
  assert.match(page.text, /mamori audit verify/);
  assert.match(page.text, /紙に書き写すか印刷/);
  assert.ok(page.text.includes(`href="/orgs/${orgId}/audit.csv"`), 'the page links to the CSV export');
});

test('the CSV export holds only this organisation\'s entries, with BOM and hashes, and is audited', async () => {
  const csv = await rawGet(owner, `/orgs/${orgId}/audit.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.match(csv.headers.get('content-disposition'), /attachment/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
  const lines = csv.bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  assert.equal(lines[0], 'id,at,user,action,target,detail,hash');
  const rows = lines.slice(1);
  assert.ok(rows.length >= 1);
  assert.ok(rows.some((row) => row.includes('org.create') && row.includes('監査ログ株式会社')));
  assert.ok(rows.every((row) => /,[0-9a-f]{64}$/.test(row)), 'every row ends with its hash');
  assert.ok(!csv.bytes.toString('utf8').includes('他社秘密株式会社'), 'no entry of another organisation');
  assert.ok(!csv.bytes.toString('utf8').includes('session.start'), 'no installation-wide entry');
  const ids = rows.map((row) => Number(row.split(',')[0]));
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'oldest first');
  // The hashes are the stored ones, so the file can be checked against the database.
  const last = rows[rows.length - 1];
  assert.equal(last.slice(-64), sql(`select hash from audit_log where id = ${ids[ids.length - 1]}`));

  assert.equal(sql(`select count(*) from audit_log where action = 'audit.export' and org_id = ${orgId}`), '1');
  const page = await owner.request('GET', `/orgs/${orgId}/audit`);
  assert.match(page.text, /変更履歴をCSVで書き出し/);
  assert.equal(verify().ok, true);
});

test('a stranger gets 404 for the change history and its export', async () => {
  for (const path of [`/orgs/${orgId}/audit`, `/orgs/${orgId}/audit.csv`]) {
    const response = await rawGet(stranger, path);
    assert.equal(response.status, 404, `stranger on ${path}`);
    assert.ok(!response.bytes.toString('utf8').includes('監査ログ株式会社'));
  }
});

test('sign-in failures are logged with the e-mail and the client address', async () => {
  const guest = new ApiClient(server.base);
  assert.equal((await guest.signIn('audit-owner@example.jp', 'wrong-password-here')).status, 401);
  assert.equal((await guest.signIn('nobody-here@example.jp', 'wrong-password-here')).status, 401);
  const failures = sql("select detail from audit_log where action = 'account.login_failed' order by id")
    .split('\n').map((line) => JSON.parse(line));
  assert.ok(failures.some((d) => d.email === 'audit-owner@example.jp' && d.client === '127.0.0.1' && d.failures === 1));
  assert.ok(failures.some((d) => d.email === 'nobody-here@example.jp' && d.client === '127.0.0.1'), 'an unknown e-mail is logged too');
  const starts = sql("select detail from audit_log where action = 'session.start' order by id desc limit 1");
  assert.equal(JSON.parse(starts).client, '127.0.0.1');
  assert.equal(verify().ok, true);
});

test('a download of the register is logged as an export of personal data', async () => {
  const before = Number(sql(`select count(*) from audit_log where action = 'data.export' and org_id = ${orgId}`));
  const file = await rawGet(owner, `/orgs/${orgId}/risk/export.csv`);
  assert.equal(file.status, 200);
  const after = sql(`select target, detail, CASE WHEN user_id IS NULL THEN 0 ELSE 1 END from audit_log where action = 'data.export' and org_id = ${orgId} order by id desc limit 1`);
  assert.equal(Number(sql(`select count(*) from audit_log where action = 'data.export' and org_id = ${orgId}`)), before + 1);
  assert.match(after, /^risk-register-\d{4}-\d{2}-\d{2}\.csv\|/);
  assert.match(after, /\|1$/, 'who downloaded it');
  const page = await owner.request('GET', `/orgs/${orgId}/audit`);
  assert.match(page.text, /個人データを含むファイルを書き出し/);
});
