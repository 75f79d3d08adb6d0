// HTTP tests of the 情報資産管理台帳 as users first see it (issue 11): 50 rows a page with the
// count, page links that keep the filters, filters by 業務分類 / 媒体 / リスク and by words done on
// the server, a friendly empty result, and the print view with every matching row and no buttons.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
const ROWS = 120;
let server;
let owner;
let orgId;

function rowsOn(html) {
  return (html.match(/<tr id="asset-\d+">/g) || []).length;
}

before(async () => {
  server = await startServer();
  server.createUser('paging-owner@example.jp', PASSWORD);
  owner = new ApiClient(server.base);
  await owner.signIn('paging-owner@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: '台帳ページ株式会社', industry: 'retail', capital_yen: 10000000, employees: 20 } })).data.id;
  const page = await owner.request('GET', `/orgs/${orgId}/risk/assets`);
  const added = await postForm(owner, `/orgs/${orgId}/risk/assets/template`, { _csrf: csrfFrom(page.text), template_id: 'guideline_example' });
  assert.equal(added.status, 303, added.text.slice(0, 300));

  // Grow the register to ROWS rows by importing copies of the template rows under new names.
  const csv = (await owner.request('GET', `/orgs/${orgId}/risk/export.csv`)).text.replace(/^\uFEFF/, '');
  const [header, ...data] = csv.split(/\r?\n/).filter((line) => line.length > 0);
  const lines = [header];
  for (let i = 0; i < ROWS; i++) {
    const cells = data[i % data.length].split(',');
    cells[1] = `台帳行${String(i + 1).padStart(3, '0')}`;
    lines.push(cells.join(','));
  }
  const importPage = await owner.request('GET', `/orgs/${orgId}/risk/import`);
  const form = new FormData();
  form.append('_csrf', csrfFrom(importPage.text));
  form.append('file', new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv' }), 'register.csv');
  const response = await fetch(`${server.base}/orgs/${orgId}/risk/import/commit`, { method: 'POST', body: form, headers: { Cookie: owner.cookieHeader() }, redirect: 'manual' });
  assert.equal(response.status, 303, (await response.text()).slice(0, 500));
});
after(async () => { await server.stop(); });

test('the register opens on 50 rows with the count and page links', async () => {
  const first = await owner.request('GET', `/orgs/${orgId}/risk/assets`);
  assert.equal(first.status, 200);
  assert.equal(rowsOn(first.text), 50);
  assert.match(first.text, new RegExp(`${ROWS}件のうち 1〜50件目`));
  assert.match(first.text, /<nav class="pagination"/);
  assert.match(first.text, /href="[^"]*page=2" rel="next"/);

  const last = await owner.request('GET', `/orgs/${orgId}/risk/assets?page=3`);
  assert.equal(rowsOn(last.text), ROWS - 100);
  assert.match(last.text, /rel="prev"/);
  assert.doesNotMatch(last.text, /rel="next"/);
  assert.match(last.text, /aria-current="page"><span class="visually-hidden">ページ <\/span>3</);

  const beyond = await owner.request('GET', `/orgs/${orgId}/risk/assets?page=999`);
  assert.equal(rowsOn(beyond.text), ROWS - 100, 'a page beyond the last shows the last');
  const nonsense = await owner.request('GET', `/orgs/${orgId}/risk/assets?page=abc`);
  assert.equal(rowsOn(nonsense.text), 50);
});

test('filters and search are done on the server and kept by the page links', async () => {
  const searched = await owner.request('GET', `/orgs/${orgId}/risk/assets?q=${encodeURIComponent('台帳行10')}`);
  // 台帳行100 … 台帳行109 contain 台帳行10 (台帳行010 does not).
  assert.equal(rowsOn(searched.text), 10);
  assert.match(searched.text, /10件のうち 1〜10件目/);
  assert.match(searched.text, /条件を外す/);

  const none = await owner.request('GET', `/orgs/${orgId}/risk/assets?q=${encodeURIComponent('存在しない名前')}`);
  assert.equal(rowsOn(none.text), 0);
  assert.match(none.text, /条件に合う情報資産はありません/);

  const byLevel = await owner.request('GET', `/orgs/${orgId}/risk/assets?level=high&sort=risk`);
  assert.equal(byLevel.status, 200);
  const highRows = rowsOn(byLevel.text);
  const options = [...byLevel.text.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(options.includes('high') && options.includes('none'), options.join(','));
  if (highRows === 50) assert.match(byLevel.text, /href="[^"]*sort=risk[^"]*level=high[^"]*page=2"|href="[^"]*level=high[^"]*page=2"/);

  // Every medium offered leads to at least one row.
  const media = [...byLevel.text.match(/<select id="filter-medium"[\s\S]*?<\/select>/)[0].matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(media.length > 0);
  let total = 0;
  for (const medium of media) {
    const page = await owner.request('GET', `/orgs/${orgId}/risk/assets/print?medium=${encodeURIComponent(medium)}`);
    const rows = rowsOn(page.text);
    assert.ok(rows > 0, medium);
    total += rows;
  }
  assert.equal(total, ROWS, 'the media split the register');
});

test('the print view shows every matching row without buttons or forms', async () => {
  const all = await owner.request('GET', `/orgs/${orgId}/risk/assets/print`);
  assert.equal(all.status, 200);
  assert.equal(rowsOn(all.text), ROWS);
  assert.doesNotMatch(all.text, /\/duplicate"|assets\/template|filter-q/, "no row actions, templates or filter form");
  assert.match(all.text, /情報資産管理台帳に戻る/);
  const filtered = await owner.request('GET', `/orgs/${orgId}/risk/assets/print?q=${encodeURIComponent('台帳行11')}`);
  assert.equal(rowsOn(filtered.text), 10);
  assert.match(filtered.text, new RegExp(`条件に合う情報資産：10件（登録 ${ROWS}件）`));
});
