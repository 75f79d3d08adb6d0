// Browser test of the 診断結果 (issue 6): in one category of the 対策状況
// チェック, 2 items 実施している, 1 一部実施している, 1 実施していない and the
// rest 自社に該当しない give 62.5% — one decimal place, as the sheet prints
// it — beside ○ and 「対策を規定して下さい」; a category with every item done
// still says 「対策を規定して下さい」 at 100.0%. axe-core checks both pages.
// (The self-diagnosis has its own browser test; this one covers 付録7 only.)
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
  server.createUser('rate@example.jp', PASSWORD);
  const api = new ApiClient(server.base);
  await api.signIn('rate@example.jp', PASSWORD);
  const org = await api.request('POST', '/api/v1/orgs', { json: { name: '実施率株式会社', industry: 'retail', capital_yen: 10000000, employees: 8 } });
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

// Answers the items of one category form in page order, then saves it.
async function answerCategory(page, categoryId, answers) {
  await page.goto(`${server.base}/orgs/${orgId}/risk/check`);
  const form = page.locator(`form[action$="/check?category=${categoryId}"]`);
  const fieldsets = form.locator('fieldset');
  const count = await fieldsets.count();
  assert.ok(count >= answers.length, `${categoryId} has ${count} items`);
  for (let idx = 0; idx < count; idx++) {
    const value = idx < answers.length ? answers[idx] : answers[answers.length - 1];
    await fieldsets.nth(idx).locator(`input[type="radio"][value="${value}"]`).check();
  }
  await form.locator('button[type="submit"]').click();
  await page.waitForLoadState('load');
  return count;
}

test('2 done, 1 partial, 1 not done and the rest not applicable show 62.5% and 対策を規定して下さい', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('メールアドレス').fill('rate@example.jp');
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL(/\/orgs\/\d+$/);

  // The check has the sheet's 55 items, numbered by its categories: 物理的セキュリティ対策 is （6）.
  await page.goto(`${server.base}/orgs/${orgId}/risk/check`);
  const check = await page.locator('main').innerText();
  assert.match(check, /回答済み\s*0\s*／\s*55/);
  assert.match(check, /（6）物理的セキュリティ対策/);
  assert.match(check, /高いセキュリティを確保する区域には、許可された者以外は接近できないような保護措置がなされていますか？/);
  await expectNoViolations(page, 'check page');

  // （3）情報資産管理: 実施している ×2, 一部実施している, 実施していない, then 自社に該当しない for the rest.
  const assetItems = await answerCategory(page, 'asset_management', [1, 1, 2, 3, 4]);
  assert.ok(assetItems > 4, 'the category has items left to answer 自社に該当しない');
  // （4）アクセス制御及び認証: every item 実施している.
  await answerCategory(page, 'access_control', [1]);

  await page.goto(`${server.base}/orgs/${orgId}/risk/results`);
  const table = page.locator('table.risk-category-table');
  const headers = await table.locator('thead').innerText();
  assert.match(headers, /付録５ 情報セキュリティ関連規程による対策規定の要否/);
  assert.match(headers, /対策の実施率/);

  const assetRow = table.locator('tbody tr', { hasText: '（3）情報資産管理' });
  assert.equal(await assetRow.count(), 1);
  assert.equal((await assetRow.locator('.risk-rate').innerText()).trim(), '62.5%');
  assert.match(await assetRow.innerText(), /○/);
  assert.equal((await assetRow.locator('.risk-advice').innerText()).trim(), '対策を規定して下さい');

  // ○ still asks for the measures to be written down when everything is done.
  const accessRow = table.locator('tbody tr', { hasText: '（4）アクセス制御及び認証' });
  assert.equal((await accessRow.locator('.risk-rate').innerText()).trim(), '100.0%');
  assert.match(await accessRow.innerText(), /○/);
  assert.equal((await accessRow.locator('.risk-advice').innerText()).trim(), '対策を規定して下さい');

  // A category nobody answered has no rate yet.
  const incidentRow = table.locator('tbody tr', { hasText: '（10）情報セキュリティインシデント対応ならびに事業継続管理' });
  assert.equal((await incidentRow.locator('.risk-rate').innerText()).trim(), '—');

  await expectNoViolations(page, 'results page');

  // The CSV of the diagnosis writes the rate the same way.
  const csv = await page.evaluate(async (url) => (await fetch(url)).text(), `${server.base}/orgs/${orgId}/risk/results.csv`);
  assert.match(csv, /（3）情報資産管理,○,62\.5%,対策を規定して下さい/);
  assert.match(csv, /（4）アクセス制御及び認証,○,100\.0%,対策を規定して下さい/);
  await context.close();
});
