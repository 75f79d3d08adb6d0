// The set-up most HTTP and browser tests share: an owner who created an
// organisation, a stranger with no role in it, and respondents invited into a
// department through the real invitation flow. Each step asserts, so a broken
// set-up fails where it breaks rather than later in the test.
import assert from 'node:assert/strict';
import { ApiClient, csrfFrom, postForm } from './server.mjs';
import { Authenticator } from './totp.mjs';

export const PASSWORD = 'Kanari-Nagai-Passphrase-2025';

export async function signedIn(server, email) {
  const client = new ApiClient(server.base);
  assert.equal((await client.signIn(email, PASSWORD)).status, 200, `${email} signs in`);
  return client;
}

//! Creates the owner's account and organisation; the owner is its 組織管理者.
export async function createOrganization(server, ownerEmail, name, { industry = 'retail', employees = 8 } = {}) {
  server.createUser(ownerEmail, PASSWORD);
  const owner = await signedIn(server, ownerEmail);
  const created = await owner.request('POST', '/api/v1/orgs', { json: { name, industry, capital_yen: 10000000, employees } });
  assert.equal(created.status, 201, created.text);
  return { owner, orgId: created.data.id };
}

//! An account that belongs to no organisation (for the 404 checks).
export async function stranger(server, email) {
  server.createUser(email, PASSWORD);
  return signedIn(server, email);
}

//! Invites `email` with `role` into `department` (created when missing) and
//! accepts the invitation; returns the signed-in client.
export async function inviteMember(server, owner, orgId, email, { role = 'respondent', department = '営業部' } = {}) {
  let members = await owner.request('GET', `/orgs/${orgId}/members`);
  if (!members.text.includes(`>${department}</option>`)) {
    const profile = await owner.request('GET', `/orgs/${orgId}/profile`);
    assert.equal((await postForm(owner, `/orgs/${orgId}/departments`, { _csrf: csrfFrom(profile.text), department_name: department })).status, 303);
    members = await owner.request('GET', `/orgs/${orgId}/members`);
  }
  const departmentId = members.text.match(new RegExp(`<option value="(\\d+)"[^>]*>${department}</option>`))[1];
  const invited = await postForm(owner, `/orgs/${orgId}/members`, { _csrf: csrfFrom(members.text), email, role, department_id: departmentId });
  const link = invited.text.match(/\/invite\/([A-Za-z0-9_-]+)/)[0];
  const guest = new ApiClient(server.base);
  const invitePage = await guest.request('GET', link);
  assert.equal((await postForm(guest, link, { _csrf: csrfFrom(invitePage.text), password: PASSWORD, password_confirm: PASSWORD })).status, 303);
  return signedIn(server, email);
}

//! Switches two-step login on for a signed-in client through the API (the administration pages
//! need it on the administrator's own account); returns the authenticator for later codes.
export async function enrolTwoStep(client) {
  const begun = await client.request('POST', '/api/v1/me/totp', { json: {} });
  assert.equal(begun.status, 200, begun.text);
  const app = new Authenticator(begun.data.secret);
  const confirmed = await client.request('POST', '/api/v1/me/totp/confirm', { json: { code: await app.nextCode() } });
  assert.equal(confirmed.status, 200, confirmed.text);
  return app;
}
