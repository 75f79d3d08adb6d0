// Browser test of the owner's view (経営者, issue 12): the 経営者 signs in and lands on the view,
// reads the 7 items with their statuses, follows an item's evidence link, comes back, records the
// budget after a refused empty entry (error summary linking to the box), and every state passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launchBrowser, expectAccessible, signInPage, pageBasics } from '../support/browser.mjs';
import { createOrganization, inviteMember, PASSWORD } from '../support/org_fixture.mjs';

let server;
let browser;
let orgId;

before(async () => {
  server = await startServer();
  let owner;
  ({ owner, orgId } = await createOrganization(server, 'browser-owner-admin@example.jp', '経営者画面ブラウザ株式会社'));
  await inviteMember(server, owner, orgId, 'browser-boss@example.jp', { role: 'executive' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the 経営者 opens the owner view, reads the 7 items and records the budget', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInPage(page, server.base, 'browser-boss@example.jp', PASSWORD);
  await page.waitForURL(new RegExp(`/orgs/${orgId}/owner$`));
  assert.equal(await page.locator('h1').innerText(), '経営者の画面');
  assert.equal(await page.locator('.owner-item').count(), 7);
  assert.match(await page.locator('#item-policy').innerText(), /未着手/);
  const basics = await pageBasics(page);
  assert.deepEqual(basics.unlabelled, []);
  await expectAccessible(page, 'owner view');

  await page.locator('#item-review').getByRole('link', { name: '根拠を見る' }).click();
  await page.waitForURL(/\/inspections$/);
  assert.equal(await page.locator('h1').innerText(), '点検と改善');
  await expectAccessible(page, 'inspections list');
  await page.getByRole('link', { name: '経営者の画面', exact: true }).click();
  await page.waitForURL(/\/owner$/);

  await page.getByRole('button', { name: '記録する' }).first().click();
  await page.waitForSelector('.error-summary');
  assert.equal(await page.locator('.error-summary a').getAttribute('href'), '#budget-note');
  await expectAccessible(page, 'owner view with an error');
  await page.getByLabel('決めた予算').fill('年30万円（バックアップ装置と研修）');
  await page.getByRole('button', { name: '記録する' }).first().click();
  await page.waitForURL(/\/owner\?saved=1/);
  assert.match(await page.locator('[role="status"]').innerText(), /記録しました/);
  assert.match(await page.locator('#item-budget_people').innerText(), /対策の予算は記録していますが/);
  await expectAccessible(page, 'owner view after recording');
  await context.close();
});
