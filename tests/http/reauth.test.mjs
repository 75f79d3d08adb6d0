// HTTP tests of re-authentication before sensitive actions (issue 10; ASVS 3.3.4, 3.7.1, 4.3.3)
// and of the administrator's own two-step login (ASVS 4.3.1). A password entered more than
// ten minutes ago is simulated by moving the session's password_at back in the database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm, dbQuery } from '../support/server.mjs';
import { PASSWORD, createOrganization, enrolTwoStep, inviteMember, signedIn } from '../support/org_fixture.mjs';

let server;

before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

function sql(query) {
  return dbQuery(server.db, query);
}

//! As if the account's sessions last saw the password long ago.
function agePassword(email) {
  sql(`UPDATE sessions SET password_at = '2000-01-01T00:00:00Z' WHERE user_id = (SELECT id FROM users WHERE email = '${email}')`);
}

function auditCount(action, email) {
  return Number(sql(`SELECT count(*) FROM audit_log WHERE action = '${action}' AND user_id = (SELECT id FROM users WHERE email = '${email}')`));
}

//! Posts a form as a browser does, with the page it was sent from as Referer.
async function postFrom(client, page, path, fields) {
  return client.request('POST', path, {
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Referer: `${server.base}${page}` },
  });
}

test('API: ending other sessions needs a recent password; POST /api/v1/me/reauth renews it', async () => {
  const email = 'reauth-api@example.jp';
  server.createUser(email, PASSWORD);
  const client = await signedIn(server, email);
  await signedIn(server, email);  // another device
  assert.equal((await client.request('DELETE', '/api/v1/me/sessions')).status, 200, 'just signed in: recent');

  await signedIn(server, email);
  agePassword(email);
  const refused = await client.request('DELETE', '/api/v1/me/sessions');
  assert.equal(refused.status, 401, refused.text);
  assert.equal(refused.data.reauth_required, true);
  assert.match(refused.data.error.message, /\/api\/v1\/me\/reauth/);
  assert.equal((await client.request('GET', '/api/v1/me/sessions')).data.sessions.length, 2, 'nothing ended');

  const noCsrf = await client.request('POST', '/api/v1/me/reauth', { json: { password: PASSWORD }, csrf: false });
  assert.equal(noCsrf.status, 403, 'the CSRF header is needed');
  const wrong = await client.request('POST', '/api/v1/me/reauth', { json: { password: 'Not-The-Password-2025' } });
  assert.equal(wrong.status, 400, wrong.text);
  assert.equal(wrong.data.error.field, 'password');
  assert.equal(auditCount('account.reauth_failed', email), 1, 'a wrong password is audited');
  const missing = await client.request('POST', '/api/v1/me/reauth', { json: {} });
  assert.equal(missing.status, 400);
  assert.equal(missing.data.error.field, 'password');

  const confirmed = await client.request('POST', '/api/v1/me/reauth', { json: { password: PASSWORD } });
  assert.equal(confirmed.status, 200, confirmed.text);
  assert.equal(confirmed.data.reauthenticated, true);
  assert.match(confirmed.data.valid_until, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(auditCount('account.reauth', email), 1);
  const ended = await client.request('DELETE', '/api/v1/me/sessions');
  assert.equal(ended.status, 200, ended.text);
  assert.equal(ended.data.ended, 1);
});

test('Web: sign out everywhere goes to the confirm-password page and back to the account page', async () => {
  const email = 'reauth-web@example.jp';
  server.createUser(email, PASSWORD);
  const client = await signedIn(server, email);
  await signedIn(server, email);
  agePassword(email);
  const page = await client.request('GET', '/account');
  const csrf = csrfFrom(page.text);
  const asked = await postFrom(client, '/account', '/account/sessions/others/end', { _csrf: csrf });
  assert.equal(asked.status, 303);
  assert.equal(asked.headers.get('location'), '/account/confirm-password?next=%2Faccount');
  assert.equal((await client.request('GET', '/api/v1/me/sessions')).data.sessions.length, 2, 'nothing ended yet');

  const confirmPage = await client.request('GET', asked.headers.get('location'));
  assert.equal(confirmPage.status, 200);
  assert.match(confirmPage.text, /パスワードをもう一度入力してください/);
  assert.match(confirmPage.text, /name="next" value="\/account"/);
  assert.match(confirmPage.headers.get('cache-control'), /no-store/);

  const wrong = await postForm(client, '/account/confirm-password', { _csrf: csrf, next: '/account', password: 'Not-The-Password-2025' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /パスワードが正しくありません/);
  const right = await postForm(client, '/account/confirm-password', { _csrf: csrf, next: '/account', password: PASSWORD });
  assert.equal(right.status, 303);
  assert.equal(right.headers.get('location'), '/account', 'back where the person was');
  const ended = await postFrom(client, '/account', '/account/sessions/others/end', { _csrf: csrf });
  assert.equal(ended.status, 303);
  assert.equal(ended.headers.get('location'), '/account?done=ended_all');
  assert.equal((await client.request('GET', '/api/v1/me/sessions')).data.sessions.length, 1);

  // Only a path on this site is a place to continue to.
  const elsewhere = await postForm(client, '/account/confirm-password', { _csrf: csrf, next: 'https://evil.example/', password: PASSWORD });
  assert.equal(elsewhere.headers.get('location'), '/account');
  const slashes = await postForm(client, '/account/confirm-password', { _csrf: csrf, next: '//evil.example/', password: PASSWORD });
  assert.equal(slashes.headers.get('location'), '/account');
  // A Referer from another site is not a place to continue to either.
  agePassword(email);
  const foreign = await client.request('POST', '/account/sessions/others/end', {
    body: new URLSearchParams({ _csrf: csrf }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Referer: 'https://evil.example/account' },
  });
  assert.equal(foreign.headers.get('location'), '/account/confirm-password?next=%2Faccount');
});

test('member changes and the organisation\'s two-step requirement need a recent password; lower roles are refused first', async () => {
  const { owner, orgId } = await createOrganization(server, 'reauth-owner@example.jp', '再認証株式会社');
  const viewer = await inviteMember(server, owner, orgId, 'reauth-viewer@example.jp', { role: 'viewer' });
  const members = await owner.request('GET', `/orgs/${orgId}/members`);
  const csrf = csrfFrom(members.text);
  const departmentId = members.text.match(/<option value="(\d+)"[^>]*>営業部<\/option>/)[1];
  const viewerId = sql("SELECT id FROM users WHERE email = 'reauth-viewer@example.jp'");
  agePassword('reauth-owner@example.jp');
  agePassword('reauth-viewer@example.jp');

  const membersPath = `/orgs/${orgId}/members`;
  const confirmHere = `/account/confirm-password?next=${encodeURIComponent(membersPath)}`;
  const invite = await postFrom(owner, membersPath, membersPath, { _csrf: csrf, email: 'reauth-new@example.jp', role: 'respondent', department_id: departmentId });
  assert.equal(invite.status, 303);
  assert.equal(invite.headers.get('location'), confirmHere);
  const remove = await postFrom(owner, membersPath, `${membersPath}/${viewerId}/delete`, { _csrf: csrf });
  assert.equal(remove.headers.get('location'), confirmHere);
  const require = await postFrom(owner, membersPath, `/orgs/${orgId}/two-step`, { _csrf: csrf, required: '1' });
  assert.equal(require.headers.get('location'), confirmHere);
  assert.equal(sql("SELECT count(*) FROM users WHERE email = 'reauth-new@example.jp'"), '0', 'nobody was invited');
  assert.equal(sql(`SELECT count(*) FROM memberships WHERE org_id = ${orgId} AND user_id = ${viewerId}`), '1', 'nobody was removed');

  // A role that may not change members at all is refused as before, not asked for a password.
  const viewerPage = await viewer.request('GET', `/orgs/${orgId}`);
  const byViewer = await postFrom(viewer, membersPath, membersPath, { _csrf: csrfFrom(viewerPage.text), email: 'x@example.jp', role: 'viewer', department_id: departmentId });
  assert.equal(byViewer.status, 403);

  const confirmed = await postForm(owner, '/account/confirm-password', { _csrf: csrf, next: membersPath, password: PASSWORD });
  assert.equal(confirmed.headers.get('location'), membersPath);
  const invited = await postFrom(owner, membersPath, membersPath, { _csrf: csrf, email: 'reauth-new@example.jp', role: 'respondent', department_id: departmentId });
  assert.equal(invited.status, 200, 'the invitation link is shown');
  assert.match(invited.text, /\/invite\//);
});

test('wrong passwords on the confirm page are throttled like sign-in', async () => {
  const email = 'reauth-throttle@example.jp';
  server.createUser(email, PASSWORD);
  const client = await signedIn(server, email);
  agePassword(email);
  for (let attempt = 0; attempt < 4; attempt++) {
    const wrong = await client.request('POST', '/api/v1/me/reauth', { json: { password: `wrong-password-${attempt}` } });
    assert.equal(wrong.status, 400, `attempt ${attempt}: ${wrong.text}`);
  }
  const waiting = await client.request('POST', '/api/v1/me/reauth', { json: { password: PASSWORD } });
  assert.equal(waiting.status, 429, 'even the right password waits');
  assert.ok(Number(waiting.headers.get('retry-after')) > 0);
  assert.equal((await client.request('DELETE', '/api/v1/me/sessions')).status, 401, 'still not recent');
});

test('installation administrators need their own two-step login and a recent password for the admin pages', async () => {
  const email = 'reauth-admin@example.jp';
  server.createUser(email, PASSWORD, { admin: true });
  const admin = await signedIn(server, email);
  const toEnrol = await admin.request('GET', '/admin');
  assert.equal(toEnrol.status, 303);
  assert.equal(toEnrol.headers.get('location'), '/account/two-step?required=admin');
  const page = await admin.request('GET', '/account/two-step?required=admin');
  assert.match(page.text, /管理画面を使うには、ご自分のアカウントで2段階認証を設定する必要があります/);
  const post = await postForm(admin, '/admin/users', { _csrf: csrfFrom(page.text), email: 'made-by-admin@example.jp', password: PASSWORD, password_confirm: PASSWORD });
  assert.equal(post.headers.get('location'), '/account/two-step?required=admin');
  assert.equal(sql("SELECT count(*) FROM users WHERE email = 'made-by-admin@example.jp'"), '0', 'no account was created');

  await enrolTwoStep(admin);
  assert.equal((await admin.request('GET', '/admin')).status, 200);
  agePassword(email);
  const asked = await admin.request('GET', '/admin');
  assert.equal(asked.status, 303);
  assert.equal(asked.headers.get('location'), '/account/confirm-password?next=%2Fadmin');
  const confirmPage = await admin.request('GET', asked.headers.get('location'));
  const back = await postForm(admin, '/account/confirm-password', { _csrf: csrfFrom(confirmPage.text), next: '/admin', password: PASSWORD });
  assert.equal(back.headers.get('location'), '/admin');
  assert.equal((await admin.request('GET', '/admin')).status, 200);
  // Other accounts still learn nothing of the admin pages.
  const member = await signedIn(server, 'reauth-api@example.jp');
  assert.equal((await member.request('GET', '/admin')).status, 404);
});
