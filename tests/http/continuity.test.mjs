// HTTP tests of the IT-BCP register (事業継続, issue 9): the page shows the
// five IT-BCP steps and the systems in restoration order; bad input is
// refused with 400 naming the field; a POST without the CSRF token is
// refused; an organisation the user has no role in answers 404; a 回答者
// gets 403; the もしもマニュアル shows the same table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let owner;
let stranger;
let orgId;

before(async () => {
  server = await startServer();
  server.createUser('continuity-owner@example.jp', PASSWORD);
  server.createUser('continuity-stranger@example.jp', PASSWORD);
  owner = new ApiClient(server.base);
  await owner.signIn('continuity-owner@example.jp', PASSWORD);
  stranger = new ApiClient(server.base);
  await stranger.signIn('continuity-stranger@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: '継続テスト株式会社', industry: 'retail', capital_yen: 10000000, employees: 8 } })).data.id;
});
after(async () => { await server.stop(); });

async function addSystem(fields) {
  const form = await owner.request('GET', `/orgs/${orgId}/continuity/new`);
  assert.equal(form.status, 200);
  return postForm(owner, `/orgs/${orgId}/continuity/new`, { _csrf: csrfFrom(form.text), ...fields });
}

test('systems are listed in restoration order under the IT-BCP steps', async () => {
  const empty = await owner.request('GET', `/orgs/${orgId}/continuity`);
  assert.equal(empty.status, 200);
  assert.match(empty.text, /情報の収集と前提の整理/, 'the steps come from the content');
  assert.match(empty.text, /まだシステムが登録されていません/);
  const documents = await owner.request('GET', `/orgs/${orgId}/documents`);
  assert.ok(documents.text.includes(`href="/orgs/${orgId}/continuity"`), 'the documents page links here');

  assert.equal((await addSystem({ name: '会計ソフト', priority: '2', business: '請求と支払', target_time: '翌営業日まで' })).status, 303);
  const created = await addSystem({ name: '販売管理システム', priority: '1', business: '受注と出荷', target_time: '4時間以内', resources: '担当者1名\n予備のパソコン', fallback: '紙の伝票で受注する', owner: '山田 太郎' });
  assert.equal(created.status, 303, created.text.slice(0, 300));

  const list = await owner.request('GET', `/orgs/${orgId}/continuity?done=created`);
  assert.equal(list.status, 200);
  assert.match(list.text, /システムを追加しました/);
  assert.match(list.text, /<caption>/);
  const sales = list.text.indexOf('販売管理システム');
  const accounting = list.text.indexOf('会計ソフト');
  assert.ok(sales > 0 && accounting > sales, 'priority 1 is listed first');

  // Editing the priority reorders the table.
  const firstId = list.text.match(/<tr id="system-(\d+)">\s*<td[^>]*>1<\/td>\s*<th[^>]*>販売管理システム</)[1];
  const editPath = `/orgs/${orgId}/continuity/${firstId}/edit`;
  assert.ok(list.text.includes(`href="${editPath}"`), 'the list links to the edit form');
  const form = await owner.request('GET', editPath);
  assert.equal(form.status, 200);
  assert.match(form.text, /value="販売管理システム"/);
  const updated = await postForm(owner, editPath, { _csrf: csrfFrom(form.text), name: '販売管理システム', priority: '3', target_time: '4時間以内' });
  assert.equal(updated.status, 303, updated.text.slice(0, 300));
  const reordered = (await owner.request('GET', `/orgs/${orgId}/continuity`)).text;
  assert.ok(reordered.indexOf('会計ソフト') < reordered.indexOf('販売管理システム'), 'priority 3 now comes after 2');

  // The もしもマニュアル shows the same table.
  const manual = await owner.request('GET', `/orgs/${orgId}/documents/incident_manual`);
  assert.equal(manual.status, 200);
  assert.match(manual.text, /システムの復旧優先順位/);
  assert.match(manual.text, /販売管理システム/);
  assert.match(manual.text, /翌営業日まで/);
});

test('bad input is refused with 400 naming the field, and nothing is stored', async () => {
  const noPriority = await addSystem({ name: '社内ファイルサーバー', priority: 'first' });
  assert.equal(noPriority.status, 400);
  assert.match(noPriority.text, /href="#priority"/, 'the error summary links to the field');
  assert.match(noPriority.text, /復旧の優先順位は 1 から 99 までの数字/);
  const blank = await addSystem({ name: ' ', priority: '1' });
  assert.equal(blank.status, 400);
  assert.match(blank.text, /href="#name"/);
  const longTime = await addSystem({ name: '社内ファイルサーバー', priority: '1', target_time: 'あ'.repeat(21) });
  assert.equal(longTime.status, 400);
  assert.match(longTime.text, /href="#target_time"/);
  assert.doesNotMatch((await owner.request('GET', `/orgs/${orgId}/continuity`)).text, /社内ファイルサーバー/);
});

test('a POST without the CSRF token is refused', async () => {
  const refused = await postForm(owner, `/orgs/${orgId}/continuity/new`, { name: 'CSRFなしのシステム', priority: '1' });
  assert.equal(refused.status, 403);
  assert.doesNotMatch((await owner.request('GET', `/orgs/${orgId}/continuity`)).text, /CSRFなしのシステム/);
});

test('deletion asks first and then removes the system', async () => {
  assert.equal((await addSystem({ name: '削除するシステム', priority: '9' })).status, 303);
  const list = (await owner.request('GET', `/orgs/${orgId}/continuity`)).text;
  const id = list.match(/<tr id="system-(\d+)">\s*<td[^>]*>9<\/td>/)[1];
  const deletePath = `/orgs/${orgId}/continuity/${id}/delete`;
  const confirm = await owner.request('GET', deletePath);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /削除するシステム/);
  assert.equal((await postForm(owner, deletePath, { _csrf: csrfFrom(confirm.text) })).status, 303);
  assert.doesNotMatch((await owner.request('GET', `/orgs/${orgId}/continuity`)).text, /削除するシステム/);
});

test('another organisation answers 404 and a respondent 403', async () => {
  const list = (await owner.request('GET', `/orgs/${orgId}/continuity`)).text;
  const id = list.match(/<tr id="system-(\d+)">/)[1];
  for (const path of [`/orgs/${orgId}/continuity`, `/orgs/${orgId}/continuity/new`, `/orgs/${orgId}/continuity/${id}/edit`]) {
    const response = await stranger.request('GET', path);
    assert.equal(response.status, 404, `stranger on ${path}`);
    assert.doesNotMatch(response.text, /販売管理システム/);
  }
  // A system id of another organisation is 404 in one's own organisation too.
  const otherOrg = (await stranger.request('POST', '/api/v1/orgs', { json: { name: '別組織株式会社', industry: 'retail', capital_yen: 10000000, employees: 3 } })).data.id;
  assert.equal((await stranger.request('GET', `/orgs/${otherOrg}/continuity/${id}/edit`)).status, 404);
  const otherForm = await stranger.request('GET', `/orgs/${otherOrg}/continuity`);
  assert.equal(otherForm.status, 200);
  assert.doesNotMatch(otherForm.text, /販売管理システム/);

  const profile = await owner.request('GET', `/orgs/${orgId}/profile`);
  assert.equal((await postForm(owner, `/orgs/${orgId}/departments`, { _csrf: csrfFrom(profile.text), department_name: '総務部' })).status, 303);
  const members = await owner.request('GET', `/orgs/${orgId}/members`);
  const departmentId = members.text.match(/<option value="(\d+)"[^>]*>総務部<\/option>/)[1];
  const invited = await postForm(owner, `/orgs/${orgId}/members`, { _csrf: csrfFrom(members.text), email: 'continuity-worker@example.jp', role: 'respondent', department_id: departmentId });
  const link = invited.text.match(/\/invite\/([A-Za-z0-9_-]+)/)[0];
  const worker = new ApiClient(server.base);
  const invitePage = await worker.request('GET', link);
  assert.equal((await postForm(worker, link, { _csrf: csrfFrom(invitePage.text), password: PASSWORD, password_confirm: PASSWORD })).status, 303);
  const respondent = new ApiClient(server.base);
  assert.equal((await respondent.signIn('continuity-worker@example.jp', PASSWORD)).status, 200);
  assert.equal((await respondent.request('GET', `/orgs/${orgId}/continuity`)).status, 403);
  assert.equal((await respondent.request('GET', `/orgs/${orgId}/continuity/new`)).status, 403);
  // With a valid token of the respondent's own session (from the report form), the role still refuses.
  const reportForm = await respondent.request('GET', `/orgs/${orgId}/incidents/new`);
  assert.equal(reportForm.status, 200);
  const respondentPost = await postForm(respondent, `/orgs/${orgId}/continuity/new`, { _csrf: csrfFrom(reportForm.text), name: '回答者のシステム', priority: '1' });
  assert.equal(respondentPost.status, 403);
  assert.doesNotMatch((await owner.request('GET', `/orgs/${orgId}/continuity`)).text, /回答者のシステム/);
});
