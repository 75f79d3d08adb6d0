// ui.md §4: navigation is hidden in print, pages have no sideways scroll at
// 320px, and focus is visible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient } from '../support/server.mjs';
import { launchBrowser, pageBasics } from '../support/browser.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let browser;
let orgId;

before(async () => {
  server = await startServer();
  server.createUser('print@example.jp', PASSWORD);
  const api = new ApiClient(server.base);
  await api.signIn('print@example.jp', PASSWORD);
  orgId = (await api.request('POST', '/api/v1/orgs', { json: { name: '印刷テスト株式会社', industry: 'other', capital_yen: 1000000, employees: 3 } })).data.id;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedInPage(width) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('メールアドレス').fill('print@example.jp');
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL(/\/orgs\/\d+$/);
  return { context, page };
}

test('the policy print view hides the navigation in print', async () => {
  const { context, page } = await signedInPage(1280);
  await page.goto(`${server.base}/orgs/${orgId}/policy/print`);
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() => ['.site-header', '.org-nav', '.site-footer'].map((selector) => {
    const element = document.querySelector(selector);
    // A missing element must fail the test, not pass as hidden: the print
    // rules could be broken by a renamed class without anyone noticing.
    return element ? getComputedStyle(element).display : `missing ${selector}`;
  }));
  assert.deepEqual(hidden, ['none', 'none', 'none']);
  assert.match(await page.locator('main').innerText(), /印刷テスト株式会社/);
  await context.close();
});

test('main pages do not scroll sideways at 320px', async () => {
  const { context, page } = await signedInPage(320);
  for (const path of ['', '/five-articles', '/selfcheck', '/policy', '/profile', '/risk', '/risk/assets', '/risk/check', '/audit']) {
    const response = await page.goto(`${server.base}/orgs/${orgId}${path}`);
    assert.equal(response.status(), 200, `${path || '/'} answers ${response.status()}`);
    const basics = await pageBasics(page);
    assert.equal(basics.horizontalScroll, false, `${path || '/'} scrolls sideways at 320px`);
    assert.equal(basics.h1Count, 1, `${path || '/'} has exactly one h1`);
  }
  await context.close();
});

test('keyboard focus is visible with an outline of at least 2px', async () => {
  const { context, page } = await signedInPage(1280);
  await page.goto(`${server.base}/orgs/${orgId}/five-articles`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
  });
  assert.ok(outline.width >= 2 && outline.style !== 'none', JSON.stringify(outline));
  await context.close();
});
