// A firm coached by a 外部専門家 owns its organisation (issue 12): the consultant names the firm's
// 組織管理者 when registering the client (an invitation link shown once, as on the members page);
// the portfolio and the coaching page show a client that has no 組織管理者 or 責任者 of its own,
// with the way to fix it; a consultant invites only roles below the firm's leads, except that
// first lead, and cannot take out a firm's lead who has signed up; and a consultant's
// account cannot be deleted while a client would be left without a lead. Runs on PostgreSQL too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm, dbQuery } from '../support/server.mjs';
import { signedIn, PASSWORD } from '../support/org_fixture.mjs';

let server;
let expert;

function sql(query) {
  return dbQuery(server.db, query);
}

async function registerClient(consultant, name, admin = {}) {
  const page = await consultant.request('GET', '/consultant');
  return postForm(consultant, '/consultant/clients', {
    _csrf: csrfFrom(page.text), name, industry: 'manufacturing', capital_yen: '10000000', employees: '12',
    admin_email: admin.email ?? '', admin_name: admin.name ?? '',
  });
}

function orgIdOf(name) {
  return sql(`SELECT id FROM organizations WHERE name = '${name}'`);
}

async function acceptInvitation(link, email) {
  const guest = new ApiClient(server.base);
  const path = new URL(link, server.base).pathname;
  const page = await guest.request('GET', path);
  assert.equal(page.status, 200);
  const accepted = await postForm(guest, path, { _csrf: csrfFrom(page.text), password: PASSWORD, password_confirm: PASSWORD });
  assert.equal(accepted.status, 303);
  return signedIn(server, email);
}

async function invite(client, orgId, email, role) {
  const page = await client.request('GET', `/orgs/${orgId}/members`);
  assert.equal(page.status, 200);
  return postForm(client, `/orgs/${orgId}/members`, { _csrf: csrfFrom(page.text), email, role, department_id: '' });
}

function portfolioRow(text, orgId) {
  return text.match(new RegExp(`<tr id="client-${orgId}">([\\s\\S]*?)</tr>`))[1];
}

before(async () => {
  server = await startServer();
  server.createUser('expert@consult.example.jp', PASSWORD);
  expert = await signedIn(server, 'expert@consult.example.jp');
});
after(async () => { await server.stop(); });

test('registering a client with its 組織管理者 invites them in the same step, and the firm then owns it', async () => {
  const created = await registerClient(expert, '甲製作所', { email: 'Shacho@Kou.example.jp', name: '甲野 太郎' });
  assert.equal(created.status, 200, created.text.slice(0, 300));
  assert.match(created.text, /shacho@kou\.example\.jp を企業の組織管理者として招待しました/);
  const link = created.text.match(/id="invite-link">([^<]+)</)[1];
  const orgId = orgIdOf('甲製作所');
  assert.equal(sql(`SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.org_id = ${orgId} AND u.email = 'shacho@kou.example.jp'`), 'admin');
  assert.equal(sql(`SELECT count(*) FROM invitations WHERE org_id = ${orgId} AND accepted_at = ''`), '1');
  assert.equal(sql(`SELECT count(*) FROM audit_log WHERE org_id = ${orgId} AND action = 'member.add'`), '1');

  const waiting = await expert.request('GET', '/consultant');
  assert.match(portfolioRow(waiting.text, orgId), /組織管理者の登録待ち/);
  const owner = await acceptInvitation(link, 'shacho@kou.example.jp');
  const settled = await expert.request('GET', '/consultant');
  assert.doesNotMatch(portfolioRow(settled.text, orgId), /組織管理者なし|組織管理者の登録待ち/);
  // The firm's 組織管理者 may delete its organisation, which a consultant never may.
  assert.equal((await owner.request('GET', `/orgs/${orgId}/delete`)).status, 200);
  assert.equal((await expert.request('GET', `/orgs/${orgId}/delete`)).status, 403);
});

test('a bad 組織管理者 address is named on the form and registers nothing', async () => {
  for (const [email, message] of [['not-an-address', /メールアドレス/], ['expert@consult.example.jp', /あなた以外の企業の方/]]) {
    const refused = await registerClient(expert, '乙商事', { email });
    assert.equal(refused.status, 400, email);
    assert.match(refused.text, /id="admin_email-error"/);
    assert.match(refused.text, message);
    assert.match(refused.text, /value="乙商事"/, 'the form keeps what was typed');
  }
  assert.equal(orgIdOf('乙商事'), '');
});

test('a client without a lead of its own is shown with the way to fix it, and the consultant invites its first 組織管理者', async () => {
  const created = await registerClient(expert, '丙サービス');
  assert.equal(created.status, 303);
  const orgId = orgIdOf('丙サービス');
  const portfolio = await expert.request('GET', '/consultant');
  const row = portfolioRow(portfolio.text, orgId);
  assert.match(row, /組織管理者なし/);
  assert.match(row, new RegExp(`href="/orgs/${orgId}/members">組織管理者を招待する`));
  assert.match(portfolio.text, /id="without-lead"/);
  const coaching = await expert.request('GET', `/orgs/${orgId}/coaching`);
  assert.match(coaching.text, /id="no-lead"/);

  // The members page offers a consultant only the roles they may give.
  const members = await expert.request('GET', `/orgs/${orgId}/members`);
  assert.match(members.text, /id="consultant-roles"/);
  assert.doesNotMatch(members.text, /value="executive"/);
  assert.match(members.text, /value="admin"/);
  const executive = await invite(expert, orgId, 'keiei@hei.example.jp', 'executive');
  assert.equal(executive.status, 403);
  assert.match(executive.text, /外部専門家が招待できる役割は/);
  assert.match(executive.text, /href="#role-respondent"/, 'the error summary points at the role field');

  const first = await invite(expert, orgId, 'admin@hei.example.jp', 'admin');
  assert.equal(first.status, 200);
  const link = first.text.match(/id="invite-link">([^<]+)</)[1];
  const second = await invite(expert, orgId, 'admin2@hei.example.jp', 'admin');
  assert.equal(second.status, 403);
  assert.match(second.text, /すでに組織管理者か情報セキュリティ責任者がいます/);
  const after = await expert.request('GET', `/orgs/${orgId}/members`);
  assert.doesNotMatch(after.text, /value="admin"|value="manager"/, 'the firm names its further leads');
  assert.equal(sql(`SELECT count(*) FROM memberships WHERE org_id = ${orgId} AND role = 'admin'`), '1');

  // Once the 組織管理者 has signed up, the consultant cannot take them out.
  await acceptInvitation(link, 'admin@hei.example.jp');
  const adminId = sql(`SELECT id FROM users WHERE email = 'admin@hei.example.jp'`);
  const page = await expert.request('GET', `/orgs/${orgId}/members`);
  const removal = await postForm(expert, `/orgs/${orgId}/members/${adminId}/delete`, { _csrf: csrfFrom(page.text) });
  assert.equal(removal.status, 403);
  assert.match(removal.text, /外部専門家は、登録を済ませた組織管理者/);
  assert.equal(sql(`SELECT count(*) FROM memberships WHERE org_id = ${orgId} AND user_id = ${adminId}`), '1');
});

test('a consultant cannot delete their account while a client has no lead of its own', async () => {
  server.createUser('solo@consult.example.jp', PASSWORD);
  const solo = await signedIn(server, 'solo@consult.example.jp');
  assert.equal((await registerClient(solo, '丁工業')).status, 303);
  const orgId = orgIdOf('丁工業');
  const deleteAccount = async () => {
    const page = await solo.request('GET', '/account/delete');
    return postForm(solo, '/account/delete', { _csrf: csrfFrom(page.text), confirm_email: 'solo@consult.example.jp', password: PASSWORD });
  };
  const refused = await deleteAccount();
  assert.equal(refused.status, 409);
  assert.match(refused.text, /外部専門家として担当している次の企業には、登録を済ませた組織管理者・情報セキュリティ責任者がいません: 丁工業/);

  // Invited but not signed up is not enough: the link may expire unused.
  const invited = await invite(solo, orgId, 'admin@tei.example.jp', 'admin');
  assert.equal(invited.status, 200);
  assert.equal((await deleteAccount()).status, 409);
  await acceptInvitation(invited.text.match(/id="invite-link">([^<]+)</)[1], 'admin@tei.example.jp');
  const deleted = await deleteAccount();
  assert.equal(deleted.status, 200, deleted.text.slice(0, 300));
  assert.equal(sql(`SELECT count(*) FROM memberships WHERE org_id = ${orgId} AND role = 'admin'`), '1');
});

test('registering a client needs a recent password, and a second invitation link replaces the first', async () => {
  // As if the consultant entered the password long ago: registering may invite a 組織管理者.
  sql(`UPDATE sessions SET password_at = '2000-01-01T00:00:00Z'
    WHERE user_id = (SELECT id FROM users WHERE email = 'expert@consult.example.jp')`);
  const refused = await registerClient(expert, '癸商会', { email: 'kanrisha@ki.example.jp' });
  assert.equal(refused.status, 303);
  assert.match(refused.headers.get('location'), /^\/account\/confirm-password\?next=/);
  assert.equal(orgIdOf('癸商会'), '', 'nothing was registered');
  const page = await expert.request('GET', '/consultant');
  const confirmed = await postForm(expert, '/account/confirm-password', { _csrf: csrfFrom(page.text), next: '/consultant', password: PASSWORD });
  assert.equal(confirmed.headers.get('location'), '/consultant');

  const created = await registerClient(expert, '癸商会', { email: 'kanrisha@ki.example.jp' });
  assert.equal(created.status, 200, created.text.slice(0, 300));
  const firstLink = created.text.match(/id="invite-link">([^<]+)</)[1];
  const orgId = orgIdOf('癸商会');
  const pendingId = sql("SELECT id FROM users WHERE email = 'kanrisha@ki.example.jp'");
  // The address was wrong, say: taken out, then invited again with a new link.
  const members = await expert.request('GET', `/orgs/${orgId}/members`);
  const removed = await postForm(expert, `/orgs/${orgId}/members/${pendingId}/delete`, { _csrf: csrfFrom(members.text) });
  assert.equal(removed.status, 303);
  const guest = new ApiClient(server.base);
  assert.equal((await guest.request('GET', new URL(firstLink, server.base).pathname)).status, 404,
    'a placeholder that belongs nowhere cannot be claimed');
  const again = await invite(expert, orgId, 'kanrisha@ki.example.jp', 'admin');
  assert.equal(again.status, 200, again.text.slice(0, 300));
  const secondLink = again.text.match(/id="invite-link">([^<]+)</)[1];
  assert.notEqual(secondLink, firstLink);
  assert.equal((await guest.request('GET', new URL(firstLink, server.base).pathname)).status, 404, 'the first link is gone');
  assert.equal(sql(`SELECT count(*) FROM invitations WHERE user_id = ${pendingId} AND accepted_at = ''`), '1');
  const admin = await acceptInvitation(secondLink, 'kanrisha@ki.example.jp');
  assert.equal((await admin.request('GET', `/orgs/${orgId}`)).status, 200);
});

test('a member who has not signed up is marked on the members page and gets a new link that ends the first', async () => {
  const created = await registerClient(expert, '子安商店', { email: 'tenshu@ne.example.jp' });
  assert.equal(created.status, 200, created.text.slice(0, 300));
  const firstLink = created.text.match(/id="invite-link">([^<]+)</)[1];
  const orgId = orgIdOf('子安商店');
  const pendingId = sql("SELECT id FROM users WHERE email = 'tenshu@ne.example.jp'");
  let members = await expert.request('GET', `/orgs/${orgId}/members`);
  assert.equal((members.text.match(/未登録（招待中）/g) || []).length, 1, 'only the invited 組織管理者');
  assert.match(members.text, new RegExp(`action="/orgs/${orgId}/members/${pendingId}/link"`));

  const renewed = await postForm(expert, `/orgs/${orgId}/members/${pendingId}/link`, { _csrf: csrfFrom(members.text) });
  assert.equal(renewed.status, 200, renewed.text.slice(0, 300));
  assert.match(renewed.text, /tenshu@ne\.example\.jp の新しい招待リンクを発行しました/);
  const secondLink = renewed.text.match(/id="invite-link">([^<]+)</)[1];
  assert.notEqual(secondLink, firstLink);
  const guest = new ApiClient(server.base);
  assert.equal((await guest.request('GET', new URL(firstLink, server.base).pathname)).status, 404, 'the first link is gone');
  assert.equal(sql(`SELECT count(*) FROM audit_log WHERE org_id = ${orgId} AND action = 'member.new_link'`), '1');

  await acceptInvitation(secondLink, 'tenshu@ne.example.jp');
  members = await expert.request('GET', `/orgs/${orgId}/members`);
  assert.doesNotMatch(members.text, /未登録（招待中）/);
  assert.doesNotMatch(members.text, /\/link"/, 'no new link for an account with a password');
  const refused = await postForm(expert, `/orgs/${orgId}/members/${pendingId}/link`, { _csrf: csrfFrom(members.text) });
  assert.equal(refused.status, 409);
  assert.match(refused.text, /すでにパスワードを設定しています/);
});
