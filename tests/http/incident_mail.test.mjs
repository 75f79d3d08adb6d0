// HTTP test of incident mail (issue 9): with a mail relay configured, a
// respondent's report goes by mail to the organisation's 責任者, in the
// organisation's document language, and the timeline says so; when the relay
// is down the report is still stored and the timeline says the mail failed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';
import { startFakeSmtp } from '../support/fake_smtp.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let relay;
let server;
let owner;
let orgId;

function jstMinute(offsetMinutes = 0) {
  const d = new Date(Date.now() + 9 * 3600 * 1000 + offsetMinutes * 60 * 1000);
  return d.toISOString().slice(0, 16);
}

async function report(client, what) {
  const form = await client.request('GET', `/orgs/${orgId}/incidents/new`);
  const sent = await postForm(client, `/orgs/${orgId}/incidents/new`, { _csrf: csrfFrom(form.text), what, noticed_at: jstMinute(-3), device: '経理部のPC' });
  assert.equal(sent.status, 303, sent.text.slice(0, 300));
  return sent.headers.get('location').replace(/\/reported$/, '');
}

before(async () => {
  relay = await startFakeSmtp();
  server = await startServer({ extraArgs: ['--smtp-url', `smtp://127.0.0.1:${relay.port}`, '--mail-from', 'mamori@example.jp'] });
  server.createUser('mail-owner@example.jp', PASSWORD);
  owner = new ApiClient(server.base);
  await owner.signIn('mail-owner@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: 'メール通知テスト株式会社', industry: 'retail', capital_yen: 10000000, employees: 8 } })).data.id;
});
after(async () => {
  await server.stop();
  await relay.close();
});

test('a report is mailed to the people who work incidents, and the timeline says so', async () => {
  const path = await report(owner, 'ランサムウェアの画面が表示された');
  assert.equal(relay.messages.length, 1);
  const mail = relay.messages[0];
  assert.deepEqual(mail.to, ['mail-owner@example.jp']);
  assert.equal(mail.from, 'mamori@example.jp');
  assert.match(mail.subject, /メール通知テスト株式会社/);
  assert.match(mail.text, /ランサムウェアの画面が表示された/);
  assert.match(mail.text, /経理部のPC/);
  assert.match(mail.text, new RegExp(`/orgs/${orgId}/incidents/\\d+`));
  const page = await owner.request('GET', path);
  assert.match(page.text, /メールで通知/);
  assert.match(page.text, /mail-owner@example\.jp/);
});

test('with the relay down the report is kept and the timeline says the mail failed', async () => {
  await relay.close();
  const path = await report(owner, 'ファイルサーバーにつながらない');
  const page = await owner.request('GET', path);
  assert.equal(page.status, 200);
  assert.match(page.text, /ファイルサーバーにつながらない/);
  assert.match(page.text, /メールを送れませんでした/);
});
