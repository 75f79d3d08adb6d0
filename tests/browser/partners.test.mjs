// Browser test of the outsourcing-partner and cloud-service registers (issue 8):
// from the documents page the 責任者 opens the partner register, is told
// which field is wrong, registers a partner, opens its 機密保持条項 (with the
// partner's name filled in), and registers a cloud service with a cloud asset
// ticked. axe-core checks the list, the form with its error and the editor.
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
  server.createUser('partners@example.jp', PASSWORD);
  const api = new ApiClient(server.base);
  await api.signIn('partners@example.jp', PASSWORD);
  const org = await api.request('POST', '/api/v1/orgs', { json: { name: '委託元テスト株式会社', industry: 'services', capital_yen: 10000000, employees: 20 } });
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

test('a partner and a cloud service are registered and their documents opened', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('メールアドレス').fill('partners@example.jp');
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL(/\/orgs\/\d+$/);

  await page.goto(`${server.base}/orgs/${orgId}/documents`);
  await page.getByRole('link', { name: /委託先の台帳/ }).click();
  await page.waitForURL(/\/partners$/);
  await expectAccessible(page, 'empty partner register');
  await page.getByRole('link', { name: '委託先を登録する' }).click();

  // A contract that ends before it starts is refused, naming the field.
  await page.getByLabel(/委託先の名称/).fill('乙山商事株式会社');
  await page.getByLabel(/委託する業務/).fill('給与計算');
  await page.getByLabel(/渡す情報/).first().fill('従業員名簿\n給与明細');
  await page.getByLabel(/契約開始日/).fill('2025-04-01');
  await page.getByLabel(/契約終了日/).fill('2025-03-01');
  await page.getByRole('button', { name: '保存する' }).click();
  await page.waitForSelector('.error-summary');
  assert.match(await page.locator('.error-summary').innerText(), /契約終了日は契約開始日と同じか、それより後/);
  await expectAccessible(page, 'partner form with an error');
  await page.screenshot({ path: '/tmp/partners-form-error.png', fullPage: true });

  await page.getByLabel(/契約終了日/).fill('2026-03-31');
  await page.getByRole('button', { name: '保存する' }).click();
  await page.waitForURL(/\/partners\?done=created$/);
  assert.match(await page.locator('main').innerText(), /委託先を登録しました/);
  await expectAccessible(page, 'partner register');
  await page.screenshot({ path: '/tmp/partners-list.png', fullPage: true });

  await page.getByRole('link', { name: '開いて編集 (機密保持条項: 乙山商事株式会社)' }).click();
  await page.waitForURL(/\/documents\/edit\/outsourcing_nda\/partner-\d+$/);
  assert.equal(await page.getByLabel('乙（委託先）').inputValue(), '乙山商事株式会社');
  assert.equal(await page.getByLabel('甲（委託元）').inputValue(), '委託元テスト株式会社');
  await expectAccessible(page, 'the partner clause editor');

  // A cloud service with a cloud asset of the register.
  await page.goto(`${server.base}/orgs/${orgId}/risk/assets/new`);
  await page.getByLabel(/業務分類/).fill('経理');
  await page.getByLabel(/情報資産名称/).fill('会計データ');
  await page.getByLabel('媒体・保存先').selectOption('cloud');
  for (const group of ['機密性', '完全性', '可用性']) {
    await page.getByRole('group', { name: new RegExp(group) }).getByRole('radio').first().check();
  }
  await page.getByRole('button', { name: /登録する|保存する/ }).click();
  await page.waitForURL(/\/risk\/assets\?done=created/);
  await page.goto(`${server.base}/orgs/${orgId}/cloud-services/new`);
  await page.getByLabel(/クラウドサービスの名称/).fill('会計クラウドA');
  await page.getByLabel('会計データ').check();
  await expectAccessible(page, 'cloud service form');
  await page.getByRole('button', { name: '保存する' }).click();
  await page.waitForURL(/\/cloud-services\?done=created$/);
  assert.match(await page.locator('main').innerText(), /会計データ/);
  await page.screenshot({ path: '/tmp/partners-services.png', fullPage: true });
  await context.close();
});
