// Removing data on request (issue 10, ASVS 8.3.2): a person deletes their own account (password
// and their e-mail typed again), refused while they are the last 組織管理者/責任者 of an
// organisation; an organisation's 組織管理者 deletes the organisation (its name typed, password).
// Afterwards nothing of it shows anywhere, and `mamori audit verify` still finds the chain intact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, ApiClient, BIN, csrfFrom, postForm } from '../support/server.mjs';
import { PASSWORD, createOrganization, inviteMember } from '../support/org_fixture.mjs';

let server;
let owner;
let orgId;

before(async () => {
  server = await startServer();
  ({ owner, orgId } = await createOrganization(server, 'removal-owner@example.jp', '削除株式会社'));
});
after(async () => { await server.stop(); });

function auditVerify() {
  return JSON.parse(execFileSync(BIN, ['audit', 'verify', '--db', server.db], { encoding: 'utf8', env: { ...process.env, MAMORI_ARGON2_FAST: '1' } }));
}

async function deleteAccount(client, fields) {
  const page = await client.request('GET', '/account/delete');
  assert.equal(page.status, 200);
  return postForm(client, '/account/delete', { _csrf: csrfFrom(page.text), ...fields });
}

test('a member deletes their own account: blanked, signed out, gone from the member list', async () => {
  const member = await inviteMember(server, owner, orgId, 'removal-member@example.jp', { role: 'respondent' });
  const account = await member.request('GET', '/account');
  assert.match(account.text, /href="\/account\/delete"/);

  const mistyped = await deleteAccount(member, { confirm_email: 'someone@example.jp', password: PASSWORD });
  assert.equal(mistyped.status, 400);
  assert.match(mistyped.text, /このアカウントのメールアドレスを正確に入力してください/);
  const wrongPassword = await deleteAccount(member, { confirm_email: 'removal-member@example.jp', password: 'not-the-password-1' });
  assert.equal(wrongPassword.status, 400);
  assert.match(wrongPassword.text, /パスワードが正しくありません/);

  const deleted = await deleteAccount(member, { confirm_email: 'Removal-Member@example.jp ', password: PASSWORD });
  assert.equal(deleted.status, 200);
  assert.match(deleted.text, /アカウントを削除しました/);
  assert.equal((await member.request('GET', '/account')).status, 303, 'the session is gone');
  assert.equal((await new ApiClient(server.base).signIn('removal-member@example.jp', PASSWORD)).status, 401);
  const members = await owner.request('GET', `/orgs/${orgId}/members`);
  assert.doesNotMatch(members.text, /removal-member@example\.jp/);
  const audit = await owner.request('GET', `/orgs/${orgId}/audit`);
  assert.match(audit.text, /メンバーが自分のアカウントを削除/);
  assert.equal(auditVerify().ok, true);
});

test('the last 組織管理者 cannot delete their account, and is told why in their language', async () => {
  const refused = await deleteAccount(owner, { confirm_email: 'removal-owner@example.jp', password: PASSWORD });
  assert.equal(refused.status, 409);
  assert.match(refused.text, /あなたは次の組織の最後の組織管理者・情報セキュリティ責任者です: 削除株式会社/);
  const page = await owner.request('GET', '/account/delete?lang=en');
  const english = await postForm(owner, '/account/delete', { _csrf: csrfFrom(page.text), confirm_email: 'removal-owner@example.jp', password: PASSWORD });
  assert.match(english.text, /You are the last organisation administrator \(組織管理者\) or information security officer \(情報セキュリティ責任者\) of: 削除株式会社/);
  assert.equal((await owner.request('GET', '/account?lang=ja')).status, 200, 'still signed in');
});

test('only the 組織管理者 deletes the organisation; afterwards it shows nowhere and the chain verifies', async () => {
  // The creator is its 情報セキュリティ責任者 (manager); an invited 組織管理者 (admin) may delete it.
  const admin = await inviteMember(server, owner, orgId, 'removal-admin@example.jp', { role: 'admin' });
  const refusedPage = await owner.request('GET', `/orgs/${orgId}/delete`);
  assert.equal(refusedPage.status, 403);
  assert.match(refusedPage.text, /組織を削除できるのは組織管理者だけです/);
  const page = await admin.request('GET', `/orgs/${orgId}/delete`);
  assert.equal(page.status, 200);
  const profile = await admin.request('GET', `/orgs/${orgId}/profile`);
  assert.match(profile.text, new RegExp(`href="/orgs/${orgId}/delete"`));

  const mistyped = await postForm(admin, `/orgs/${orgId}/delete`, { _csrf: csrfFrom(page.text), confirm_name: '削除', password: PASSWORD });
  assert.equal(mistyped.status, 400);
  assert.match(mistyped.text, /組織名を正確に入力してください/);
  const deleted = await postForm(admin, `/orgs/${orgId}/delete`, { _csrf: csrfFrom(page.text), confirm_name: '削除株式会社', password: PASSWORD });
  assert.equal(deleted.status, 200);
  assert.match(deleted.text, /組織を削除しました/);

  assert.equal((await admin.request('GET', `/orgs/${orgId}`)).status, 404);
  assert.equal((await owner.request('GET', `/orgs/${orgId}`)).status, 404);
  assert.doesNotMatch((await owner.request('GET', '/orgs')).text, /削除株式会社/);
  const listed = await owner.request('GET', '/api/v1/orgs');
  assert.equal(listed.status, 200);
  assert.doesNotMatch(listed.text, /削除株式会社/);
  assert.equal((await owner.request('GET', `/api/v1/orgs/${orgId}`)).status, 404);
  assert.equal(auditVerify().ok, true);

  // With no organisation left to lead, the owner may now delete the account too.
  const gone = await deleteAccount(owner, { confirm_email: 'removal-owner@example.jp', password: PASSWORD });
  assert.equal(gone.status, 200);
  assert.equal(auditVerify().ok, true);
});

test('mamori retention run prints a JSON summary', async () => {
  const out = JSON.parse(execFileSync(BIN, ['retention', 'run', '--db', server.db], { encoding: 'utf8' }));
  assert.ok(out.ran_at);
  assert.deepEqual(Object.keys(out.removed).sort(), ['closed_incident_people', 'ended_sessions', 'sign_in_failures', 'training_of_former_members']);
  assert.equal(typeof out.total, 'number');
});
