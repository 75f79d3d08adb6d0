// HTTP tests of the documents pages (issue 8): the list with states and the
// proposed regulations, one document as HTML, its PDF and DOCX; an
// organisation the user has no role in answers 404 on every route.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, answersAll } from '../support/server.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let owner;
let stranger;
let orgId;

before(async () => {
  server = await startServer();
  server.createUser('docs-owner@example.jp', PASSWORD);
  server.createUser('docs-stranger@example.jp', PASSWORD);
  owner = new ApiClient(server.base);
  await owner.signIn('docs-owner@example.jp', PASSWORD);
  stranger = new ApiClient(server.base);
  await stranger.signIn('docs-stranger@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: '文書テスト株式会社', industry: 'retail', capital_yen: 10000000, employees: 8 } })).data.id;
  const answers = answersAll('implemented');
  answers['3'] = 'unknown';
  answers['7'] = 'not_implemented';
  const posted = await owner.request('POST', `/api/v1/orgs/${orgId}/selfchecks`, { json: { respondent: '営業部', answers } });
  assert.equal(posted.status, 201, posted.text);
});
after(async () => { await server.stop(); });

test('the list shows every document with its state and the proposed regulations with reasons', async () => {
  const page = await owner.request('GET', `/orgs/${orgId}/documents`);
  assert.equal(page.status, 200, page.text.slice(0, 300));
  for (const title of ['情報セキュリティ基本方針', '自社診断の結果', '情報セキュリティ関連規程', 'もしもマニュアル', '緊急連絡カード']) {
    assert.ok(page.text.includes(title), `lists ${title}`);
  }
  assert.match(page.text, /見本（未編集）/, 'an unedited document is a sample');
  assert.match(page.text, new RegExp(`href="/orgs/${orgId}/documents/basic_policy\\.pdf"`));
  assert.match(page.text, new RegExp(`href="/orgs/${orgId}/documents/emergency_card\\.pdf"`), 'the card prints from the list');
  assert.match(page.text, /詳細リスク分析がまだないため、見本として含めています。/, 'a reason is given');
  assert.match(page.text, /aria-current="page"[^>]*>文書|>文書<\/a>/, 'the organisation menu has 文書');
});

test('a document shows as HTML and downloads as PDF and DOCX', async () => {
  const view = await owner.request('GET', `/orgs/${orgId}/documents/selfcheck_report`);
  assert.equal(view.status, 200);
  assert.match(view.text, /<link rel="stylesheet" href="\/document-styles\.css">/);
  assert.match(view.text, /自社診断の結果/);
  assert.match(view.text, /No\.3 /, 'the わからない item is listed');
  const styles = await owner.request('GET', '/document-styles.css');
  assert.equal(styles.status, 200);
  assert.match(styles.headers.get('content-type'), /text\/css/);

  const pdf = await fetch(`${server.base}/orgs/${orgId}/documents/basic_policy.pdf`, { headers: { Cookie: owner.cookieHeader() } });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const bytes = Buffer.from(await pdf.arrayBuffer());
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(pdf.headers.get('content-disposition'), /filename="basic_policy\.pdf"/);

  const docx = await fetch(`${server.base}/orgs/${orgId}/documents/selfcheck_report.docx`, { headers: { Cookie: owner.cookieHeader() } });
  assert.equal(docx.status, 200);
  const zip = Buffer.from(await docx.arrayBuffer());
  assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK', 'a DOCX is a ZIP container');
});

test('the incident manual shows in the page and the card downloads as PDF (issue 9)', async () => {
  const view = await owner.request('GET', `/orgs/${orgId}/documents/incident_manual`);
  assert.equal(view.status, 200);
  assert.match(view.text, /被害レベルと連絡先/);
  assert.match(view.text, /【対応責任者】/, 'nobody assigned yet: a blank to fill');
  const pdf = await fetch(`${server.base}/orgs/${orgId}/documents/emergency_card.pdf`, { headers: { Cookie: owner.cookieHeader() } });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const forbidden = await stranger.request('GET', `/orgs/${orgId}/documents/emergency_card`);
  assert.equal(forbidden.status, 404);
});

test('unknown kinds and other organisations answer 404', async () => {
  assert.equal((await owner.request('GET', `/orgs/${orgId}/documents/leaflet`)).status, 404);
  assert.equal((await owner.request('GET', `/orgs/${orgId}/documents/leaflet.pdf`)).status, 404);
  for (const path of ['', '/basic_policy', '/basic_policy.pdf', '/handbook.docx']) {
    const response = await stranger.request('GET', `/orgs/${orgId}/documents${path}`);
    assert.equal(response.status, 404, `stranger on documents${path}`);
    assert.doesNotMatch(response.text, /文書テスト株式会社/);
  }
});

test('the profile answers decide the regulations for a way of working', async () => {
  const before = await owner.request('GET', `/orgs/${orgId}/documents`);
  assert.match(before.text, /12 テレワークにおける対策[\s\S]*?今は不要[\s\S]*?テレワーク（在宅勤務など）をしている）に当てはまらないため/);
  const csrf = before.text.match(/name="_csrf" value="([^"]+)"/)[1];
  const form = (pairs) => owner.request('POST', `/orgs/${orgId}/documents/profile`, {
    body: new URLSearchParams(pairs).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    csrf: false,
  });
  assert.equal((await form([['_csrf', csrf], ['flag', 'telework'], ['flag', 'outsources']])).status, 303);
  const after = await owner.request('GET', `/orgs/${orgId}/documents?saved=profile`);
  assert.match(after.text, /id="flag-telework" name="flag" value="telework" checked/);
  assert.match(after.text, /12 テレワークにおける対策[\s\S]*?含める[\s\S]*?テレワーク（在宅勤務など）をしている）に当てはまるため必要です/);
  const refused = await form([['_csrf', csrf], ['flag', 'space_travel']]);
  assert.equal(refused.status, 400);
  assert.match(refused.text, /space_travel/);
  // The regulations document now holds the telework regulation.
  const html = await owner.request('GET', `/orgs/${orgId}/documents/regulations`);
  assert.match(html.text, /テレワークにおける対策/);
});

test('the document pack downloads as one ZIP with an index', async () => {
  const zip = await fetch(`${server.base}/orgs/${orgId}/documents.zip`, { headers: { Cookie: owner.cookieHeader() } });
  assert.equal(zip.status, 200);
  assert.equal(zip.headers.get('content-type'), 'application/zip');
  const bytes = Buffer.from(await zip.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  assert.ok(bytes.includes(Buffer.from('00_index.pdf')), 'the index is in the ZIP');
  assert.ok(bytes.includes(Buffer.from('03_regulations.docx')), 'numbered documents are in the ZIP');
  assert.equal((await stranger.request('GET', `/orgs/${orgId}/documents.zip`)).status, 404);
});

test('employees confirm reading the published handbook, and the 責任者 sees who has not', async () => {
  assert.equal((await owner.request('GET', `/orgs/${orgId}/handbook`)).status, 404, 'nothing to read before it is published');
  const editPath = `/orgs/${orgId}/documents/edit/handbook`;
  let editor = await owner.request('GET', editPath);
  const csrf = editor.text.match(/name="_csrf" value="([^"]+)"/)[1];
  const post = (path, pairs) => owner.request('POST', path, {
    body: new URLSearchParams(pairs).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    csrf: false,
  });
  const keep = [...editor.text.matchAll(/name="(keep\.[a-z0-9_]+)" value="1" checked/g)].map((m) => [m[1], '1']);
  assert.equal((await post(editPath, [['_csrf', csrf], ['revision', '0'], ...keep])).status, 303);
  for (const [action, revision] of [['submit', '1'], ['approve', '2'], ['publish', '3']]) {
    const changed = await post(`${editPath}/state`, [['_csrf', csrf], ['action', action], ['revision', revision]]);
    assert.equal(changed.status, 303, `${action}: ${changed.text.slice(0, 200)}`);
  }
  let page = await owner.request('GET', `/orgs/${orgId}/handbook`);
  assert.equal(page.status, 200);
  assert.match(page.text, /読みました/);
  assert.match(page.text, /まだ読んだことを知らせていない人：<\/p><ul><li>docs-owner<\/li>/);
  assert.equal((await post(`/orgs/${orgId}/handbook/read`, [['_csrf', csrf]])).status, 303);
  page = await owner.request('GET', `/orgs/${orgId}/handbook`);
  assert.match(page.text, /読んだことを記録しました/);
  assert.match(page.text, /全員が読んだことを知らせています/);
  assert.equal((await stranger.request('GET', `/orgs/${orgId}/handbook`)).status, 404);
  // Step 2's ハンドブック task is done once the handbook is published.
  const home = await owner.request('GET', `/orgs/${orgId}`);
  assert.match(home.text, /documents\/edit\/handbook/);
});

test('the handbook editor links each section to the diagnosis and refuses a bad rule naming the line', async () => {
  const editPath = `/orgs/${orgId}/documents/edit/handbook`;
  const editor = await owner.request('GET', editPath);
  assert.equal(editor.status, 200);
  // Item 3 was answered わからない, item 7 実施していない, item 1 実施している.
  const section = (id) => editor.text.slice(editor.text.indexOf(`id="rules-${id}"`), editor.text.indexOf('</fieldset>', editor.text.indexOf(`id="rules-${id}"`)));
  assert.match(section('item_03'), /最新の自社診断の回答： <span class="tag[^"]*">わからない<\/span>/);
  assert.match(section('item_07'), /実施していない/);
  assert.match(section('item_01'), /実施している/);
  // The countermeasures not yet among the rules are offered, each with its own button.
  assert.match(section('item_01'), /name="rule_action" value="add:item_01:2"/);
  assert.match(section('item_03'), /name="rule\.item_03\.0\.text" value="パスワードは\{\{password_min_length\}\}文字以上/);
  // The guideline's example sits beside the backup table, read-only and labelled.
  assert.match(editor.text, /<caption>ガイドラインの例（参考・編集できません）<\/caption>/);
  assert.match(editor.text, /<td>○○サーバー<\/td>/);

  const csrf = editor.text.match(/name="_csrf" value="([^"]+)"/)[1];
  const revision = editor.text.match(/name="revision" value="(\d+)"/)[1];
  const keep = [...editor.text.matchAll(/name="(keep\.[a-z0-9_]+)" value="1" checked/g)].map((m) => [m[1], '1']);
  const post = (pairs) => owner.request('POST', editPath, {
    body: new URLSearchParams([['_csrf', csrf], ['revision', revision], ...keep, ...pairs]).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    csrf: false,
  });
  let refused = await post([['rule.item_03.0.marker', 'maybe'], ['rule.item_03.0.text', 'パスワードを守る']]);
  assert.equal(refused.status, 400);
  assert.match(refused.text, /href="#rule\.item_03\.0\.marker"/);
  assert.match(refused.text, /ルールの印「maybe」はありません/);
  refused = await post([['rule.item_03.0.marker', 'must'], ['rule.item_03.0.text', 'あ'.repeat(200)]]);
  assert.equal(refused.status, 400);
  assert.match(refused.text, /href="#rule\.item_03\.0\.text"/);
  assert.match(refused.text, /400バイト/);
  // Nothing was saved by either.
  const after = await owner.request('GET', editPath);
  assert.equal(after.text.match(/name="revision" value="(\d+)"/)[1], revision);
});
