// HTTP test of incident mail (issue 9): with a mail relay configured, a
// respondent's report goes by mail to the organisation's 責任者, in the
// organisation's document language, and the timeline says so; when the relay
// is down the report is still stored and the timeline says the mail failed.
// End to end: an employee reports, the level's lead named in 管理体制 is
// mailed after classification, and the incident is worked to closure with
// every step timestamped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';
import { startFakeSmtp } from '../support/fake_smtp.mjs';
import { createOrganization, inviteMember } from '../support/org_fixture.mjs';

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
  // With --public-url the mail carries a link people can click (an https URL would also make the
  // cookies Secure, which this plain-HTTP test server cannot use).
  server = await startServer({ extraArgs: ['--smtp-url', `smtp://127.0.0.1:${relay.port}`, '--mail-from', 'mamori@example.jp', '--public-url', 'http://mamori.example.jp'] });
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
  assert.match(mail.text, new RegExp(`http://mamori\\.example\\.jp/orgs/${orgId}/incidents/\\d+`));
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

test('an employee reports, the level\'s lead is told by mail, and the incident is worked to closure with every step timestamped', async () => {
  relay = await startFakeSmtp();
  const mailed = await startServer({ extraArgs: ['--smtp-url', `smtp://127.0.0.1:${relay.port}`, '--mail-from', 'mamori@example.jp'] });
  try {
    const { owner: boss, orgId: org } = await createOrganization(mailed, 'flow-owner@example.jp', '通し試験株式会社');
    const employee = await inviteMember(mailed, boss, org, 'flow-worker@example.jp');

    // 管理体制 names the 最高責任者 and gives an address, so a level-3 incident reaches them.
    const editPath = `/orgs/${org}/documents/edit/governance`;
    const editor = await boss.request('GET', editPath);
    const form = new FormData();
    form.append('_csrf', csrfFrom(editor.text));
    form.append('revision', '0');
    form.append('field.top_executive', '甲野 太郎');
    for (const [cell, value] of [['0.0', '甲野 太郎'], ['0.1', '代表取締役'], ['0.2', '03-1111-0000'], ['0.3', 'president@example.jp']]) {
      form.append(`table.contacts.${cell}`, value);
    }
    for (const keep of editor.text.matchAll(/name="(keep\.[a-z_]+)" value="1" checked/g)) form.append(keep[1], '1');
    const saved = await fetch(mailed.base + editPath, { method: 'POST', body: form, headers: { Cookie: boss.cookieHeader() }, redirect: 'manual' });
    assert.equal(saved.status, 303, await saved.text());

    // The employee reports; the 組織管理者 is mailed at once.
    const reportForm = await employee.request('GET', `/orgs/${org}/incidents/new`);
    const sent = await postForm(employee, `/orgs/${org}/incidents/new`, { _csrf: csrfFrom(reportForm.text), what: 'カード会社から不正利用の連絡があった', noticed_at: jstMinute(-20), device: '' });
    assert.equal(sent.status, 303);
    const incident = sent.headers.get('location').replace(/\/reported$/, '');
    assert.deepEqual(relay.messages.map((m) => m.to), [['flow-owner@example.jp']]);

    // Classified as a level-3 leak: the 最高責任者 is told, once.
    let page = await boss.request('GET', incident);
    assert.equal((await postForm(boss, `${incident}/classify`, { _csrf: csrfFrom(page.text), kind: 'leak', external_impact: '1' })).status, 303);
    assert.equal(relay.messages.length, 2);
    assert.deepEqual(relay.messages[1].to, ['president@example.jp']);
    assert.match(relay.messages[1].subject, /被害レベル3/);
    assert.match(relay.messages[1].text, /最高責任者/);
    assert.match(relay.messages[1].text, new RegExp(incident.replace(/\//g, '\\/')));

    // Every step of the checklist is ticked, each with its time.
    page = await boss.request('GET', incident);
    const steps = [...page.text.matchAll(/name="step" value="([a-z0-9_-]+)"/g)].map((m) => m[1]);
    assert.ok(steps.length >= 3, 'the level-3 leak procedure has steps');
    for (const step of steps) {
      assert.equal((await postForm(boss, `${incident}/steps`, { _csrf: csrfFrom(page.text), step })).status, 303, step);
    }
    page = await boss.request('GET', incident);
    assert.doesNotMatch(page.text, /name="step" value=/, 'nothing left to tick');
    const stamps = [...page.text.matchAll(/<span class="tag tag--done">[^<]+<\/span> (\S+ \S+) /g)];
    assert.equal(stamps.length, steps.length, 'every step shows when it was done');

    // Closing: cause and prevention; the incident is read-only afterwards.
    const close = new FormData();
    close.append('_csrf', csrfFrom(page.text));
    close.append('cause', '決済ページの改ざん。');
    close.append('prevention', 'Webサイトの改ざん検知を導入する。');
    close.append('public_statement', '');
    const closed = await fetch(mailed.base + `${incident}/close`, { method: 'POST', body: close, headers: { Cookie: boss.cookieHeader() }, redirect: 'manual' });
    assert.equal(closed.status, 303, await closed.text());
    page = await boss.request('GET', incident);
    assert.match(page.text, /incident-report/);
    assert.equal((await postForm(boss, `${incident}/records`, { _csrf: csrfFrom(page.text), type: 'note', text: 'x' })).status, 409);
  } finally {
    await mailed.stop();
    await relay.close();
  }
});
