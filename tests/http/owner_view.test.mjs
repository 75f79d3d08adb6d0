// HTTP tests of the owner's view (経営者, issue 12): the 経営者 lands on it; it shows the 3原則, the
// 重要7項目 with a status, an evidence sentence linking to its source and the next step, and the
// step-up roadmap of 表3; the statuses follow the firm's own data; the owner records the budget and
// the information sources (audited; bad input names the field; 回答者 may read but not record); a
// stranger gets 404; the owner's report renders as HTML and PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, csrfFrom, postForm, dbQuery, answersAll } from '../support/server.mjs';
import { createOrganization, inviteMember, stranger as strangerAccount } from '../support/org_fixture.mjs';

let server;
let owner;
let orgId;
let executive;
let respondent;

before(async () => {
  server = await startServer();
  ({ owner, orgId } = await createOrganization(server, 'ownerview-admin@example.jp', '経営画面テスト株式会社'));
  executive = await inviteMember(server, owner, orgId, 'ownerview-boss@example.jp', { role: 'executive' });
  respondent = await inviteMember(server, owner, orgId, 'ownerview-staff@example.jp');
});
after(async () => { await server.stop(); });

const page = (client) => client.request('GET', `/orgs/${orgId}/owner`);

function item(html, id) {
  const match = html.match(new RegExp(`<li class="task-list__item owner-item" id="item-${id}">([\\s\\S]*?)</li>`));
  assert.ok(match, `item ${id} is on the page`);
  return match[1];
}

test('the 経営者 lands on the owner view, which shows the 3原則, the 7 items and the roadmap', async () => {
  const home = await executive.request('GET', '/');
  assert.equal(home.status, 303);
  assert.equal(home.headers.get('location'), `/orgs/${orgId}/owner`);
  const view = await page(executive);
  assert.equal(view.status, 200);
  for (const text of ['情報セキュリティ対策は経営者のリーダーシップで進める', '委託先の情報セキュリティ対策まで考慮する',
    '関係者とは常に情報セキュリティに関するコミュニケーションをとる', '取組1', '取組7', 'ステップアップの状況（表3）', '第1部 3']) {
    assert.ok(view.text.includes(text), `the view shows ${text}`);
  }
  const policy = item(view.text, 'policy');
  assert.match(policy, /未着手/);
  assert.match(policy, /情報セキュリティ基本方針はまだありません/);
  assert.match(policy, new RegExp(`href="/orgs/${orgId}/policy"`), 'the evidence links to its source');
  assert.match(policy, /基本方針を作ってください/);
  assert.match(item(view.text, 'review'), new RegExp(`href="/orgs/${orgId}/inspections"`));
  assert.match(view.text, /点検と改善/, 'the roadmap lists 点検と改善 (表3 Step 3)');

  const dashboard = await owner.request('GET', `/orgs/${orgId}`);
  assert.match(dashboard.text, new RegExp(`id="owner-view-link" href="/orgs/${orgId}/owner"|href="/orgs/${orgId}/owner" id="owner-view-link"`));
  const answering = await respondent.request('GET', `/orgs/${orgId}/selfcheck/answer`);
  assert.ok(answering.text.includes(`href="/orgs/${orgId}/owner"`), 'every member has the link in the navigation');
  assert.equal((await page(respondent)).status, 200, 'every member may read it');
});

test('the statuses follow the firm\'s data', async () => {
  const answered = await owner.request('POST', `/api/v1/orgs/${orgId}/selfchecks`, { json: { respondent: '全社', answers: answersAll('implemented') } });
  assert.equal(answered.status, 201, answered.text);
  const view = await page(executive);
  const risks = item(view.text, 'risk_measures');
  assert.match(risks, /取組中/);
  assert.match(risks, /自社診断は終わりました/);
  assert.match(view.text, /ほかの会社との比較/);
  assert.match(view.text, /表示しません（5社未満のため）/, 'one firm alone is never shown a group');
});

test('the owner records the budget and the sources; bad input names the field; 回答者 may not', async () => {
  const form = await page(executive);
  const empty = await postForm(executive, `/orgs/${orgId}/owner/records`, { _csrf: csrfFrom(form.text), topic: 'budget', note: '  ' });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /内容を入力してください/);
  assert.match(empty.text, /href="#budget-note"/);
  const badDate = await postForm(executive, `/orgs/${orgId}/owner/records`, { _csrf: csrfFrom(form.text), topic: 'budget', note: '年30万円', recorded_on: '2026-02-30' });
  assert.equal(badDate.status, 400);

  const saved = await postForm(executive, `/orgs/${orgId}/owner/records`, { _csrf: csrfFrom(form.text), topic: 'budget', note: '年30万円（ウイルス対策とバックアップ）', recorded_on: '2026-04-01' });
  assert.equal(saved.status, 303, saved.text.slice(0, 300));
  await postForm(executive, `/orgs/${orgId}/owner/records`, { _csrf: csrfFrom(form.text), topic: 'information_sources', note: 'IPA 重要なセキュリティ情報、NISC' });
  const view = await page(executive);
  assert.match(view.text, /年30万円（ウイルス対策とバックアップ）/);
  assert.match(item(view.text, 'budget_people'), /対策の予算は記録していますが、管理体制はまだ公開していません/);
  assert.match(item(view.text, 'information'), /社内での共有/);
  assert.equal(dbQuery(server.db, `SELECT count(*) FROM audit_log WHERE org_id = ${orgId} AND action = 'owner_record.save'`), '2');

  const refused = await postForm(respondent, `/orgs/${orgId}/owner/records`, { _csrf: csrfFrom((await page(respondent)).text), topic: 'budget', note: 'x' });
  assert.equal(refused.status, 403);
  assert.doesNotMatch((await page(respondent)).text, /name="topic" value="budget"/, 'no form for those who may not record');
});

test('a stranger gets 404; the owner\'s report renders from the view', async () => {
  const outsider = await strangerAccount(server, 'ownerview-stranger@example.jp');
  assert.equal((await page(outsider)).status, 404);
  const html = await executive.request('GET', `/orgs/${orgId}/documents/owner_report`);
  assert.equal(html.status, 200);
  assert.match(html.text, /情報セキュリティ対策の状況（経営者向け報告書）/);
  assert.match(html.text, /重要7項目の取組の状況/);
  assert.match(html.text, /年30万円|対策の予算は記録していますが/);
  const pdf = await fetch(`${server.base}/orgs/${orgId}/documents/owner_report.pdf`, { headers: { Cookie: executive.cookieHeader() } });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
});
