// HTML form flows: CSRF on forms, installation administration, the first-run
// set-up page, and invitations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, formSignIn, csrfFrom, postForm } from '../support/server.mjs';
import { enrolTwoStep, signedIn } from '../support/org_fixture.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';

test('first run: the set-up page needs the one-time code from the terminal', async () => {
  const server = await startServer();
  try {
    const code = server.setupCode();
    assert.match(code, /^\d{4}-\d{4}-\d{4}$/);
    const client = new ApiClient(server.base);
    const page = await client.request('GET', '/');
    assert.equal(page.status, 200);
    assert.match(page.text, /初期設定/);
    const fields = {
      _csrf: csrfFrom(page.text), email: 'owner@example.jp', password: PASSWORD, password_confirm: PASSWORD,
      name: '株式会社はじめて', industry: 'services', capital_yen: '３,０００,０００', employees: '8',
    };
    const wrong = await postForm(client, '/setup', { ...fields, setup_code: '0000-0000-0000' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /<title>エラー：/);
    assert.match(wrong.text, /初期設定コードが正しくありません/);

    const weak = await postForm(client, '/setup', { ...fields, setup_code: code, password: 'short', password_confirm: 'short' });
    assert.equal(weak.status, 400, 'a weak password is refused before the code is spent');
    assert.match(weak.text, /10文字以上/);

    const ok = await postForm(client, '/setup', { ...fields, setup_code: code });
    assert.equal(ok.status, 303, ok.text.slice(0, 300));
    const home = await client.request('GET', '/');
    assert.equal(home.status, 303);
    const dashboard = await client.request('GET', new URL(home.headers.get('location'), server.base).pathname);
    assert.equal(dashboard.status, 200);
    assert.match(dashboard.text, /株式会社はじめて/);

    const again = new ApiClient(server.base);
    const login = await again.request('GET', '/');
    assert.match(login.text, /ログイン/);
    assert.doesNotMatch(login.text, /初期設定コード/);
    const replay = await postForm(again, '/setup', { ...fields, _csrf: csrfFrom(login.text), setup_code: code });
    assert.equal(replay.status, 409, 'set-up cannot be repeated');
  } finally {
    await server.stop();
  }
});

let server;
before(async () => {
  server = await startServer();
  server.createUser('admin@example.jp', PASSWORD, { admin: true });
  server.createUser('member@example.jp', PASSWORD);
  server.createUser('locked@example.jp', PASSWORD);
});
after(async () => { await server.stop(); });

test('form posts without a valid _csrf are refused', async () => {
  const client = new ApiClient(server.base);
  const signIn = await formSignIn(client, 'member@example.jp', PASSWORD);
  assert.equal(signIn.status, 303);
  const forged = await postForm(client, '/orgs', { name: '偽造株式会社', industry: 'retail', capital_yen: '1', employees: '1' });
  assert.equal(forged.status, 403);
  const wrong = await postForm(client, '/orgs', { _csrf: 'x'.repeat(43), name: '偽造株式会社', industry: 'retail', capital_yen: '1', employees: '1' });
  assert.equal(wrong.status, 403);
  const list = await client.request('GET', '/orgs');
  assert.doesNotMatch(list.text, /偽造株式会社/);
  const loginWithoutToken = await postForm(new ApiClient(server.base), '/login', { email: 'member@example.jp', password: PASSWORD });
  assert.equal(loginWithoutToken.status, 403);
});

test('form sign-in with a wrong password re-shows the form with an error summary', async () => {
  const client = new ApiClient(server.base);
  const result = await formSignIn(client, 'member@example.jp', 'wrong-password-123');
  assert.equal(result.status, 401);
  assert.match(result.text, /<title>エラー：/);
  assert.match(result.text, /class="error-summary"/);
  assert.match(result.text, /value="member@example.jp"/, 'the e-mail is kept');
});

test('the account page is for installation administrators only', async () => {
  const member = new ApiClient(server.base);
  await formSignIn(member, 'member@example.jp', PASSWORD);
  assert.equal((await member.request('GET', '/admin')).status, 404);

  // Wrong guesses make the address wait (growing, capped; no lockout); the administrator can clear the wait.
  for (let attempt = 0; attempt < 6; attempt++) {
    await new ApiClient(server.base).signIn('locked@example.jp', `bad-password-${attempt}`);
  }
  assert.equal((await new ApiClient(server.base).signIn('locked@example.jp', PASSWORD)).status, 429);

  const admin = await signedIn(server, 'admin@example.jp');
  // Without two-step login on the administrator's own account, the page leads to setting it up.
  const withoutTwoStep = await admin.request('GET', '/admin');
  assert.equal(withoutTwoStep.status, 303);
  assert.equal(withoutTwoStep.headers.get('location'), '/account/two-step?required=admin');
  const enrolment = await admin.request('GET', '/account/two-step?required=admin');
  assert.match(enrolment.text, /管理画面を使うには、ご自分のアカウントで2段階認証を設定する必要があります/);
  await enrolTwoStep(admin);
  const page = await admin.request('GET', '/admin');
  assert.equal(page.status, 200);
  assert.match(page.text, /locked@example.jp/);
  assert.match(page.text, /ログイン待ち/);
  const userId = page.text.match(/\/admin\/users\/(\d+)\/unlock/)[1];
  const unlock = await postForm(admin, `/admin/users/${userId}/unlock`, { _csrf: csrfFrom(page.text) });
  assert.equal(unlock.status, 303);
  assert.equal((await new ApiClient(server.base).signIn('locked@example.jp', PASSWORD)).status, 200);
  assert.deepEqual((await admin.request('GET', '/api/v1/orgs')).data.organizations, [], 'admin sees no organisation data by itself');
});

test('an invited respondent sets a password through the link and answers only for their department', async () => {
  const owner = new ApiClient(server.base);
  await owner.signIn('member@example.jp', PASSWORD);
  const org = await owner.request('POST', '/api/v1/orgs', { json: { name: '招待テスト株式会社', industry: 'manufacturing', capital_yen: 20000000, employees: 40 } });
  const orgId = org.data.id;
  const profile = await owner.request('GET', `/orgs/${orgId}/profile`);
  const added = await postForm(owner, `/orgs/${orgId}/departments`, { _csrf: csrfFrom(profile.text), department_name: '製造部' });
  assert.equal(added.status, 303);
  const members = await owner.request('GET', `/orgs/${orgId}/members`);
  const departmentId = members.text.match(/<option value="(\d+)"[^>]*>製造部<\/option>/)[1];
  const invited = await postForm(owner, `/orgs/${orgId}/members`, {
    _csrf: csrfFrom(members.text), email: 'worker@example.jp', role: 'respondent', department_id: departmentId,
  });
  assert.equal(invited.status, 200);
  const link = invited.text.match(/\/invite\/([A-Za-z0-9_-]+)/)[0];

  const worker = new ApiClient(server.base);
  const invitePage = await worker.request('GET', link);
  assert.equal(invitePage.status, 200);
  const weak = await postForm(worker, link, { _csrf: csrfFrom(invitePage.text), password: 'password1234', password_confirm: 'password1234' });
  assert.equal(weak.status, 400, 'a common password is refused');
  const accepted = await postForm(worker, link, { _csrf: csrfFrom(invitePage.text), password: PASSWORD, password_confirm: PASSWORD });
  assert.equal(accepted.status, 303);
  assert.equal((await new ApiClient(server.base).request('GET', link)).status, 404, 'the link works once');

  const api = new ApiClient(server.base);
  assert.equal((await api.signIn('worker@example.jp', PASSWORD)).status, 200);
  const other = await api.request('POST', `/api/v1/orgs/${orgId}/selfchecks`, { json: { respondent: '営業部', answers: { 1: 'implemented' } } });
  assert.equal(other.status, 403, 'a respondent cannot answer for another department');
  const own = await api.request('POST', `/api/v1/orgs/${orgId}/selfchecks`, { json: { answers: { 1: 'implemented' } } });
  assert.equal(own.status, 201);
  assert.equal(own.data.respondent, '製造部');
  assert.equal((await api.request('GET', `/orgs/${orgId}/members`)).status, 403);
});
