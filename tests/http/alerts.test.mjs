// Operator alerts on bursts (issue 10, ASVS 11.1.8, 8.1.4, 11.1.7): with low thresholds given
// on the command line, refusals from one client, failed sign-ins across accounts and exports by
// one account each raise one "mamori: ALERT" line and one mail to --alert-mail, at most once per
// window and kind. Refusals of malformed input, unknown paths and methods are logged (7.1.3,
// 14.5.1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient } from '../support/server.mjs';
import { startFakeSmtp } from '../support/fake_smtp.mjs';
import { createOrganization, stranger as strangerAccount } from '../support/org_fixture.mjs';

let relay;
let server;
let owner;
let orgId;

before(async () => {
  relay = await startFakeSmtp();
  server = await startServer({
    extraArgs: ['--smtp-url', `smtp://127.0.0.1:${relay.port}`, '--mail-from', 'mamori@example.jp',
      '--alert-mail', 'security@example.jp', '--alert-refusals', '5', '--alert-failed-sign-ins', '3',
      '--alert-exports', '2', '--alert-rate-limited', '0'],
  });
  ({ owner, orgId } = await createOrganization(server, 'alert-owner@example.jp', '警報株式会社'));
});
after(async () => {
  await server.stop();
  await relay.close();
});

const settle = () => new Promise((r) => setTimeout(r, 300));
const alertLines = (kind) => server.output().split('\n').filter((line) => line.startsWith(`mamori: ALERT ${kind} `));
const alertMails = (what) => relay.messages.filter((mail) => mail.to.includes('security@example.jp') && mail.subject.includes(what));

test('failed sign-ins across accounts raise one alert line and one mail', async () => {
  const guesser = new ApiClient(server.base);
  for (const email of ['a@example.jp', 'b@example.jp', 'c@example.jp', 'd@example.jp', 'e@example.jp']) {
    assert.equal((await guesser.signIn(email, 'wrong-password-123')).status, 401);
  }
  await settle();
  const lines = alertLines('failed_sign_ins');
  assert.equal(lines.length, 1, server.output());
  assert.match(lines[0], /^mamori: ALERT failed_sign_ins subject=all count=3 window=600s$/);
  const mails = alertMails('ログインの失敗');
  assert.equal(mails.length, 1);
  assert.match(mails[0].text, /件数: 3件（10分間）/);
});

test('refusals from one client raise the alert once, however many follow', async () => {
  const stranger = await strangerAccount(server, 'alert-stranger@example.jp');
  for (let i = 0; i < 12; i++) {
    assert.equal((await stranger.request('GET', `/orgs/${orgId}/risk`)).status, 404);
  }
  await settle();
  const lines = alertLines('refusals');
  assert.equal(lines.length, 1, server.output());
  assert.match(lines[0], /^mamori: ALERT refusals subject=client:127\.0\.0\.1 count=5 window=600s$/);
  assert.equal(alertMails('拒否されたリクエスト').length, 1);
});

test('exports by one account raise the alert', async () => {
  for (let i = 0; i < 3; i++) {
    assert.equal((await owner.request('GET', `/orgs/${orgId}/audit.csv`)).status, 200);
  }
  await settle();
  const lines = alertLines('exports');
  assert.equal(lines.length, 1, server.output());
  assert.match(lines[0], /^mamori: ALERT exports subject=user:\d+ count=2 window=600s$/);
  const mail = alertMails('データのダウンロード')[0];
  assert.ok(mail, 'the operator is mailed');
  assert.match(mail.subject, /^\[mamori\] 警報: データのダウンロード/);
});

test('a kind set to 0 raises nothing', async () => {
  assert.equal(alertLines('rate_limited').length, 0);
});

test('malformed input, unknown paths and unknown methods each leave one refusal line', async () => {
  const badJson = await owner.request('POST', '/api/v1/orgs', { body: '{not json', headers: { 'Content-Type': 'application/json' } });
  assert.equal(badJson.status, 400);
  assert.equal((await fetch(`${server.base}/no-such-page`)).status, 404);
  const wrongMethod = await fetch(`${server.base}/orgs`, { method: 'PUT' });
  assert.ok([404, 405].includes(wrongMethod.status));
  const invalidForm = await owner.request('POST', '/orgs', {
    body: new URLSearchParams({ _csrf: owner.csrf, name: '' }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    csrf: false,
  });
  assert.equal(invalidForm.status, 400);
  await settle();
  const output = server.output();
  assert.match(output, /^mamori: refused 400 POST \/api\/v1\/orgs user=\d+ client=127\.0\.0\.1$/m);
  assert.match(output, /^mamori: refused 404 GET \/no-such-page user=- client=127\.0\.0\.1$/m);
  assert.match(output, new RegExp(`^mamori: refused ${wrongMethod.status} PUT /orgs user=- client=127\\.0\\.0\\.1$`, 'm'));
  assert.match(output, /^mamori: refused 400 POST \/orgs user=\d+ client=127\.0\.0\.1$/m);
  assert.equal(output.match(/^mamori: refused 404 GET \/no-such-page /gm).length, 1, 'one line per refusal');
});
