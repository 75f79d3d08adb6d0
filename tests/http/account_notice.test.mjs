// HTTP tests of the account-change notice (ASVS 2.5.5, issue 10): when the password is changed or
// two-step login is turned on, the account's owner is mailed what changed, when, and where to check
// their sessions; a change that fails sends nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';
import { startFakeSmtp } from '../support/fake_smtp.mjs';
import { PASSWORD } from '../support/org_fixture.mjs';
import { totpAt, stepNow, Authenticator } from '../support/totp.mjs';

let relay;
let server;
let user;

before(async () => {
  relay = await startFakeSmtp();
  server = await startServer({ extraArgs: ['--smtp-url', `smtp://127.0.0.1:${relay.port}`, '--mail-from', 'mamori@example.jp', '--public-url', 'http://mamori.example.jp'] });
  server.createUser('notice-owner@example.jp', PASSWORD);
  user = new ApiClient(server.base);
  assert.equal((await user.signIn('notice-owner@example.jp', PASSWORD)).status, 200);
});
after(async () => {
  await server.stop();
  await relay.close();
});

async function changePassword(current, next) {
  const page = await user.request('GET', '/account');
  return postForm(user, '/account/password', { _csrf: csrfFrom(page.text), current_password: current, new_password: next, new_password_confirm: next });
}

test('a wrong current password changes nothing and mails nothing', async () => {
  const refused = await changePassword('Not-The-Password-2025', 'Atarashii-Passphrase-2026');
  assert.notEqual(refused.status, 303);
  assert.equal(relay.messages.length, 0);
});

test('a changed password is mailed to the owner with a link to the account page', async () => {
  const changed = await changePassword(PASSWORD, 'Atarashii-Passphrase-2026');
  assert.equal(changed.status, 303, changed.text.slice(0, 300));
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(relay.messages.length, 1);
  const mail = relay.messages[0];
  assert.deepEqual(mail.to, ['notice-owner@example.jp']);
  assert.match(mail.subject, /アカウントの設定が変わりました/);
  assert.match(mail.text, /パスワードが変更されました/);
  assert.match(mail.text, /http:\/\/mamori\.example\.jp\/account/);
});

test('turning two-step login on (in the web page) is mailed too', async () => {
  // The password change gave this browser a new session and CSRF token: sign in afresh.
  user = new ApiClient(server.base);
  assert.equal((await user.signIn('notice-owner@example.jp', 'Atarashii-Passphrase-2026')).status, 200);
  const started = await user.request('POST', '/api/v1/me/totp', { json: {} });
  assert.equal(started.status, 200, started.text);
  const page = await user.request('GET', '/account/two-step');
  const confirmed = await postForm(user, '/account/two-step/confirm', { _csrf: csrfFrom(page.text), code: totpAt(started.data.secret, stepNow()) });
  assert.equal(confirmed.status, 200, confirmed.text.slice(0, 300));
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(relay.messages.length, 2);
  assert.match(relay.messages[1].text, /2段階認証が有効になりました/);
});

test('turning two-step login on through the API is mailed as well', async () => {
  server.createUser('notice-api@example.jp', PASSWORD);
  const other = new ApiClient(server.base);
  assert.equal((await other.signIn('notice-api@example.jp', PASSWORD)).status, 200);
  const started = await other.request('POST', '/api/v1/me/totp', { json: {} });
  const confirmed = await other.request('POST', '/api/v1/me/totp/confirm', { json: { code: totpAt(started.data.secret, stepNow()) } });
  assert.equal(confirmed.status, 200, confirmed.text);
  await new Promise((r) => setTimeout(r, 200));
  const mail = relay.messages.find((message) => message.to.includes('notice-api@example.jp'));
  assert.ok(mail, 'the API user was mailed');
  assert.match(mail.text, /2段階認証が有効になりました/);
});

test('renewing the recovery codes is mailed (ASVS 2.5.5)', async () => {
  server.createUser('notice-renew@example.jp', PASSWORD);
  const client = new ApiClient(server.base);
  assert.equal((await client.signIn('notice-renew@example.jp', PASSWORD)).status, 200);
  const started = await client.request('POST', '/api/v1/me/totp', { json: {} });
  const app = new Authenticator(started.data.secret);
  assert.equal((await client.request('POST', '/api/v1/me/totp/confirm', { json: { code: await app.nextCode() } })).status, 200);
  const before = relay.messages.length;
  const page = await client.request('GET', '/account/two-step');
  const renewed = await postForm(client, '/account/two-step/recovery-codes', { _csrf: csrfFrom(page.text), code: await app.nextCode() });
  assert.equal(renewed.status, 200, renewed.text.slice(0, 300));
  await new Promise((r) => setTimeout(r, 200));
  const mail = relay.messages.slice(before).find((message) => message.to.includes('notice-renew@example.jp'));
  assert.ok(mail, 'the owner was mailed');
  assert.match(mail.text, /回復コードが新しく発行されました/);
});

test('a reused two-step code is refused, logged and mailed to the holder (ASVS 2.8.5)', async () => {
  server.createUser('notice-reuse@example.jp', PASSWORD);
  const client = new ApiClient(server.base);
  assert.equal((await client.signIn('notice-reuse@example.jp', PASSWORD)).status, 200);
  const started = await client.request('POST', '/api/v1/me/totp', { json: {} });
  const app = new Authenticator(started.data.secret);
  const used = await app.nextCode();
  assert.equal((await client.request('POST', '/api/v1/me/totp/confirm', { json: { code: used } })).status, 200);
  const before = relay.messages.length;
  const replay = await new ApiClient(server.base).request('POST', '/api/v1/session',
    { json: { email: 'notice-reuse@example.jp', password: PASSWORD, totp: used }, csrf: false });
  assert.equal(replay.status, 401, replay.text);
  assert.equal(replay.data.mfa_required, true);
  assert.match(replay.data.error.message, /すでに使われています/);
  await new Promise((r) => setTimeout(r, 200));
  const mails = relay.messages.slice(before).filter((message) => message.to.includes('notice-reuse@example.jp'));
  assert.equal(mails.length, 1, 'one notice');
  assert.match(mails[0].text, /使用済みの認証コードがもう一度入力され/);

  // A wrong code (not a reused one) is refused without a mail.
  const wrong = await new ApiClient(server.base).request('POST', '/api/v1/session',
    { json: { email: 'notice-reuse@example.jp', password: PASSWORD, totp: used === '000000' ? '111111' : '000000' }, csrf: false });
  assert.equal(wrong.status, 401);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(relay.messages.slice(before).filter((message) => message.to.includes('notice-reuse@example.jp')).length, 1);

  // The account page lists the refusal among the recent security events.
  const page = await client.request('GET', '/account');
  assert.match(page.text, /使用済みの認証コードを拒否/);
});

test('the account page lists recent security events, newest first, with the client address', async () => {
  server.createUser('notice-events@example.jp', PASSWORD);
  const stranger = new ApiClient(server.base);
  assert.equal((await stranger.signIn('notice-events@example.jp', 'Not-The-Password-2025')).status, 401);
  const client = new ApiClient(server.base);
  assert.equal((await client.signIn('notice-events@example.jp', PASSWORD)).status, 200);
  const page = await client.request('GET', '/account');
  assert.equal(page.status, 200);
  const section = page.text.slice(page.text.indexOf('id="events-heading"'));
  assert.ok(section.length > 100, 'the events section is there');
  const rows = [...section.matchAll(/<tr>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)(<span[^>]*>[^<]*<\/span>)?<\/td>\s*<td>([^<]*)<\/td>/g)];
  assert.equal(rows.length, 2, section.slice(0, 800));
  assert.equal(rows[0][2].trim(), 'ログイン', 'the sign-in, newest first');
  assert.equal(rows[0][4], '127.0.0.1');
  assert.equal(rows[1][2].trim(), 'ログインに失敗');
  assert.match(rows[1][3] ?? '', /拒否/);
  assert.equal(rows[1][4], '127.0.0.1');
  // Another account's events are not listed.
  assert.doesNotMatch(section, /使用済みの認証コード/);
});
