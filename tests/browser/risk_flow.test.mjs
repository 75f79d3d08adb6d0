// Browser test of the 詳細リスク分析 (issue 3): add three assets, answer the
// 対策状況チェック, see a 大 risk, plan measures in the what-if and see the
// risk fall to 中 — while the real answers stay as they were. axe-core
// checks the register, asset form, check, results and what-if pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient } from '../support/server.mjs';
import { launchBrowser, axeViolations } from '../support/browser.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let browser;
let orgId;

before(async () => {
  server = await startServer();
  server.createUser('risk@example.jp', PASSWORD);
  const api = new ApiClient(server.base);
  await api.signIn('risk@example.jp', PASSWORD);
  const org = await api.request('POST', '/api/v1/orgs', { json: { name: 'リスク分析株式会社', industry: 'services', capital_yen: 5000000, employees: 9 } });
  orgId = org.data.id;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectNoViolations(page, label) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${label}: ${JSON.stringify(violations, null, 2)}`);
}

async function addAsset(page, { category, name, medium, personal, c, i, a }) {
  await page.goto(`${server.base}/orgs/${orgId}/risk/assets/new`);
  await page.getByLabel('業務分類').fill(category);
  await page.getByLabel('情報資産名称').fill(name);
  await page.locator('#medium').selectOption(medium);
  if (personal) await page.locator('#personal_info').check();
  await page.locator(`#confidentiality-${c}`).check();
  await page.locator(`#integrity-${i}`).check();
  await page.locator(`#availability-${a}`).check();
  await page.getByRole('button', { name: '情報資産を登録する' }).click();
  await page.waitForLoadState('load');
}

test('three assets, the check answered, a 大 risk that the what-if brings down to 中', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('メールアドレス').fill('risk@example.jp');
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL(/\/orgs\/\d+$/);

  await page.goto(`${server.base}/orgs/${orgId}/risk/assets/new`);
  await expectNoViolations(page, 'asset form');
  await addAsset(page, { category: '人事', name: '従業員名簿', medium: 'office_pc', personal: true, c: 2, i: 2, a: 1 });
  await addAsset(page, { category: '営業', name: '見積書', medium: 'paper', personal: false, c: 1, i: 1, a: 0 });
  await addAsset(page, { category: '営業', name: '顧客リスト', medium: 'server', personal: false, c: 2, i: 1, a: 1 });

  await page.goto(`${server.base}/orgs/${orgId}/risk/assets`);
  const register = await page.locator('main').innerText();
  for (const name of ['従業員名簿', '見積書', '顧客リスト']) assert.match(register, new RegExp(name));
  await expectNoViolations(page, 'register');

  // Answer every check item "3: 実施していない・わからない", one category form at a time.
  await page.goto(`${server.base}/orgs/${orgId}/risk/check`);
  await expectNoViolations(page, 'check page');
  const formCount = await page.locator('form[action*="/check?category="]').count();
  assert.ok(formCount >= 10, `one form per category (found ${formCount})`);
  for (let idx = 0; idx < formCount; idx++) {
    const form = page.locator('form[action*="/check?category="]').nth(idx);
    const radios = form.locator('input[type="radio"][value="3"]');
    const count = await radios.count();
    for (let r = 0; r < count; r++) await radios.nth(r).check();
    await form.locator('button[type="submit"]').click();
    await page.waitForLoadState('load');
    await page.goto(`${server.base}/orgs/${orgId}/risk/check`);
  }
  assert.match(await page.locator('main').innerText(), /回答済み\s*55\s*／\s*55/);

  // With nothing in place, the personal-data register on the office PC is a 大 risk.
  await page.goto(`${server.base}/orgs/${orgId}/risk/results`);
  const results = await page.locator('main').innerText();
  assert.match(results, /従業員名簿/);
  assert.ok(await page.locator('.risk-level--high').count() > 0, 'a 大 risk is shown');
  assert.ok(await page.locator('svg[role="img"]').count() > 0, 'the heat map is drawn');
  // The largest risk is the largest 重要度 × 被害発生可能性, not the 「起こりやすい」 one (issue 6).
  assert.doesNotMatch(results, /起こりやすい/);
  assert.match(results, /深刻な事故が起きる可能性大/);
  await expectNoViolations(page, 'results page');

  // What-if: plan every measure as done.
  await page.goto(`${server.base}/orgs/${orgId}/risk/whatif`);
  await expectNoViolations(page, 'what-if page');
  const plans = page.locator('input[type="checkbox"][id^="plan-"]');
  const planCount = await plans.count();
  assert.ok(planCount > 0, 'unimplemented measures are offered for planning');
  for (let idx = 0; idx < planCount; idx++) await plans.nth(idx).check();
  await page.getByRole('button', { name: '結果を見る' }).click();
  await page.waitForLoadState('load');
  const falls = page.locator('tr.whatif-change', { hasText: '従業員名簿' });
  assert.ok(await falls.count() > 0, 'the register risk changes');
  const text = await falls.first().innerText();
  assert.match(text, /大\s*→\s*中/);

  // The real answers are untouched: the results page still shows the 大 risk.
  await page.goto(`${server.base}/orgs/${orgId}/risk/results`);
  assert.ok(await page.locator('.risk-level--high').count() > 0, 'planned answers never overwrite real ones');
  await context.close();
});
