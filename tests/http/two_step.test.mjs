// HTTP tests of two-step login (issue 10; contract.md, "HTTP: two-step login (TOTP)"): enrolment
// through the API, the API sign-in with and without "totp", a replayed code refused, the web
// sign-in's code page (no session before the code), recovery codes working once, turning it off
// only with password and code, and an organisation's or the installation's requirement keeping
// accounts without two-step login out of organisation pages (redirect) and API calls (403).
// Codes are computed here with node's HMAC-SHA1 (tests/support/totp.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, formSignIn, postForm, setCookies } from '../support/server.mjs';
import { PASSWORD, createOrganization, inviteMember, signedIn } from '../support/org_fixture.mjs';
import { Authenticator } from '../support/totp.mjs';

let server;

before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

//! Enrols a signed-in client through the API; returns its authenticator and recovery codes.
async function enrol(client) {
  const begun = await client.request('POST', '/api/v1/me/totp');
  assert.equal(begun.status, 200, begun.text);
  assert.match(begun.data.secret, /^[A-Z2-7]{32}$/);
  assert.ok(begun.data.uri.startsWith('otpauth://totp/mamori:'), begun.data.uri);
  assert.ok(begun.data.uri.includes(`secret=${begun.data.secret}`));
  assert.ok(begun.data.uri.includes('issuer=mamori'));
  const app = new Authenticator(begun.data.secret);
  const confirmed = await client.request('POST', '/api/v1/me/totp/confirm', { json: { code: await app.nextCode() } });
  assert.equal(confirmed.status, 200, confirmed.text);
  assert.equal(confirmed.data.recovery_codes.length, 10);
  for (const code of confirmed.data.recovery_codes) {
    assert.match(code, /^[0-9a-f]{7}(-[0-9a-f]{7}){3}$/, '112 bits in four groups of seven (ASVS 2.6.2)');
  }
  return { app, recovery: confirmed.data.recovery_codes };
}

test('API: enrolment, sign-in without a code is 401 mfa_required, a reused code is 401, a fresh one 200', async () => {
  server.createUser('totp-api@example.jp', PASSWORD);
  const client = await signedIn(server, 'totp-api@example.jp');

  const unconfirmed = await client.request('POST', '/api/v1/me/totp');
  assert.equal(unconfirmed.status, 200);
  const wrong = await client.request('POST', '/api/v1/me/totp/confirm', { json: { code: '12345' } });
  assert.equal(wrong.status, 400, 'a wrong code does not confirm');
  assert.equal(wrong.data.error.field, 'code');
  assert.equal((await new ApiClient(server.base).signIn('totp-api@example.jp', PASSWORD)).status, 200,
    'not active until confirmed');

  const { app } = await enrol(client);
  const fresh = new ApiClient(server.base);
  const without = await fresh.signIn('totp-api@example.jp', PASSWORD);
  assert.equal(without.status, 401);
  assert.equal(without.data.mfa_required, true);
  assert.equal(fresh.cookies.has('mamori_session'), false, 'no session without the code');

  const replay = await fresh.request('POST', '/api/v1/session',
    { json: { email: 'totp-api@example.jp', password: PASSWORD, totp: app.lastCode() }, csrf: false });
  assert.equal(replay.status, 401, 'the code that confirmed the enrolment was used once already');
  assert.equal(fresh.cookies.has('mamori_session'), false);

  const wrongPassword = await fresh.request('POST', '/api/v1/session',
    { json: { email: 'totp-api@example.jp', password: 'not-the-password', totp: await app.nextCode() }, csrf: false });
  assert.equal(wrongPassword.status, 401);
  assert.equal(wrongPassword.data.mfa_required, undefined, 'a wrong password says nothing about two-step login');

  const code = await app.nextCode();
  const good = await fresh.request('POST', '/api/v1/session',
    { json: { email: 'totp-api@example.jp', password: PASSWORD, totp: code }, csrf: false });
  assert.equal(good.status, 200, good.text);
  assert.ok(fresh.cookies.has('mamori_session'));
  const again = await new ApiClient(server.base).request('POST', '/api/v1/session',
    { json: { email: 'totp-api@example.jp', password: PASSWORD, totp: code }, csrf: false });
  assert.equal(again.status, 401, 'the same code twice');

  const active = await client.request('POST', '/api/v1/me/totp');
  assert.equal(active.status, 409, 'an active secret is not replaced');
});

test('Web: the password alone starts no session; the code page does, and a recovery code works once', async () => {
  server.createUser('totp-web@example.jp', PASSWORD);
  const { app, recovery } = await enrol(await signedIn(server, 'totp-web@example.jp'));

  const browser = new ApiClient(server.base);
  const signIn = await formSignIn(browser, 'totp-web@example.jp', PASSWORD);
  assert.equal(signIn.status, 303);
  assert.equal(signIn.headers.get('location'), '/login/code');
  assert.equal(browser.cookies.has('mamori_session'), false, 'no session before the code');
  const pending = setCookies(signIn.headers).find((cookie) => cookie.startsWith('mamori_signin='));
  assert.match(pending, /HttpOnly/);
  assert.match(pending, /SameSite=Strict/);
  assert.match(pending, /Max-Age=300/);
  assert.equal((await browser.request('GET', '/orgs')).status, 303, 'not signed in yet');

  const page = await browser.request('GET', '/login/code');
  assert.equal(page.status, 200);
  assert.match(page.text, /認証コード/);
  assert.match(page.text, /autocomplete="one-time-code"/);
  assert.match(page.text, /inputmode="numeric"/);
  const wrong = await postForm(browser, '/login/code', { _csrf: csrfFrom(page.text), code: '000000' === app.lastCode() ? '111111' : '000000' });
  assert.equal(wrong.status, 401);
  assert.match(wrong.text, /<title>エラー：/);
  const done = await postForm(browser, '/login/code', { _csrf: csrfFrom(page.text), code: await app.nextCode() });
  assert.equal(done.status, 303);
  assert.ok(browser.cookies.has('mamori_session'));
  assert.equal(browser.cookies.has('mamori_signin'), false, 'the waiting sign-in is spent');
  assert.equal((await browser.request('GET', '/account/two-step')).status, 200);

  // A recovery code instead of the app: once.
  for (const [expected, what] of [[303, 'first use'], [401, 'second use']]) {
    const other = new ApiClient(server.base);
    assert.equal((await formSignIn(other, 'totp-web@example.jp', PASSWORD)).status, 303);
    const codePage = await other.request('GET', '/login/code?recovery=1');
    assert.match(codePage.text, /リカバリーコード/);
    const used = await postForm(other, '/login/code', { _csrf: csrfFrom(codePage.text), code: recovery[0], recovery: '1' });
    assert.equal(used.status, expected, what);
    assert.equal(other.cookies.has('mamori_session'), expected === 303, what);
  }

  // Without a waiting sign-in the code page sends you back to the password.
  assert.equal((await new ApiClient(server.base).request('GET', '/login/code')).headers.get('location'), '/login');
});

test('Turning two-step login off needs the password and a code', async () => {
  server.createUser('totp-off@example.jp', PASSWORD);
  const client = await signedIn(server, 'totp-off@example.jp');
  const { app, recovery } = await enrol(client);
  const page = await client.request('GET', '/account/two-step');
  assert.match(page.text, /2段階認証は有効です/);
  const csrf = csrfFrom(page.text);

  const noCode = await postForm(client, '/account/two-step/disable', { _csrf: csrf, password: PASSWORD, code: '' });
  assert.equal(noCode.status, 400);
  assert.match(noCode.text, /aria-invalid="true"/);
  const wrongPassword = await postForm(client, '/account/two-step/disable', { _csrf: csrf, password: 'nope-nope-nope', code: await app.nextCode() });
  assert.equal(wrongPassword.status, 400);
  assert.match(wrongPassword.text, /パスワードが正しくありません/);
  assert.equal((await new ApiClient(server.base).signIn('totp-off@example.jp', PASSWORD)).status, 401, 'still on');

  const off = await postForm(client, '/account/two-step/disable', { _csrf: csrf, password: PASSWORD, code: recovery[3] });
  assert.equal(off.status, 303);
  assert.equal(off.headers.get('location'), '/account/two-step?done=disabled');
  assert.equal((await new ApiClient(server.base).signIn('totp-off@example.jp', PASSWORD)).status, 200, 'password alone again');
});

test('An organisation that requires two-step login keeps members without it out', async () => {
  const { owner, orgId } = await createOrganization(server, 'totp-owner@example.jp', '二段階必須株式会社');
  const member = await inviteMember(server, owner, orgId, 'totp-member@example.jp');

  let members = await owner.request('GET', `/orgs/${orgId}/members`);
  assert.match(members.text, /メンバー全員に2段階認証を求める/);
  const early = await postForm(owner, `/orgs/${orgId}/two-step`, { _csrf: csrfFrom(members.text), required: '1' });
  assert.equal(early.status, 400, 'the owner must set up their own first');

  await enrol(owner);
  members = await owner.request('GET', `/orgs/${orgId}/members`);
  const on = await postForm(owner, `/orgs/${orgId}/two-step`, { _csrf: csrfFrom(members.text), required: '1' });
  assert.equal(on.status, 303);
  assert.equal((await owner.request('GET', `/orgs/${orgId}`)).status, 200, 'the owner has two-step login');

  const page = await member.request('GET', `/orgs/${orgId}`);
  assert.equal(page.status, 303);
  assert.equal(page.headers.get('location'), '/account/two-step?required=organization');
  const notice = await member.request('GET', '/account/two-step?required=organization');
  assert.match(notice.text, /この組織では2段階認証が必須です/);
  const api = await member.request('GET', `/api/v1/orgs/${orgId}`);
  assert.equal(api.status, 403);
  assert.match(api.data.error.message, /2段階認証/);

  const respondentToggle = await postForm(member, `/orgs/${orgId}/two-step`, { _csrf: csrfFrom(notice.text), required: '0' });
  assert.equal(respondentToggle.headers.get('location'), '/account/two-step?required=organization',
    'a member without two-step login cannot even reach the switch');
  assert.match((await owner.request('GET', `/orgs/${orgId}/members`)).text, /2段階認証の必須をやめる/, 'still required');

  const history = await owner.request('GET', `/orgs/${orgId}/audit`);
  assert.match(history.text, /2段階認証の必須を変更/);
});

test('The installation administrator can require two-step login of everyone', async () => {
  server.createUser('totp-admin@example.jp', PASSWORD, { admin: true });
  const admin = await signedIn(server, 'totp-admin@example.jp');
  await enrol(admin);
  const { owner, orgId } = await createOrganization(server, 'totp-plain@example.jp', '普通株式会社');
  assert.equal((await owner.request('GET', `/orgs/${orgId}`)).status, 200);

  const adminPage = await admin.request('GET', '/admin');
  assert.match(adminPage.text, /全員に2段階認証を求める/);
  const on = await postForm(admin, '/admin/two-step', { _csrf: csrfFrom(adminPage.text), required: '1' });
  assert.equal(on.status, 303);
  const blocked = await owner.request('GET', `/orgs/${orgId}`);
  assert.equal(blocked.status, 303);
  assert.equal(blocked.headers.get('location'), '/account/two-step?required=installation');

  const off = await postForm(admin, '/admin/two-step', { _csrf: csrfFrom(adminPage.text), required: '0' });
  assert.equal(off.status, 303);
  assert.equal((await owner.request('GET', `/orgs/${orgId}`)).status, 200);
});
