// The UI language (issue 7 contract): ?lang= (remembered in a cookie, and as
// the user's setting when signed in), then the user's setting, then the
// cookie, then Accept-Language, then Japanese; <html lang> follows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, formSignIn, csrfFrom, postForm } from '../support/server.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
before(async () => {
  server = await startServer();
  server.createUser('lang@example.jp', PASSWORD);
  server.createUser('other@example.jp', PASSWORD);
});
after(async () => { await server.stop(); });

const htmlLang = (html) => (html.match(/<html lang="([a-z]+)">/) || [])[1];

test('GET /?lang=en without a session is the English login page', async () => {
  const client = new ApiClient(server.base);
  const page = await client.request('GET', '/?lang=en');
  assert.equal(page.status, 200);
  assert.equal(htmlLang(page.text), 'en');
  assert.match(page.text, /Skip to main content/);
  // The switch offers Japanese, named in Japanese.
  assert.match(page.text, /hreflang="ja" lang="ja">日本語</);
  assert.equal(client.cookies.get('mamori_lang'), 'en');
});

test('without any choice the UI is Japanese; Accept-Language can ask for English', async () => {
  const plain = await new ApiClient(server.base).request('GET', '/login');
  assert.equal(htmlLang(plain.text), 'ja');
  assert.match(plain.text, /本文へ移動/);
  const english = await new ApiClient(server.base).request('GET', '/login', { headers: { 'Accept-Language': 'en-GB,en;q=0.9,ja;q=0.5' } });
  assert.equal(htmlLang(english.text), 'en');
  const french = await new ApiClient(server.base).request('GET', '/login', { headers: { 'Accept-Language': 'fr-FR' } });
  assert.equal(htmlLang(french.text), 'ja');
});

test('after login with ?lang=en the pages stay English, and the choice becomes the user setting', async () => {
  const client = new ApiClient(server.base);
  await client.request('GET', '/login?lang=en');
  const csrf = csrfFrom((await client.request('GET', '/login')).text);
  const login = await client.request('POST', '/login', {
    body: new URLSearchParams({ _csrf: csrf, email: 'lang@example.jp', password: PASSWORD }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    csrf: false,
  });
  assert.equal(login.status, 303);
  const orgs = await client.request('GET', '/orgs');
  assert.equal(orgs.status, 200);
  assert.equal(htmlLang(orgs.text), 'en');
  assert.match(orgs.text, /Log out/);

  // Choosing English while signed in is remembered on the account: a new
  // browser without the cookie still gets English.
  await client.request('GET', '/orgs?lang=en');
  const elsewhere = new ApiClient(server.base);
  assert.equal((await formSignIn(elsewhere, 'lang@example.jp', PASSWORD)).status, 303);
  elsewhere.cookies.delete('mamori_lang');
  const page = await elsewhere.request('GET', '/orgs', { headers: { 'Accept-Language': 'ja' } });
  assert.equal(htmlLang(page.text), 'en', 'the user setting wins over Accept-Language');

  // Switching back to Japanese is remembered the same way.
  await elsewhere.request('GET', '/orgs?lang=ja');
  elsewhere.cookies.delete('mamori_lang');
  assert.equal(htmlLang((await elsewhere.request('GET', '/orgs')).text), 'ja');
});

test('one user\'s setting does not change another user\'s pages', async () => {
  const other = new ApiClient(server.base);
  assert.equal((await formSignIn(other, 'other@example.jp', PASSWORD)).status, 303);
  assert.equal(htmlLang((await other.request('GET', '/orgs')).text), 'ja');
});

test('API errors speak the request\'s language', async () => {
  const client = new ApiClient(server.base);
  assert.equal((await client.signIn('other@example.jp', PASSWORD)).status, 200);
  const japanese = await client.request('POST', '/api/v1/orgs', { json: { name: 'x' }, csrf: false });
  assert.equal(japanese.status, 403);
  assert.match(japanese.data.error.message, /X-CSRF-Token ヘッダー/);
  const english = await client.request('POST', '/api/v1/orgs?lang=en', { json: { name: 'x' }, csrf: false });
  assert.equal(english.status, 403);
  assert.match(english.data.error.message, /The X-CSRF-Token header is missing/);
});

test('the document language is chosen per organisation, apart from the UI language', async () => {
  const client = new ApiClient(server.base);
  assert.equal((await formSignIn(client, 'other@example.jp', PASSWORD)).status, 303);
  const org = await client.request('POST', '/api/v1/orgs', {
    json: { name: '文書言語テスト株式会社', industry: 'retail', capital_yen: 10000000, employees: 5 },
    headers: { 'X-CSRF-Token': csrfFrom((await client.request('GET', '/orgs')).text) },
  });
  assert.equal(org.status, 201, org.text);
  const profilePath = `/orgs/${org.data.id}/profile`;
  let profile = await client.request('GET', profilePath);
  assert.match(profile.text, /id="document-locale-ja" name="document_locale" value="ja" checked/);
  const csrf = csrfFrom(profile.text);
  const form = (fields) => client.request('POST', `/orgs/${org.data.id}/document-language`, {
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    csrf: false,
  });
  assert.equal((await form({ _csrf: csrf, document_locale: 'en' })).status, 303);
  profile = await client.request('GET', profilePath);
  assert.match(profile.text, /id="document-locale-en" name="document_locale" value="en" checked/);
  // The UI stays Japanese for this user.
  assert.equal(htmlLang(profile.text), 'ja');
  assert.equal((await form({ _csrf: csrf, document_locale: 'fr' })).status, 400);
  assert.equal((await form({ document_locale: 'en' })).status, 403, 'CSRF is checked');
  // The change is in the audit log.
  const audit = await client.request('GET', `/orgs/${org.data.id}/audit`);
  assert.match(audit.text, /org\.document_language|文書の言語/);
});

test('the basic policy is written in the document language while the UI stays Japanese', async () => {
  const client = new ApiClient(server.base);
  assert.equal((await formSignIn(client, 'lang@example.jp', PASSWORD)).status, 303);
  await client.request('GET', '/orgs?lang=ja');
  const org = await client.request('POST', '/api/v1/orgs', {
    json: { name: 'Document Language KK', industry: 'retail', capital_yen: 10000000, employees: 5 },
    headers: { 'X-CSRF-Token': csrfFrom((await client.request('GET', '/orgs')).text) },
  });
  assert.equal(org.status, 201, org.text);
  const base = `/orgs/${org.data.id}`;
  const csrf = csrfFrom((await client.request('GET', `${base}/profile`)).text);
  assert.equal((await postForm(client, `${base}/document-language`, { _csrf: csrf, document_locale: 'en' })).status, 303);

  const editor = await client.request('GET', `${base}/policy`);
  assert.equal(htmlLang(editor.text), 'ja');
  assert.match(editor.text, /Basic Information Security Policy/, 'the preview is the English template');
  assert.match(editor.text, /value="Representative Director"/, 'the default title comes from the English template');
  const fields = [
    ['_csrf', csrf], ['company_name', 'Document Language KK'], ['scope', "the Company's own information assets"],
    ...['management_responsibility', 'internal_structure', 'employee_efforts', 'legal_compliance', 'incident_response']
      .map((id) => ['clause_ids', id]),
    ['established_on_year', '2025'], ['established_on_month', '4'], ['established_on_day', '1'],
    ['representative_title', 'Representative Director'], ['representative_name', 'Taro Yamada'],
  ];
  const saved = await postForm(client, `${base}/policy`, fields);
  assert.equal(saved.status, 303, saved.text.slice(0, 300));

  const print = await client.request('GET', `${base}/policy/print`);
  assert.equal(print.status, 200);
  assert.equal(htmlLang(print.text), 'ja', 'the page around the document is in the UI language');
  assert.match(print.text, /<title>情報セキュリティ基本方針 第1版（下書き）（印刷用）/);
  assert.match(print.text, /Established: 1\/4\/2025|Version 1/, 'the document itself is English');
  assert.doesNotMatch(print.text, /制定日：/);

  const pdf = await client.request('GET', `${base}/policy.pdf`);
  assert.equal(pdf.status, 200);
  const disposition = pdf.headers.get('content-disposition');
  assert.match(decodeURIComponent(disposition), /Basic-information-security-policy_version-1_draft\.pdf/);
});
