// Browser test of English as the second language (issue 7): a user who reads
// English (browser locale en-GB, ?lang=en) logs in, registers an
// organisation and walks the pages of the app with data on them (a
// self-assessment round with answers, a high risk with a late treatment).
// On each page axe-core must find nothing, <html lang> must be "en", the
// page's own text (headings and buttons from the templates) must be English,
// no sentence of the Japanese page-text catalog may show, and no Japanese at
// all may show outside user data (English here), the 日本語 language switch
// (lang="ja"), the firm's documents shown in their own language (marked
// lang="ja": the policy preview) and bracketed terms such as "Detailed risk
// analysis (詳細リスク分析)".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, ApiClient } from '../support/server.mjs';
import { launchBrowser, axeViolations } from '../support/browser.mjs';
import { Authenticator } from '../support/totp.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
const EMAIL = 'english@example.com';
const ORG_NAME = 'Mamori Trading Ltd';  // user data in English, so it adds no Japanese
let server;
let browser;

// The same ranges as ContainsJapanese in src/core/i18n/japanese_text.cpp.
const JAPANESE = /[\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF5E\uFF61-\uFF9F]+/g;

// Text with the bracketed parts removed: （…） (…) 「…」, innermost first, so a
// Japanese term kept in brackets beside its English does not count.
function withoutBracketedText(text) {
  let previous;
  let current = text;
  do {
    previous = current;
    current = current.replace(/（[^（）]*）|\([^()]*\)|「[^「」]*」/g, ' ');
  } while (current !== previous);
  return current;
}

// Every run of Japanese characters left on the page: visible text and
// aria-label/title attributes, outside elements marked lang="ja" (the
// language switch, the brand) and outside brackets.
async function japaneseFragments(page) {
  const texts = await page.evaluate(() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[lang="ja"], script, style, template')) continue;
      found.push(node.textContent);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title]')) {
      if (element.closest('[lang="ja"]')) continue;
      for (const name of ['aria-label', 'title']) {
        if (element.hasAttribute(name)) found.push(element.getAttribute(name));
      }
    }
    found.push(document.title);
    return found;
  });
  const fragments = new Set();
  for (const text of texts) {
    for (const match of withoutBracketedText(text).matchAll(JAPANESE)) fragments.add(match[0]);
  }
  return [...fragments];
}

// The Japanese sentences of the template catalogs (this change's own files);
// none of them may reach an English page. Only sentences (8 characters with 。
// or 、, or 20
// characters) count: a title or label built in C++ may share a short
// phrase such as 情報セキュリティ基本方針 until it uses the catalog.
function templateSentences() {
  const sentences = new Set();
  for (const area of ['auth', 'orgs', 'five_articles', 'selfcheck', 'policy', 'risk']) {
    const text = readFileSync(new URL(`../../content/messages/ja/${area}.yaml`, import.meta.url), 'utf8');
    for (const line of text.split('\n')) {
      const value = line.match(/^\s+[a-z0-9_]+: (".*")$/);
      if (!value) continue;
      const message = JSON.parse(value[1]).replace(/\{\{[^}]*\}\}|<[^>]*>/g, '\n');
      for (const piece of withoutBracketedText(message).split('\n')) {
        for (const run of piece.matchAll(JAPANESE)) if ((/[。、]/.test(run[0]) && run[0].length >= 8) || run[0].length >= 20) sentences.add(run[0]);
      }
    }
  }
  return [...sentences];
}

before(async () => {
  server = await startServer();
  server.createUser(EMAIL, PASSWORD, { admin: true });  // so the installation page is walked too
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the withoutBracketedText helper keeps only unbracketed text', () => {
  assert.equal(withoutBracketedText('Detailed risk analysis (詳細リスク分析)').trim(), 'Detailed risk analysis');
  assert.equal(withoutBracketedText('Owner (経営者（代表）)').trim(), 'Owner');
  assert.equal(withoutBracketedText('「5か条」 done').trim(), 'done');
  assert.match(withoutBracketedText('未着手 (not started)'), /未着手/);
});

test('an English reader sees English pages from login to the risk analysis', async () => {
  const sentences = templateSentences();
  assert.ok(sentences.length > 50, `the Japanese catalog sentences were read (${sentences.length})`);
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  // Checks one page: axe-core, <html lang="en">, the expected English from
  // the template, no Japanese template sentence, and collects what is left.
  async function checkPage(label, expected) {
    const status = await page.evaluate(() => document.readyState);
    assert.equal(status, 'complete', `${label}: loaded`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', `${label}: <html lang="en">`);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${label}: ${JSON.stringify(violations, null, 2)}`);
    const main = await page.locator('main').innerText();
    for (const text of expected) assert.ok(main.includes(text), `${label}: shows "${text}"`);
    const body = await page.locator('body').innerText();
    for (const sentence of sentences) {
      assert.ok(!body.includes(sentence), `${label}: template text still in Japanese: ${sentence}`);
    }
    const fragments = await japaneseFragments(page);
    assert.deepEqual(fragments, [], `${label}: Japanese outside user data, the switch and brackets`);
  }

  await page.goto(`${server.base}/login?lang=en`);
  await checkPage('login', ['Log in', 'To use mamori, log in with the e-mail address and password you registered.']);
  await page.getByLabel('E-mail address').fill(EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/orgs$/);

  await checkPage('organisation list', ['Your organisations', 'Register an organisation', 'Organisation name (company name)']);
  await page.getByLabel('Organisation name (company name)').fill(ORG_NAME);
  await page.locator('#industry').selectOption('services');
  await page.getByLabel('Capital (yen)').fill('5000000');
  await page.getByLabel('Number of regular employees').fill('9');
  await page.getByRole('button', { name: 'Register an organisation' }).click();
  await page.waitForURL(/\/orgs\/\d+$/);
  const base = new URL(page.url()).pathname;

  await checkPage('dashboard', [`Information security at ${ORG_NAME}`, 'SECURITY ACTION ★1 (one star)', 'Latest self-assessment']);

  await page.goto(`${server.base}${base}/five-articles`);
  await checkPage('5 Principles', ['The 5 Principles of information security', 'Record the status', 'Save the status of the 5 principles']);

  // One principle done, on the one form of all five: the time it was saved shows in British English.
  await page.locator('input[name="a1-state"][value="done"]').check();
  await page.locator('input[name="a1-done_on_year"]').fill('2025');
  await page.locator('input[name="a1-done_on_month"]').fill('4');
  await page.locator('input[name="a1-done_on_day"]').fill('1');
  await page.locator('input[name="a1-responsible"]').fill('Ken Sato');
  await page.getByRole('button', { name: 'Save the status of the 5 principles' }).click();
  await page.waitForLoadState('load');
  await page.goto(`${server.base}${base}/five-articles`);
  await checkPage('5 Principles with one done', ['1 done']);
  assert.match(await page.locator('main').innerText(), /Last updated: \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d\d:\d\d/);

  await page.goto(`${server.base}${base}/selfcheck`);
  await checkPage('self-assessment overview', ['Self-assessment', 'Answers by department or site', 'Start a new assessment']);

  await page.goto(`${server.base}${base}/policy`);
  await checkPage('basic policy', ['Basic information security policy', 'Decide the content', 'Save draft']);
  // The preview is the document itself, in the organisation's document
  // language (Japanese by default) and marked as such; the page says so.
  assert.match(await page.locator('body').innerText(), /Documents are written in the organisation's document language \(日本語\)/);
  assert.equal(await page.locator('#policy-preview .document').getAttribute('lang'), 'ja');
  // The live preview rewrites only the date, in the document's own words.
  await page.locator('input[name="established_on_year"]').fill('2025');
  await page.locator('input[name="established_on_month"]').fill('4');
  await page.locator('input[name="established_on_day"]').fill('1');
  const established = page.locator('[data-part="established"]');
  await established.locator('time[datetime="2025-04-01"]').waitFor();
  assert.equal(await established.innerText(), '制定日：2025年4月1日');
  assert.match(await page.locator('[data-part="footer"]').innerText(), /^第1版・制定日 2025年4月1日・/);

  await page.goto(`${server.base}${base}/risk`);
  await checkPage('risk overview', ['Detailed risk analysis', 'How the analysis works']);

  await page.goto(`${server.base}${base}/risk/assets/new`);
  await checkPage('risk asset form', ['Register an information asset', 'Confidentiality, integrity and availability ratings']);
  await page.locator('#business_category').fill('Sales');
  await page.locator('#name').fill('Customer list');
  await page.locator('#medium').selectOption('server');
  await page.locator('#confidentiality-2').check();
  await page.locator('#integrity-1').check();
  await page.locator('#availability-1').check();
  await page.getByRole('button', { name: 'Register the information asset' }).click();
  await page.waitForLoadState('load');

  await page.goto(`${server.base}${base}/risk/assets`);
  await checkPage('risk register', ['Information asset register', 'Customer list', 'Add an information asset']);

  await page.goto(`${server.base}${base}/risk/check`);
  await checkPage('risk check', ['Check of measures', 'Sections']);

  await page.goto(`${server.base}${base}/risk/results`);
  await checkPage('risk results', ['Calculated for information assets: 1.', 'Implementation rate and need for rules by section']);

  await page.goto(`${server.base}${base}/risk/treatments`);
  await checkPage('risk treatments', ['Risk treatment']);

  await page.goto(`${server.base}${base}/risk/whatif`);
  await checkPage('risk what-if', ['What if the measures were in place?', 'Choose measures to mark as implemented']);

  // A second asset with personal data on an office PC: with no measures
  // answered it is a high risk, so the treatment pages have rows.
  await page.goto(`${server.base}${base}/risk/assets/new`);
  await page.locator('#business_category').fill('HR');
  await page.locator('#name').fill('Staff register');
  await page.locator('#medium').selectOption('office_pc');
  await page.locator('#personal_info').check();
  await page.locator('#confidentiality-2').check();
  await page.locator('#integrity-2').check();
  await page.locator('#availability-1').check();
  await page.getByRole('button', { name: 'Register the information asset' }).click();
  await page.waitForLoadState('load');

  await page.goto(`${server.base}${base}/risk/assets`);
  await checkPage('risk register with two assets', ['Staff register', String(new Date().getUTCFullYear())]);
  const assetHref = await page.getByRole('link', { name: 'Staff register' }).first().getAttribute('href');
  await page.goto(`${server.base}${assetHref}`);
  await checkPage('risk asset explanation', ['Staff register']);
  await page.goto(`${server.base}${assetHref}/edit`);
  await checkPage('risk asset edit form', ['Staff register']);

  await page.goto(`${server.base}${base}/risk/threats`);
  await checkPage('risk threats', []);

  await page.goto(`${server.base}${base}/risk/results`);
  await checkPage('risk results with a high risk', ['Staff register']);
  assert.ok(await page.locator('.risk-level--high').count() > 0, 'a high risk is shown');

  await page.goto(`${server.base}${base}/risk/treatments`);
  await checkPage('risk treatments with risks', ['Risk treatment', 'Staff register']);
  await page.locator('a[href*="/risk/treatments/"]').first().click();
  await page.waitForLoadState('load');
  await checkPage('risk treatment form', ['Staff register']);
  await page.locator('#decision-transfer').check();
  await page.locator('#measure').fill('Insure against leaks');
  await page.locator('input[name="due_on_year"]').fill('2020');
  await page.locator('input[name="due_on_month"]').fill('4');
  await page.locator('input[name="due_on_day"]').fill('1');
  await page.locator('form button[type="submit"]').last().click();
  await page.waitForLoadState('load');
  await page.goto(`${server.base}${base}/risk/treatments`);
  // The late measure's due date, in British English.
  await checkPage('risk treatments with a late measure', ['1 April 2020']);

  // What-if with every measure planned: the changed risks are listed with
  // their threats and levels.
  await page.goto(`${server.base}${base}/risk/whatif`);
  const plans = page.locator('input[type="checkbox"][id^="plan-"]');
  const planCount = await plans.count();
  assert.ok(planCount > 0, 'measures are offered for planning');
  for (let idx = 0; idx < planCount; idx++) await plans.nth(idx).check();
  await page.getByRole('button', { name: 'See the results' }).click();
  await page.waitForLoadState('load');
  await checkPage('risk what-if with a plan', ['Staff register']);

  // A page that does not exist, in English too.
  await page.goto(`${server.base}${base}/risk/assets/999999`);
  await checkPage('not found', []);

  await page.goto(`${server.base}${base}/risk/import`);
  await checkPage('risk import', []);

  // A self-assessment round opened by the first answers (unnamed, so each
  // page names it in the reader's language).
  const api = new ApiClient(server.base);
  assert.equal((await api.signIn(EMAIL, PASSWORD)).status, 200);
  const orgId = base.split('/')[2];
  const answers = {};
  for (let item = 1; item <= 25; item++) answers[String(item)] = ['implemented', 'partial', 'not_implemented', 'unknown'][item % 4];
  const posted = await api.request('POST', `/api/v1/orgs/${orgId}/selfchecks`, { json: { respondent: 'Sales', answers } });
  assert.equal(posted.status, 201, posted.text);

  await page.goto(`${server.base}${base}/selfcheck`);
  await checkPage('self-assessment overview with a round', ['Self-assessment no. 1', 'Sales']);
  await page.goto(`${server.base}${base}/selfcheck/result`);
  await checkPage('self-assessment result', ['Self-assessment no. 1', 'Total ', 'Not done']);
  await page.goto(`${server.base}${base}/selfcheck/answer?respondent=Sales`);
  await checkPage('self-assessment answer landing', ['Sales']);
  await page.goto(`${server.base}${base}/selfcheck/answer/q/2?respondent=Sales`);
  await checkPage('self-assessment question', ['Partly implemented']);
  await page.goto(`${server.base}${base}/selfcheck/answer/check?respondent=Sales`);
  await checkPage('self-assessment check', ['Partly implemented']);
  await page.goto(`${server.base}${base}/selfcheck/answer/done?respondent=Sales`);
  await checkPage('self-assessment sent', ['Sales', String(new Date().getUTCFullYear())]);

  await page.goto(`${server.base}${base}`);
  await checkPage('dashboard with data', [`Information security at ${ORG_NAME}`, 'Services', '¥5,000,000']);
  await page.goto(`${server.base}${base}/profile`);
  await checkPage('organisation profile', ['¥5,000,000']);
  await page.goto(`${server.base}${base}/members`);
  await checkPage('members', [EMAIL]);
  // An invitation: the members page shows its link, and the invited person
  // reading English sees the invitation page in English.
  await page.locator('#email').fill('viewer@example.com');
  await page.locator('#role-viewer').check();
  await page.locator('form[action$="/members"] button[type="submit"]').click();
  await page.waitForLoadState('load');
  await checkPage('members with an invitation', ['viewer@example.com']);
  const inviteLink = (await page.locator('#invite-link').innerText()).trim();
  const invited = await browser.newContext({ locale: 'en-GB' });
  const invitePage = await invited.newPage();
  await invitePage.goto(`${server.base}${new URL(inviteLink).pathname}?lang=en`);
  assert.equal(await invitePage.evaluate(() => document.documentElement.lang), 'en', 'invitation: <html lang="en">');
  assert.match(await invitePage.locator('main').innerText(), /Set your password/, 'invitation: the English page');
  assert.deepEqual(await axeViolations(invitePage), [], 'invitation: axe-core');
  assert.deepEqual(await japaneseFragments(invitePage), [], 'invitation: Japanese outside user data, the switch and brackets');
  await invited.close();
  // The documents are the firm's, in its document language (Japanese by
  // default) and marked so; everything around them is English.
  await page.goto(`${server.base}${base}/documents`);
  await checkPage('documents', ['Documents', 'The information security regulations you need']);
  await page.goto(`${server.base}${base}/continuity`);
  await checkPage('continuity', ['Business continuity (IT-BCP)', 'Gather and assume', 'No systems are registered yet.']);
  await page.goto(`${server.base}${base}/continuity/new`);
  await checkPage('continuity form', ['Add a system', 'Target time to restore']);
  await page.goto(`${server.base}${base}/documents/edit/handbook`);
  await checkPage('document editor', ['Fields to adapt to your company', 'Save as draft', 'Approval and publication']);
  await page.goto(`${server.base}${base}/documents/selfcheck_report`);
  await checkPage('document view', ['Download the PDF']);

  await page.goto(`${server.base}${base}/audit`);
  await checkPage('audit log', [EMAIL]);
  // The administration pages need two-step login on the administrator's own account: set it up
  // through the API in this browser's session (the page's _csrf is the session's token).
  await page.goto(`${server.base}/account`);
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const begun = await page.request.post(`${server.base}/api/v1/me/totp`, { headers: { 'X-CSRF-Token': csrf }, data: {} });
  assert.equal(begun.status(), 200, await begun.text());
  const authenticator = new Authenticator((await begun.json()).secret);
  const confirmed = await page.request.post(`${server.base}/api/v1/me/totp/confirm`,
    { headers: { 'X-CSRF-Token': csrf }, data: { code: await authenticator.nextCode() } });
  assert.equal(confirmed.status(), 200, await confirmed.text());
  await page.goto(`${server.base}/admin`);
  await checkPage('installation administration', [EMAIL]);

  await context.close();
});
