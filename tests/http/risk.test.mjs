// HTTP tests of the 詳細リスク分析 pages: organisation isolation, roles,
// CSRF, the Excel round trip through the web import, and the treatment rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm, dbQuery } from '../support/server.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let owner;
let stranger;
let orgId;

before(async () => {
  server = await startServer();
  server.createUser('owner@example.jp', PASSWORD);
  server.createUser('stranger@example.jp', PASSWORD);
  owner = new ApiClient(server.base);
  await owner.signIn('owner@example.jp', PASSWORD);
  stranger = new ApiClient(server.base);
  await stranger.signIn('stranger@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: '台帳テスト株式会社', industry: 'wholesale', capital_yen: 30000000, employees: 40 } })).data.id;
  const page = await owner.request('GET', `/orgs/${orgId}/risk/assets`);
  const added = await postForm(owner, `/orgs/${orgId}/risk/assets/template`, { _csrf: csrfFrom(page.text), template_id: 'guideline_example' });
  assert.equal(added.status, 303, added.text.slice(0, 500));
});
after(async () => { await server.stop(); });

test('risk pages of another organisation answer 404', async () => {
  for (const path of ['/risk', '/risk/assets', '/risk/check', '/risk/results', '/risk/whatif', '/risk/treatments', '/risk/export.xlsx', '/risk/export.csv', '/risk/export.json', '/risk/results.csv', '/risk/import']) {
    const result = await stranger.request('GET', `/orgs/${orgId}${path}`);
    assert.equal(result.status, 404, path);
    assert.doesNotMatch(result.text, /台帳テスト株式会社|従業員名簿/);
  }
});

test('risk form posts without CSRF are refused and write nothing', async () => {
  const before = await owner.request('GET', `/orgs/${orgId}/risk/export.json`);
  const forged = await postForm(owner, `/orgs/${orgId}/risk/assets/new`, {
    business_category: '偽造', name: '偽造資産', medium: 'paper', confidentiality: '2', integrity: '2', availability: '2',
  });
  assert.equal(forged.status, 403);
  const afterExport = await owner.request('GET', `/orgs/${orgId}/risk/export.json`);
  assert.equal(afterExport.text, before.text);
});

test('the template filled the register and every export downloads', async () => {
  const json = await owner.request('GET', `/orgs/${orgId}/risk/export.json`);
  assert.equal(json.status, 200);
  assert.equal(json.data.assets.length, 8);
  assert.ok(json.data.assets.some((asset) => asset.name === '従業員名簿'));
  const xlsx = await owner.request('GET', `/orgs/${orgId}/risk/export.xlsx`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.match(xlsx.headers.get('content-disposition'), /attachment/);
  const csv = await owner.request('GET', `/orgs/${orgId}/risk/export.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.text, /業務分類/);
});

async function upload(client, path, csrf, filename, content, type) {
  const form = new FormData();
  form.append('_csrf', csrf);
  form.append('file', new Blob([content], { type }), filename);
  const headers = { Cookie: client.cookieHeader() };
  const response = await fetch(server.base + path, { method: 'POST', body: form, headers, redirect: 'manual' });
  return { status: response.status, text: await response.text() };
}

test('a bad import lists every bad cell and writes nothing; a good one replaces the register', async () => {
  const importPage = await owner.request('GET', `/orgs/${orgId}/risk/import`);
  const csrf = csrfFrom(importPage.text);
  const csv = (await owner.request('GET', `/orgs/${orgId}/risk/export.csv`)).text;
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines[0];
  const bad = [header, '人事,名簿A,,,人事部,paper,無,無,無,9,1,1,無,,,', '人事,,,,人事部,fax,無,無,無,1,1,1,無,,,'].join('\n');
  const preview = await upload(owner, `/orgs/${orgId}/risk/import/preview`, csrf, 'bad.csv', bad, 'text/csv');
  assert.equal(preview.status, 400, preview.text.slice(0, 300));
  assert.match(preview.text, /機密性/);
  assert.match(preview.text, /情報資産名称/);
  assert.match(preview.text, /媒体・保存先/);
  const commitBad = await upload(owner, `/orgs/${orgId}/risk/import/commit`, csrf, 'bad.csv', bad, 'text/csv');
  assert.equal(commitBad.status, 400, commitBad.text.slice(0, 300));
  assert.equal((await owner.request('GET', `/orgs/${orgId}/risk/export.json`)).data.assets.length, 8, 'nothing written');

  const good = [header, '総務,備品台帳,,,総務部,office_pc,無,無,無,1,1,1,無,5年,,'].join('\n');
  const commit = await upload(owner, `/orgs/${orgId}/risk/import/commit`, csrf, 'good.csv', good, 'text/csv');
  assert.equal(commit.status, 303, commit.text.slice(0, 300));
  const after = (await owner.request('GET', `/orgs/${orgId}/risk/export.json`)).data.assets;
  assert.equal(after.length, 1);
  assert.equal(after[0].name, '備品台帳');
});

test('accepting a 大 risk needs a reason and the 経営者 approval', async () => {
  // A fresh register row with personal data on an office PC and nothing answered: importance 2 × possibility 3 = 6.
  const form = await owner.request('GET', `/orgs/${orgId}/risk/assets/new`);
  const created = await postForm(owner, `/orgs/${orgId}/risk/assets/new`, {
    _csrf: csrfFrom(form.text), business_category: '人事', name: '給与データ', medium: 'office_pc', personal_info: '1',
    confidentiality: '2', integrity: '2', availability: '1',
  });
  assert.equal(created.status, 303, created.text.slice(0, 300));
  const assets = (await owner.request('GET', `/orgs/${orgId}/risk/treatments`)).text;
  const link = assets.match(new RegExp(`/orgs/${orgId}/risk/treatments/(\\d+)/(office_pc_[a-z_]+)`));
  assert.ok(link, 'a treatment link for the new asset');
  const path = link[0];
  const page = await owner.request('GET', path);
  const noReason = await postForm(owner, path, { _csrf: csrfFrom(page.text), decision: 'accept', residual_risk: '0' });
  assert.equal(noReason.status, 400);
  assert.match(noReason.text, /理由/);
  const withReason = await postForm(owner, path, { _csrf: csrfFrom(page.text), decision: 'accept', reason: '費用が見合わないため', residual_risk: '0' });
  assert.equal(withReason.status, 303, withReason.text.slice(0, 300));
  const approve = await postForm(owner, `${path}/approve`, { _csrf: csrfFrom(page.text) });
  assert.equal(approve.status, 403, 'the 責任者 cannot approve their own acceptance');
});

test('低減 only reaches the risk values a better vulnerability gives (重要度 and 脅威 stay fixed)', async () => {
  const form = await owner.request('GET', `/orgs/${orgId}/risk/assets/new`);
  const created = await postForm(owner, `/orgs/${orgId}/risk/assets/new`, {
    _csrf: csrfFrom(form.text), business_category: '営業', name: '顧客台帳', medium: 'office_pc', personal_info: '1',
    confidentiality: '2', integrity: '1', availability: '1',
  });
  assert.equal(created.status, 303, created.text.slice(0, 300));
  const list = (await owner.request('GET', `/orgs/${orgId}/risk/treatments`)).text;
  const ids = [...list.matchAll(new RegExp(`/orgs/${orgId}/risk/treatments/(\\d+)/office_pc_malware`, 'g'))].map((m) => Number(m[1]));
  assert.ok(ids.length > 0, 'a treatment link for office_pc_malware');
  // The newest asset: importance 2, 脅威 3 (表14), nothing answered so 脆弱性 3 → 2 × 3 = 6.
  const path = `/orgs/${orgId}/risk/treatments/${Math.max(...ids)}/office_pc_malware`;
  const page = await owner.request('GET', path);
  assert.equal(page.status, 200);
  assert.match(page.text, /低減：脆弱性 2/);
  assert.match(page.text, /低減：脆弱性 1/);
  const base = { _csrf: csrfFrom(page.text), decision: 'reduce', measure: 'OSとウイルス対策ソフトを更新する', due_on_year: '2030', due_on_month: '4', due_on_day: '1' };
  // 3 would need a lower 脅威 or 重要度: 2 × ceil(3 ÷ (4 − v)) is 6, 4 or 2.
  const unreachable = await postForm(owner, path, { ...base, residual_risk: '3' });
  assert.equal(unreachable.status, 400, unreachable.text.slice(0, 300));
  assert.match(unreachable.text, /脆弱性だけが変わります/);
  const reachable = await postForm(owner, path, { ...base, residual_risk: '4' });
  assert.equal(reachable.status, 303, reachable.text.slice(0, 500));
});

test('answers carried over from the 59-item catalog show as 要確認 until answered or dismissed', async () => {
  // What migration 0004 leaves for a firm whose merged items had different answers, and for an id with no successor.
  const sql = `INSERT INTO control_answer_reviews (org_id, old_item_id, old_text, answer, successor_id, reason, updated_at) VALUES
    (${orgId}, 'c06-05', 'メールを送る前に宛先と添付ファイルを確かめ、大勢への連絡にはBCCを使っている', 1, 'c05-05', 'merged', ''),
    (${orgId}, 'c06-06', '重要な情報を社外へ送るときは、暗号化や、期限と相手を絞った共有リンクを使っている', 3, 'c05-05', 'merged', ''),
    (${orgId}, 'zz-legacy', '', 2, '', 'removed', '');`;
  dbQuery(server.db, sql);

  let check = await owner.request('GET', `/orgs/${orgId}/risk/check`);
  assert.equal(check.status, 200);
  assert.match(check.text, /確かめてほしい回答が3件あります/);
  assert.match(check.text, /期限と相手を絞った共有リンク/);
  assert.match(check.text, /要確認/);

  // With a valid token of their own, a non-member still finds no such organisation.
  const strangerCsrf = csrfFrom((await stranger.request('GET', '/orgs')).text);
  const strangerDismiss = await postForm(stranger, `/orgs/${orgId}/risk/check/reviews/dismiss`, { _csrf: strangerCsrf, old_item_id: 'zz-legacy' });
  assert.equal(strangerDismiss.status, 404, strangerDismiss.text.slice(0, 300));
  const forged = await postForm(owner, `/orgs/${orgId}/risk/check/reviews/dismiss`, { old_item_id: 'zz-legacy' });
  assert.equal(forged.status, 403, 'no CSRF token, nothing dismissed');

  const dismissed = await postForm(owner, `/orgs/${orgId}/risk/check/reviews/dismiss`, { _csrf: csrfFrom(check.text), old_item_id: 'zz-legacy' });
  assert.equal(dismissed.status, 303, dismissed.text.slice(0, 300));
  check = await owner.request('GET', `/orgs/${orgId}/risk/check`);
  assert.match(check.text, /確かめてほしい回答が2件あります/);

  // Answering the item that took the merged answers over settles them.
  const saved = await postForm(owner, `/orgs/${orgId}/risk/check?category=it_equipment`, { _csrf: csrfFrom(check.text), 'answer_c05-05': '2' });
  assert.equal(saved.status, 303, saved.text.slice(0, 300));
  check = await owner.request('GET', `/orgs/${orgId}/risk/check`);
  assert.doesNotMatch(check.text, /確かめてほしい回答/);
  assert.equal(dbQuery(server.db, `SELECT COUNT(*) FROM control_answer_reviews WHERE org_id = ${orgId}`), '0');
});
