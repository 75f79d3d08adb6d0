// Browser test in headless Chromium (Debian's, driven by playwright-core):
// the 責任者 signs in, sets up two departments and invites a respondent for
// each; both answer the 25 questions on a phone-sized screen; the result page
// shows the aggregated score and the radar chart. axe-core checks the
// sign-in, question, result and policy pages for WCAG 2.1 A/AA violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launchBrowser, axeViolations, pageBasics } from '../support/browser.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let browser;

before(async () => {
  server = await startServer();
  server.createUser('owner@example.jp', PASSWORD);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(page, label) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${label}: ${JSON.stringify(violations, null, 2)}`);
  const basics = await pageBasics(page);
  assert.equal(basics.lang, 'ja', label);
  assert.equal(basics.h1Count, 1, `${label}: exactly one h1`);
  assert.equal(basics.placeholders, 0, `${label}: no placeholder attributes`);
  assert.equal(basics.positiveTabindex, 0, `${label}: no tabindex above 0`);
  assert.deepEqual(basics.unlabelled, [], `${label}: every input has a label`);
}

async function signIn(page, email, password) {
  await page.goto(`${server.base}/login`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログインする' }).click();
}

// Answers every question: `choice(item)` returns the radio id suffix.
async function answerAll(page, choice) {
  await page.getByRole('link', { name: '診断を始める' }).click();
  for (let item = 1; item <= 25; item++) {
    await page.waitForSelector('#answer-implemented');
    assert.match(await page.locator('body').innerText(), new RegExp(`質問 ?${item}／25`));
    await page.locator(`#answer-${choice(item)}`).check();
    await page.getByRole('button', { name: '次へ' }).click();
  }
  await page.getByRole('button', { name: '回答を送信する' }).click();
  await page.waitForLoadState('load');
}

test('two departments answer; the result shows the aggregate and the radar chart', async () => {
  const owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await owner.newPage();

  await page.goto(`${server.base}/`);
  await expectAccessible(page, 'sign-in page');
  await signIn(page, 'owner@example.jp', PASSWORD);

  // No organisation yet: register one.
  await page.getByLabel('組織名（会社名）').fill('株式会社ブラウザ商事');
  await page.getByLabel('業種').selectOption('retail');
  await page.getByLabel('資本金（円）').fill('10000000');
  await page.getByLabel('常時使用する従業員の数（人）').fill('12');
  await page.getByRole('button', { name: '組織を登録する' }).click();
  await page.waitForURL(/\/orgs\/\d+$/);
  const orgBase = new URL(page.url()).pathname;

  // Two departments, then one respondent for each.
  await page.goto(`${server.base}${orgBase}/profile`);
  for (const name of ['営業部', '製造部']) {
    await page.getByLabel('部署・事業所名').fill(name);
    await page.getByRole('button', { name: '部署・事業所を追加する' }).click();
    await page.waitForLoadState('load');
  }
  const links = {};
  for (const [email, department] of [['sales@example.jp', '営業部'], ['factory@example.jp', '製造部']]) {
    await page.goto(`${server.base}${orgBase}/members`);
    await page.getByLabel('メールアドレス').fill(email);
    await page.locator('#role-respondent').check();
    await page.getByLabel(/部署・事業所/).selectOption({ label: department });
    await page.getByRole('button', { name: '招待する' }).click();
    links[department] = (await page.locator('#invite-link').innerText()).trim();
    assert.match(links[department], /\/invite\/[A-Za-z0-9_-]+$/);
  }

  // Each respondent answers on a phone-sized screen.
  const choices = {
    // 営業部: everything done except item 2.
    営業部: (item) => (item === 2 ? 'not_implemented' : 'implemented'),
    // 製造部: everything done except item 3, which they do not know.
    製造部: (item) => (item === 3 ? 'unknown' : 'implemented'),
  };
  for (const department of ['営業部', '製造部']) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    await phone.goto(links[department]);
    await phone.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await phone.getByLabel('パスワード（確認のためもう一度）').fill(PASSWORD);
    await phone.getByRole('button', { name: 'パスワードを設定する' }).click();
    await phone.waitForLoadState('load');
    assert.match(await phone.locator('body').innerText(), new RegExp(department));
    if (department === '営業部') {
      await phone.getByRole('link', { name: '診断を始める' }).click();
      await phone.waitForSelector('#answer-implemented');
      await expectAccessible(phone, 'question page');
      const basics = await pageBasics(phone);
      assert.equal(basics.horizontalScroll, false, 'no horizontal scrolling on a phone');
      await phone.goBack();
    }
    await answerAll(phone, choices[department]);
    assert.match(await phone.locator('body').innerText(), /送信しました|送信済み/);
    await context.close();
  }

  // The aggregate: items 2 and 3 disagree → 一部実施 (2 points each): 23×4 + 2×2 = 96.
  await page.goto(`${server.base}${orgBase}/selfcheck/result`);
  assert.equal((await page.locator('#total-score').innerText()).trim(), '96');
  const radar = page.locator('svg.mamori-chart-radar');
  await assert.doesNotReject(radar.waitFor());
  assert.equal(await radar.getAttribute('role'), 'img');
  const radarTitle = await radar.locator('title').textContent();
  assert.ok(radarTitle && radarTitle.length > 0, 'the radar chart has an accessible name');
  const bodyText = await page.locator('body').innerText();
  assert.match(bodyText, /営業部/);
  assert.match(bodyText, /製造部/);
  assert.ok(await page.locator('table').count() >= 2, 'charts come with tables of the same numbers');
  await expectAccessible(page, 'result page');

  // The policy page.
  await page.goto(`${server.base}${orgBase}/policy`);
  await page.waitForSelector('#policy-preview');
  await expectAccessible(page, 'policy page');

  await owner.close();
});

test('a failed question post shows an error summary that takes focus', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'owner@example.jp', PASSWORD);
  await page.waitForURL(/\/orgs\/\d+$/);
  const orgBase = new URL(page.url()).pathname;
  await page.goto(`${server.base}${orgBase}/selfcheck/answer/q/1?respondent=${encodeURIComponent('総務部')}`);
  await page.getByRole('button', { name: '次へ' }).click();
  await page.waitForSelector('.error-summary');
  assert.match(await page.title(), /^エラー：/);
  await page.waitForLoadState('load');
  // The module script moves focus once it runs.
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), null, { timeout: 5000 });
  const href = await page.locator('.error-summary a').first().getAttribute('href');
  const target = page.locator(href);
  assert.ok(await target.count() > 0, 'the summary link points at a field');
  await context.close();
});
