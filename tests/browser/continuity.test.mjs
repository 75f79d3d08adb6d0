// Browser test of the IT-BCP register (事業継続, issue 9): from the documents
// page the 責任者 opens the continuity page, is told which field is wrong,
// registers a system and sees it in the table. axe-core checks the empty
// page, the form with its error and the table.
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
  server.createUser('continuity@example.jp', PASSWORD);
  const api = new ApiClient(server.base);
  await api.signIn('continuity@example.jp', PASSWORD);
  const org = await api.request('POST', '/api/v1/orgs', { json: { name: '継続ブラウザ株式会社', industry: 'services', capital_yen: 10000000, employees: 20 } });
  orgId = org.data.id;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(page, label) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), [], `${label}: axe-core violations`);
}

test('a system is registered from the continuity page', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('メールアドレス').fill('continuity@example.jp');
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL(/\/orgs\/\d+$/);

  await page.goto(`${server.base}/orgs/${orgId}/documents`);
  await page.getByRole('link', { name: /事業継続（IT-BCP）/ }).click();
  await page.waitForURL(/\/continuity$/);
  assert.match(await page.locator('main').innerText(), /分析と課題の洗い出し/);
  await expectAccessible(page, 'empty continuity page');
  await page.getByRole('link', { name: 'システムを追加' }).click();

  await page.getByLabel(/システム名/).fill('販売管理システム');
  await page.getByLabel(/復旧の優先順位/).fill('いちばん');
  await page.getByLabel(/目標復旧時間/).fill('4時間以内');
  await page.getByRole('button', { name: '保存する' }).click();
  await page.waitForSelector('.error-summary');
  assert.match(await page.locator('.error-summary').innerText(), /復旧の優先順位は 1 から 99 まで/);
  await expectAccessible(page, 'continuity form with an error');

  await page.getByLabel(/復旧の優先順位/).fill('1');
  await page.getByLabel(/停止中の代替手段/).fill('紙の伝票で受注する');
  await page.getByRole('button', { name: '保存する' }).click();
  await page.waitForURL(/\/continuity\?done=created$/);
  const table = await page.getByRole('table', { name: /システムの一覧/ }).innerText();
  assert.match(table, /販売管理システム/);
  assert.match(table, /紙の伝票で受注する/);
  await expectAccessible(page, 'continuity table');
  await context.close();
});
