// Throttling instead of lockout, and sessions (issue 10): a throttled sign-in
// answers 429 with Retry-After; five wrong guesses do not lock the owner out
// once the short wait is over; each client address waits for its own failures;
// the session cookie changes at sign-in and at a password change and the old
// one stops working; a password change and "sign out everywhere" end the other
// sessions; an idle session ends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, ApiClient, formSignIn, csrfFrom, postForm, setCookies, dbQuery } from '../support/server.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
const NEW_PASSWORD = 'Atarashii-Nagai-Passphrase-2026';

let server;
before(async () => {
  server = await startServer();
  server.createUser('owner@example.jp', PASSWORD);
  server.createUser('rotate@example.jp', PASSWORD);
  server.createUser('changer@example.jp', PASSWORD);
  server.createUser('everywhere@example.jp', PASSWORD);
  server.createUser('idle@example.jp', PASSWORD);
  server.createUser('colleague@example.jp', PASSWORD);
});
after(async () => { await server.stop(); });

function sql(query) {
  return dbQuery(server.db, query);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A sign-in through the API from another loopback address, so the server sees another client.
function signInFrom(localAddress, email, password) {
  const url = new URL('/api/v1/session', server.base);
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    }, (response) => {
      let text = '';
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

test('five wrong guesses make the owner wait seconds, with 429 and Retry-After, but never lock them out', async () => {
  const stranger = new ApiClient(server.base);
  for (let attempt = 1; attempt <= 3; attempt++) {
    assert.equal((await stranger.signIn('owner@example.jp', `wrong-password-${attempt}`)).status, 401, `free attempt ${attempt}`);
  }
  const fourth = await stranger.signIn('owner@example.jp', 'wrong-password-4');
  assert.equal(fourth.status, 429);
  assert.equal(fourth.headers.get('retry-after'), '2');
  await sleep(2100);
  const fifth = await stranger.signIn('owner@example.jp', 'wrong-password-5');
  assert.equal(fifth.status, 429);
  assert.equal(fifth.headers.get('retry-after'), '4');

  const early = await new ApiClient(server.base).signIn('owner@example.jp', PASSWORD);
  assert.equal(early.status, 429, 'even the right password waits while the address is throttled');
  assert.ok(Number(early.headers.get('retry-after')) >= 1);
  assert.match(early.data.error.message, /\d{2}:\d{2}:\d{2}（あと\d+秒）以降にもう一度お試しください/);

  // The form says the same, with the same status and header.
  const form = await formSignIn(new ApiClient(server.base), 'owner@example.jp', PASSWORD);
  assert.equal(form.status, 429);
  assert.ok(form.headers.get('retry-after'));
  assert.match(form.text, /class="error-summary"/);
  assert.match(form.text, /以降にもう一度お試しください/);

  await sleep(Number(early.headers.get('retry-after')) * 1000 + 200);
  const owner = new ApiClient(server.base);
  assert.equal((await owner.signIn('owner@example.jp', PASSWORD)).status, 200, 'no lockout once the wait is over');

  // The owner is told, once, on the first page after signing in.
  const first = await owner.request('GET', '/account');
  assert.equal(first.status, 200);
  assert.match(first.text, /前回のログインのあと、あなたのメールアドレスでのログインに5回失敗しています/);
  const second = await owner.request('GET', '/account');
  assert.doesNotMatch(second.text, /回失敗しています/);

  assert.equal(sql("select count(*) from audit_log where action = 'account.throttled' and detail like '%owner@example.jp%'"), '1');
});

test('each client address waits for its own failures', async () => {
  // Eleven wrong guesses from 127.0.0.2 at made-up addresses: each address is under its own limit,
  // but the client address now waits, even for a real account.
  for (let attempt = 0; attempt <= 10; attempt++) {
    const result = await signInFrom('127.0.0.2', `made-up-${attempt}@example.jp`, 'guess-guess-guess');
    assert.equal(result.status, attempt < 10 ? 401 : 429, `attempt ${attempt}`);
  }
  const fromStranger = await signInFrom('127.0.0.2', 'colleague@example.jp', PASSWORD);
  assert.equal(fromStranger.status, 429);
  assert.ok(fromStranger.headers['retry-after']);
  const fromElsewhere = await signInFrom('127.0.0.3', 'colleague@example.jp', PASSWORD);
  assert.equal(fromElsewhere.status, 200, 'another client is not held up');
  // Unknown addresses write one audit row each (the first failure), not one per attempt.
  assert.equal(sql("select count(*) from audit_log where action = 'account.login_failed' and detail like '%made-up-0@%'"), '1');
});

test('the session cookie changes at sign-in and at a password change; the old one stops working', async () => {
  const client = new ApiClient(server.base);
  assert.equal((await client.signIn('rotate@example.jp', PASSWORD)).status, 200);
  const first = client.cookies.get('mamori_session');
  assert.equal((await client.signIn('rotate@example.jp', PASSWORD)).status, 200);
  const second = client.cookies.get('mamori_session');
  assert.notEqual(second, first, 'a new session identifier at every sign-in');
  const stale = new ApiClient(server.base);
  stale.cookies.set('mamori_session', first);
  assert.equal((await stale.request('GET', '/api/v1/me')).status, 401, 'signing in again ended the old session');

  const page = await client.request('GET', '/account');
  const change = await postForm(client, '/account/password', {
    _csrf: csrfFrom(page.text), current_password: PASSWORD, new_password: NEW_PASSWORD, new_password_confirm: NEW_PASSWORD,
  });
  assert.equal(change.status, 303);
  const third = client.cookies.get('mamori_session');
  assert.notEqual(third, second, 'a new session identifier after the password change');
  const before = new ApiClient(server.base);
  before.cookies.set('mamori_session', second);
  assert.equal((await before.request('GET', '/api/v1/me')).status, 401);
  const after = await client.request('GET', '/account?done=password');
  assert.equal(after.status, 200);
  assert.match(after.text, /パスワードを変更しました/);
});

test('a password change ends every other session and names the field of each error', async () => {
  const here = new ApiClient(server.base);
  const there = new ApiClient(server.base);
  await formSignIn(here, 'changer@example.jp', PASSWORD);
  await formSignIn(there, 'changer@example.jp', PASSWORD);
  assert.equal((await there.request('GET', '/account')).status, 200);

  const page = await here.request('GET', '/account');
  const csrf = csrfFrom(page.text);
  const wrong = await postForm(here, '/account/password', { _csrf: csrf, current_password: 'not-my-password', new_password: NEW_PASSWORD, new_password_confirm: NEW_PASSWORD });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /href="#current_password"/);
  const mismatch = await postForm(here, '/account/password', { _csrf: csrf, current_password: PASSWORD, new_password: NEW_PASSWORD, new_password_confirm: `${NEW_PASSWORD}x` });
  assert.equal(mismatch.status, 400);
  assert.match(mismatch.text, /href="#new_password_confirm"/);
  const weak = await postForm(here, '/account/password', { _csrf: csrf, current_password: PASSWORD, new_password: 'short', new_password_confirm: 'short' });
  assert.equal(weak.status, 400);
  assert.match(weak.text, /href="#new_password"/);
  assert.equal((await there.request('GET', '/account')).status, 200, 'a refused change ends nothing');

  const done = await postForm(here, '/account/password', { _csrf: csrf, current_password: PASSWORD, new_password: NEW_PASSWORD, new_password_confirm: NEW_PASSWORD });
  assert.equal(done.status, 303);
  const gone = await there.request('GET', '/account');
  assert.equal(gone.status, 303, 'the other session ended');
  assert.equal((await here.request('GET', '/account')).status, 200);
  assert.equal(sql("select count(*) from audit_log where action = 'account.password_change'") >= '1', true);
});

test('the sessions list, sign-out of one session and sign out everywhere (page and API)', async () => {
  const laptop = new ApiClient(server.base);
  const phone = new ApiClient(server.base);
  const tablet = new ApiClient(server.base);
  await laptop.signIn('everywhere@example.jp', PASSWORD);
  await phone.signIn('everywhere@example.jp', PASSWORD);
  await tablet.signIn('everywhere@example.jp', PASSWORD);

  const listed = await laptop.request('GET', '/api/v1/me/sessions');
  assert.equal(listed.status, 200);
  assert.equal(listed.data.sessions.length, 3);
  assert.equal(listed.data.sessions.filter((s) => s.current).length, 1);
  assert.equal(listed.data.sessions[0].client, '127.0.0.1');

  const page = await laptop.request('GET', '/account');
  assert.match(page.text, /この端末/);
  assert.match(page.text, /他のすべての端末からログアウト/);
  const handles = [...page.text.matchAll(/\/account\/sessions\/([0-9a-f]{16})\/end/g)].map((m) => m[1]);
  assert.equal(handles.length, 2, 'a sign-out button for each other session, none for this one');
  const one = await postForm(laptop, `/account/sessions/${handles[0]}/end`, { _csrf: csrfFrom(page.text) });
  assert.equal(one.status, 303);
  assert.equal((await laptop.request('GET', '/api/v1/me/sessions')).data.sessions.length, 2);
  assert.equal(sql("select count(*) from audit_log where action = 'session.end'"), '1');

  // Another user's session is not the owner's to end: 404.
  const stranger = new ApiClient(server.base);
  await formSignIn(stranger, 'colleague@example.jp', PASSWORD);
  const strangerPage = await stranger.request('GET', '/account');
  const refused = await postForm(stranger, `/account/sessions/${handles[1]}/end`, { _csrf: csrfFrom(strangerPage.text) });
  assert.equal(refused.status, 404);

  const all = await laptop.request('DELETE', '/api/v1/me/sessions');
  assert.equal(all.status, 200);
  assert.equal(all.data.ended, 1);
  assert.equal((await phone.request('GET', '/api/v1/me')).status, 401);
  assert.equal((await tablet.request('GET', '/api/v1/me')).status, 401);
  assert.equal((await laptop.request('GET', '/api/v1/me')).status, 200, 'this device stays signed in');
  assert.equal(sql("select count(*) from audit_log where action = 'session.end_all'"), '1');

  const noCsrf = await laptop.request('DELETE', '/api/v1/me/sessions', { csrf: false });
  assert.equal(noCsrf.status, 403, 'the API call needs the CSRF header');
});

test('a session idle for 30 minutes has ended', async () => {
  const client = new ApiClient(server.base);
  await client.signIn('idle@example.jp', PASSWORD);
  assert.equal((await client.request('GET', '/api/v1/me')).status, 200);
  // No clock to turn in the server: make the last request 31 minutes old in the database.
  const idleSince = new Date(Date.now() - 31 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  sql(`update sessions set last_seen_at = '${idleSince}' where user_id = (select id from users where email = 'idle@example.jp')`);
  assert.equal((await client.request('GET', '/api/v1/me')).status, 401);
  assert.equal(sql("select count(*) from sessions where user_id = (select id from users where email = 'idle@example.jp')"), '0');
});

test('a form sign-in gives a new cookie too, and ends the session the browser still had', async () => {
  const client = new ApiClient(server.base);
  assert.equal((await formSignIn(client, 'colleague@example.jp', PASSWORD)).status, 303);
  const first = client.cookies.get('mamori_session');
  const page = await client.request('GET', '/account');
  assert.equal(setCookies(page.headers).some((c) => c.startsWith('mamori_session=')), false, 'a page view keeps the cookie');
  const again = await postForm(client, '/login', { _csrf: csrfFrom(page.text), email: 'colleague@example.jp', password: PASSWORD });
  assert.equal(again.status, 303);
  const second = client.cookies.get('mamori_session');
  assert.notEqual(second, first);
  const old = new ApiClient(server.base);
  old.cookies.set('mamori_session', first);
  assert.equal((await old.request('GET', '/api/v1/me')).status, 401, 'the old identifier no longer works');
  assert.equal((await client.request('GET', '/api/v1/me')).status, 200);
});
