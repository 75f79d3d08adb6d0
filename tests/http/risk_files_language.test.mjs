// HTTP tests of the register files and the document language (issue 7): a
// firm whose documents are in English downloads its register in English,
// while the person downloading reads the UI in Japanese; that file imports
// again, and the import page tells problems in the reader's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let owner;
let orgId;

before(async () => {
  server = await startServer();
  server.createUser('files-owner@example.jp', PASSWORD);
  owner = new ApiClient(server.base);
  await owner.signIn('files-owner@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: '文書言語台帳株式会社', industry: 'wholesale', capital_yen: 30000000, employees: 40 } })).data.id;
  const page = await owner.request('GET', `/orgs/${orgId}/risk/assets`);
  const added = await postForm(owner, `/orgs/${orgId}/risk/assets/template`, { _csrf: csrfFrom(page.text), template_id: 'guideline_example' });
  assert.equal(added.status, 303, added.text.slice(0, 500));
});
after(async () => { await server.stop(); });

async function setDocumentLanguage(locale) {
  const profile = await owner.request('GET', `/orgs/${orgId}/profile`);
  const changed = await postForm(owner, `/orgs/${orgId}/document-language`, { _csrf: csrfFrom(profile.text), document_locale: locale });
  assert.equal(changed.status, 303, changed.text.slice(0, 300));
}

async function upload(path, csrf, filename, content, type, lang = 'ja') {
  const form = new FormData();
  form.append('_csrf', csrf);
  form.append('file', new Blob([content], { type }), filename);
  const headers = { Cookie: owner.cookieHeader(), 'Accept-Language': lang };
  const response = await fetch(`${server.base}${path}?lang=${lang}`, { method: 'POST', body: form, headers, redirect: 'manual' });
  return { status: response.status, text: await response.text() };
}

const firstLine = (csv) => csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0];

test('files follow the organisation\'s document language, and an English file imports again', async () => {
  const japanese = await owner.request('GET', `/orgs/${orgId}/risk/export.csv`);
  assert.equal(japanese.status, 200);
  assert.match(firstLine(japanese.text), /^業務分類,情報資産名称,備考,/);
  assert.match(japanese.headers.get('content-disposition'), /filename\*=UTF-8''%E6%83%85%E5%A0%B1/, '情報資産管理台帳_….csv');

  await setDocumentLanguage('en');
  const english = await owner.request('GET', `/orgs/${orgId}/risk/export.csv`);
  assert.equal(english.status, 200);
  assert.match(firstLine(english.text), /^Business area,Information asset name,Notes,/);
  assert.doesNotMatch(firstLine(english.text), /[\u3040-\u30ff\u4e00-\u9fff]/);
  assert.match(english.headers.get('content-disposition'), /filename\*=UTF-8''Asset%20register_/);
  const results = await owner.request('GET', `/orgs/${orgId}/risk/results.csv`);
  assert.match(results.text, /\r\n\(1\) /, 'categories numbered the English way');
  const xlsx = await owner.request('GET', `/orgs/${orgId}/risk/export.xlsx`);
  assert.equal(xlsx.status, 200);

  // The English file goes back in through the (Japanese) import page.
  const importPage = await owner.request('GET', `/orgs/${orgId}/risk/import`);
  const csrf = csrfFrom(importPage.text);
  const preview = await upload(`/orgs/${orgId}/risk/import/preview`, csrf, 'english.csv', english.text, 'text/csv');
  assert.equal(preview.status, 200, preview.text.slice(0, 500));
  assert.match(preview.text, /問題は見つかりませんでした/);

  // A bad cell in the English file: the place as the file names it, the problem in the reader's language.
  const lines = english.text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.length > 0);
  const bad = [lines[0], 'Sales,Quotes,,,Sales,paper,No,No,No,9,1,1,No,,,'].join('\n');
  const inJapanese = await upload(`/orgs/${orgId}/risk/import/preview`, csrf, 'bad.csv', bad, 'text/csv', 'ja');
  assert.equal(inJapanese.status, 400);
  assert.match(inJapanese.text, /Confidentiality/);
  assert.match(inJapanese.text, /「9」は範囲外です。/);
  const inEnglish = await upload(`/orgs/${orgId}/risk/import/preview`, csrf, 'bad.csv', bad, 'text/csv', 'en');
  assert.equal(inEnglish.status, 400);
  assert.match(inEnglish.text, /&quot;9&quot; is out of range\.|"9" is out of range\./);

  const commit = await upload(`/orgs/${orgId}/risk/import/commit`, csrf, 'english.csv', english.text, 'text/csv');
  assert.equal(commit.status, 303, commit.text.slice(0, 300));
  await setDocumentLanguage('ja');
});
