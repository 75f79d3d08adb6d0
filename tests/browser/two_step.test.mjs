// Browser test of two-step login (issue 10): a user opens 2段階認証 from the header, starts the
// set-up, reads the key from the page beside the server-drawn QR code (an <svg role="img"> with
// a name), confirms with a code computed here, sees the ten recovery codes once, signs out, and
// signs in again with password and code on the code page. axe-core checks each page, including
// the code page showing a wrong code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient } from '../support/server.mjs';
import { launchBrowser, expectAccessible, pageBasics } from '../support/browser.mjs';
import { Authenticator } from '../support/totp.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
const EMAIL = 'two-step-browser@example.jp';
let server;
let browser;

before(async () => {
  server = await startServer();
  server.createUser(EMAIL, PASSWORD);
  const api = new ApiClient(server.base);
  await api.signIn(EMAIL, PASSWORD);
  await api.request('POST', '/api/v1/orgs', { json: { name: '二段階ブラウザ株式会社', industry: 'retail', capital_yen: 10000000, employees: 5 } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function passwordStep(page) {
  await page.goto(`${server.base}/login`);
  await page.getByLabel('メールアドレス').fill(EMAIL);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
}

test('enrol on the QR page, confirm, sign out, and sign in with a code', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await passwordStep(page);
  await page.waitForURL(/\/orgs\/\d+$/);

  await page.getByRole('link', { name: '2段階認証' }).click();
  await page.waitForURL(/\/account\/two-step$/);
  await expectAccessible(page, 'two-step page, not set up');
  await page.getByRole('button', { name: '設定を始める' }).click();
  await page.waitForURL(/\/account\/two-step$/);

  const qr = page.getByRole('img', { name: '認証アプリに登録するためのQRコード' });
  await assert.doesNotReject(qr.waitFor(), 'the QR code is on the page');
  assert.ok(await page.locator('svg.qr-code rect').count() > 20, 'drawn as SVG modules');
  const grouped = await page.locator('#totp-secret').innerText();
  assert.match(grouped, /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/, 'the key in groups of four');
  const app = new Authenticator(grouped.replace(/ /g, ''));
  await expectAccessible(page, 'two-step page with the QR code');
  const basics = await pageBasics(page);
  assert.equal(basics.h1Count, 1);
  assert.deepEqual(basics.unlabelled, []);

  const field = page.getByLabel('認証コード（6桁）');
  assert.equal(await field.getAttribute('autocomplete'), 'one-time-code');
  assert.equal(await field.getAttribute('inputmode'), 'numeric');
  await field.fill(await app.nextCode());
  await page.getByRole('button', { name: '設定を終える' }).click();
  await page.getByRole('heading', { name: 'リカバリーコードを控えてください' }).waitFor();
  assert.equal(await page.locator('ol.recovery-codes li').count(), 10);
  await expectAccessible(page, 'recovery codes');

  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.waitForURL(/\/login$/);

  await passwordStep(page);
  await page.waitForURL(/\/login\/code$/);
  assert.equal(await page.title().then((t) => t.startsWith('認証コード')), true);
  await page.getByLabel('認証コード（6桁）').fill('12345');
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await page.getByRole('heading', { name: '入力内容に問題があります' }).waitFor();
  assert.ok((await page.title()).startsWith('エラー：'));
  assert.equal(await page.getByLabel('認証コード（6桁）').getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'code page with an error');

  await page.getByLabel('認証コード（6桁）').fill(await app.nextCode());
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await page.waitForURL(/\/orgs\/\d+$/);
  await context.close();
});
