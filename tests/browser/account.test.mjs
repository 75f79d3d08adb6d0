// Browser test of the account page (issue 10): from the header the user opens
// their account, is told which field of the password change is wrong (error
// summary), changes the password, sees the devices logged in with "this
// device" marked, and logs out of all the others. axe-core checks each state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient } from '../support/server.mjs';
import { launchBrowser, expectAccessible, signInPage, pageBasics } from '../support/browser.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
const NEW_PASSWORD = 'Atarashii-Nagai-Passphrase-2026';
let server;
let browser;

before(async () => {
  server = await startServer();
  server.createUser('account@example.jp', PASSWORD);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the password change names the wrong field, ends the other devices, and sign out everywhere works', async () => {
  // Another device, signed in through the API.
  const phone = new ApiClient(server.base);
  assert.equal((await phone.signIn('account@example.jp', PASSWORD)).status, 200);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInPage(page, server.base, 'account@example.jp', PASSWORD);
  await page.getByRole('link', { name: 'アカウント', exact: true }).click();
  await page.waitForURL(/\/account$/);
  assert.equal(await page.locator('h1').innerText(), '自分のアカウント');
  const basics = await pageBasics(page);
  assert.deepEqual(basics.unlabelled, []);
  assert.equal(await page.locator('#current_password').getAttribute('autocomplete'), 'current-password');
  assert.equal(await page.locator('#new_password').getAttribute('autocomplete'), 'new-password');
  // The sessions table (the recent security events have a table of their own below it).
  const sessions = page.locator('table[aria-labelledby="sessions-heading"]');
  const rows = sessions.locator('tbody tr');
  assert.equal(await rows.count(), 2, 'this browser and the other device');
  assert.match(await sessions.innerText(), /この端末/);
  const events = page.locator('table[aria-labelledby="events-heading"] tbody tr');
  assert.equal(await events.count(), 2, 'the two sign-ins');
  assert.match(await events.first().innerText(), /ログイン/);
  assert.ok(await page.getByRole('link', { name: '2段階認証の設定' }).isVisible());
  await expectAccessible(page, 'account page');

  // A new password that does not match its confirmation: the summary links to the field.
  await page.getByLabel('今のパスワード').fill(PASSWORD);
  await page.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel(/新しいパスワード（確認/).fill(`${NEW_PASSWORD}-typo`);
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await page.waitForSelector('.error-summary');
  assert.match(await page.locator('.error-summary').innerText(), /一致しません/);
  assert.equal(await page.locator('.error-summary a').getAttribute('href'), '#new_password_confirm');
  assert.equal(await page.locator('#new_password_confirm').getAttribute('aria-invalid'), 'true');
  assert.match(await page.title(), /^エラー：/);
  await expectAccessible(page, 'password form with an error');
  await page.screenshot({ path: '/tmp/account-password-error.png', fullPage: true });

  await page.getByLabel('今のパスワード').fill(PASSWORD);
  await page.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel(/新しいパスワード（確認/).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await page.waitForURL(/\/account\?done=password$/);
  assert.match(await page.locator('.notice').innerText(), /パスワードを変更しました/);
  assert.equal(await rows.count(), 1, 'the other device was logged out');
  assert.equal((await phone.request('GET', '/api/v1/me')).status, 401);
  assert.equal(await page.getByRole('button', { name: '他のすべての端末からログアウト' }).count(), 0);

  // Two more devices sign in with the new password; sign out everywhere ends them.
  const laptop = new ApiClient(server.base);
  const tablet = new ApiClient(server.base);
  await laptop.signIn('account@example.jp', NEW_PASSWORD);
  await tablet.signIn('account@example.jp', NEW_PASSWORD);
  await page.reload();
  assert.equal(await rows.count(), 3);
  await expectAccessible(page, 'sessions list');
  await page.screenshot({ path: '/tmp/account-sessions.png', fullPage: true });
  await page.getByRole('button', { name: '他のすべての端末からログアウト' }).click();
  await page.waitForURL(/\/account\?done=ended_all$/);
  assert.match(await page.locator('.notice').innerText(), /ほかのすべての端末からログアウトしました/);
  assert.equal(await rows.count(), 1);
  assert.equal((await laptop.request('GET', '/api/v1/me')).status, 401);
  assert.equal((await tablet.request('GET', '/api/v1/me')).status, 401);
  await expectAccessible(page, 'after sign out everywhere');
  await context.close();
});
