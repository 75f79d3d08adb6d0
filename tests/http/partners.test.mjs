// HTTP tests of the outsourcing-partner and cloud-service registers (issue 8):
// a partner's 機密保持条項 names both parties; bad input is refused with 400
// naming the field; an organisation the user has no role in answers 404; a
// 回答者 gets 403; a service's checklist lists the cloud assets ticked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let owner;
let stranger;
let orgId;

before(async () => {
  server = await startServer();
  server.createUser('partners-owner@example.jp', PASSWORD);
  server.createUser('partners-stranger@example.jp', PASSWORD);
  owner = new ApiClient(server.base);
  await owner.signIn('partners-owner@example.jp', PASSWORD);
  stranger = new ApiClient(server.base);
  await stranger.signIn('partners-stranger@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: '甲野委託テスト株式会社', industry: 'retail', capital_yen: 10000000, employees: 8 } })).data.id;
});
after(async () => { await server.stop(); });

async function addPartner(fields) {
  const form = await owner.request('GET', `/orgs/${orgId}/partners/new`);
  assert.equal(form.status, 200);
  return postForm(owner, `/orgs/${orgId}/partners/new`, { _csrf: csrfFrom(form.text), ...fields });
}

test('a partner is registered and its confidentiality clause names both parties', async () => {
  const empty = await owner.request('GET', `/orgs/${orgId}/documents/outsourcing_nda`);
  assert.equal(empty.status, 200);
  assert.match(empty.text, /【乙（委託先）】/, 'the sample keeps its blank for Party B');

  const created = await addPartner({ name: '乙山データ株式会社', work: '給与計算', information: '従業員名簿\n給与明細', contract_start: '2025-04-01', contract_end: '2026-03-31' });
  assert.equal(created.status, 303, created.text.slice(0, 300));
  assert.equal((await addPartner({ name: '丙川システム合同会社', work: 'ウェブサイトの保守' })).status, 303);

  const list = await owner.request('GET', `/orgs/${orgId}/partners?done=created`);
  assert.equal(list.status, 200);
  assert.match(list.text, /乙山データ株式会社/);
  assert.match(list.text, /委託先を登録しました/);
  const partnerId = list.text.match(/<tr id="partner-(\d+)">\s*<th[^>]*>乙山データ株式会社</)[1];
  const editLink = `/orgs/${orgId}/documents/edit/outsourcing_nda/partner-${partnerId}`;
  assert.ok(list.text.includes(`href="${editLink}"`), 'the list links to the partner\'s clause');

  const nda = await owner.request('GET', `/orgs/${orgId}/documents/outsourcing_nda`);
  assert.equal(nda.status, 200);
  assert.match(nda.text, /甲野委託テスト株式会社/, 'the company is Party A');
  assert.match(nda.text, /乙山データ株式会社/, 'the first partner is Party B');
  assert.match(nda.text, /丙川システム合同会社/, 'the second partner has its own clause');
  assert.match(nda.text, /給与明細/, 'the information handed over fills Table 1');

  // The PDF holds both partners' names as text (pdftotext, poppler).
  const pdf = await fetch(`${server.base}/orgs/${orgId}/documents/outsourcing_nda.pdf`, { headers: { Cookie: owner.cookieHeader() } });
  assert.equal(pdf.status, 200);
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'mamori-nda-')), 'nda.pdf');
  writeFileSync(pdfPath, Buffer.from(await pdf.arrayBuffer()));
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  assert.match(text, /乙山データ株式会社/);
  assert.match(text, /丙川システム合同会社/);

  // The editor of one partner's clause shows the register's values and saves.
  const editor = await owner.request('GET', editLink);
  assert.equal(editor.status, 200);
  assert.match(editor.text, /name="field\.party_b" value="乙山データ株式会社"/);
  const saved = await postForm(owner, editLink, { _csrf: csrfFrom(editor.text), revision: '0', 'field.party_b': '乙山データ株式会社', 'field.survival_years': '5', 'keep.parties': '1', 'keep.clause': '1', 'keep.table_1': '1' });
  assert.equal(saved.status, 303, saved.text.slice(0, 300));
  const submitted = await postForm(owner, `${editLink}/state`, { _csrf: csrfFrom(editor.text), action: 'submit', revision: '1' });
  assert.equal(submitted.status, 303);
  const after = await owner.request('GET', `/orgs/${orgId}/partners`);
  assert.match(after.text, /承認待ち/, 'the list shows the clause is waiting for approval');
  // The old, subject-less editor URL keeps working.
  assert.equal((await owner.request('GET', `/orgs/${orgId}/documents/edit/outsourcing_nda`)).status, 200);
});

test('bad input is refused with 400 naming the field', async () => {
  const blank = await addPartner({ name: ' ', work: 'x' });
  assert.equal(blank.status, 400);
  assert.match(blank.text, /委託先の名称を入力してください/);
  assert.match(blank.text, /href="#name"/, 'the error summary links to the field');
  const reversed = await addPartner({ name: '丁', contract_start: '2025-04-01', contract_end: '2025-03-01' });
  assert.equal(reversed.status, 400);
  assert.match(reversed.text, /href="#contract_end"/);
  const form = await owner.request('GET', `/orgs/${orgId}/cloud-services/new`);
  const service = await postForm(owner, `/orgs/${orgId}/cloud-services/new`, { _csrf: csrfFrom(form.text), name: 'x'.repeat(121) });
  assert.equal(service.status, 400);
  assert.match(service.text, /クラウドサービスの名称は120バイト以内/);
});

test('a cloud service lists the cloud assets ticked, in its own checklist', async () => {
  const assetForm = await owner.request('GET', `/orgs/${orgId}/risk/assets/new`);
  const asset = await postForm(owner, `/orgs/${orgId}/risk/assets/new`, {
    _csrf: csrfFrom(assetForm.text), business_category: '経理', name: '請求データ', medium: 'cloud', confidentiality: '2', integrity: '1', availability: '1',
  });
  assert.equal(asset.status, 303, asset.text.slice(0, 300));
  const form = await owner.request('GET', `/orgs/${orgId}/cloud-services/new`);
  const assetId = form.text.match(/name="asset" value="(\d+)"/)[1];
  const created = await postForm(owner, `/orgs/${orgId}/cloud-services/new`, { _csrf: csrfFrom(form.text), name: '請求クラウドZ', provider: 'Z社', asset: assetId });
  assert.equal(created.status, 303, created.text.slice(0, 300));
  const checklist = await owner.request('GET', `/orgs/${orgId}/documents/cloud_checklist`);
  assert.match(checklist.text, /請求クラウドZ/);
  assert.match(checklist.text, /請求データ/);
  const list = await owner.request('GET', `/orgs/${orgId}/cloud-services`);
  const deleteLink = list.text.match(/href="(\/orgs\/\d+\/cloud-services\/\d+\/delete)"/)[1];
  const confirm = await owner.request('GET', deleteLink);
  assert.match(confirm.text, /改訂の履歴ごと削除されます/);
  assert.equal((await postForm(owner, deleteLink, { _csrf: csrfFrom(confirm.text) })).status, 303);
  assert.doesNotMatch((await owner.request('GET', `/orgs/${orgId}/cloud-services`)).text, /請求クラウドZ/);
});

test('another organisation answers 404 and a respondent 403', async () => {
  const list = await owner.request('GET', `/orgs/${orgId}/partners`);
  const partnerPath = list.text.match(/href="(\/orgs\/\d+\/partners\/\d+)\/edit"/)[1];
  const ndaPath = list.text.match(/href="(\/orgs\/\d+\/documents\/edit\/outsourcing_nda\/partner-\d+)"/)[1];
  for (const path of [`/orgs/${orgId}/partners`, `/orgs/${orgId}/cloud-services`, `${partnerPath}/edit`, ndaPath]) {
    const response = await stranger.request('GET', path);
    assert.equal(response.status, 404, `stranger on ${path}`);
    assert.doesNotMatch(response.text, /乙山データ/);
  }
  // A partner id of another organisation is 404 in one's own organisation too.
  const otherOrg = (await stranger.request('POST', '/api/v1/orgs', { json: { name: '別組織株式会社', industry: 'retail', capital_yen: 10000000, employees: 3 } })).data.id;
  const foreignId = partnerPath.match(/(\d+)$/)[1];
  assert.equal((await stranger.request('GET', `/orgs/${otherOrg}/partners/${foreignId}/edit`)).status, 404);
  assert.equal((await stranger.request('GET', `/orgs/${otherOrg}/documents/edit/outsourcing_nda/partner-${foreignId}`)).status, 404);

  const profile = await owner.request('GET', `/orgs/${orgId}/profile`);
  assert.equal((await postForm(owner, `/orgs/${orgId}/departments`, { _csrf: csrfFrom(profile.text), department_name: '総務部' })).status, 303);
  const members = await owner.request('GET', `/orgs/${orgId}/members`);
  const departmentId = members.text.match(/<option value="(\d+)"[^>]*>総務部<\/option>/)[1];
  const invited = await postForm(owner, `/orgs/${orgId}/members`, { _csrf: csrfFrom(members.text), email: 'partners-worker@example.jp', role: 'respondent', department_id: departmentId });
  const link = invited.text.match(/\/invite\/([A-Za-z0-9_-]+)/)[0];
  const worker = new ApiClient(server.base);
  const invitePage = await worker.request('GET', link);
  assert.equal((await postForm(worker, link, { _csrf: csrfFrom(invitePage.text), password: PASSWORD, password_confirm: PASSWORD })).status, 303);
  const respondent = new ApiClient(server.base);
  assert.equal((await respondent.signIn('partners-worker@example.jp', PASSWORD)).status, 200);
  assert.equal((await respondent.request('GET', `/orgs/${orgId}/partners`)).status, 403);
  assert.equal((await respondent.request('GET', `/orgs/${orgId}/partners/new`)).status, 403);
  assert.equal((await respondent.request('GET', ndaPath)).status, 403);
});
