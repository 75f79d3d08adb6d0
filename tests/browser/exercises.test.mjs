// Browser test of the tabletop exercise (issue 9): the 責任者 starts an
// exercise from the incidents list, walks to the first decision point on a
// phone-sized screen (375×667), records each participant's choice with the
// radio groups and reads the result compared with the manual. axe-core
// checks the list, the form, a scene with its decision, the result, and the
// scene in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient } from '../support/server.mjs';
import { launchBrowser, expectAccessible, signInPage } from '../support/browser.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let browser;
let orgId;

before(async () => {
  server = await startServer();
  server.createUser('drill-owner@example.jp', PASSWORD);
  const owner = new ApiClient(server.base);
  await owner.signIn('drill-owner@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: '訓練ブラウザ株式会社', industry: 'services', capital_yen: 10000000, employees: 20 } })).data.id;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an exercise is started, a decision recorded on a phone and the result read', async () => {
  const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await signInPage(page, server.base, 'drill-owner@example.jp', PASSWORD);

  await page.goto(`${server.base}/orgs/${orgId}/incidents`);
  await page.getByRole('link', { name: /机上訓練/ }).click();
  await page.waitForURL(/\/exercises$/);
  await expectAccessible(page, 'exercise list');
  await page.getByRole('link', { name: '机上訓練を始める' }).click();
  await expectAccessible(page, 'new exercise form');
  await page.getByRole('checkbox', { name: 'drill-owner' }).check();
  await page.getByLabel('外部の参加者').fill('委託先 佐藤');
  await page.getByRole('button', { name: '訓練を始める' }).click();
  await page.waitForURL(/\/scenes\/1$/);
  assert.match(await page.locator('h1').innerText(), /攻撃の前夜/);

  for (let scene = 1; scene < 6; scene++) {
    await page.getByRole('link', { name: '次の場面' }).click();
  }
  await page.waitForURL(/\/scenes\/6$/);
  await expectAccessible(page, 'decision scene');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the scene fits the phone's width (scrollWidth ${width})`);
  await page.getByRole('group', { name: 'drill-owner' }).getByLabel('すぐに対応責任者と最高責任者に報告する').check();
  await page.getByRole('group', { name: '委託先 佐藤' }).getByLabel(/様子を見る/).check();
  await page.getByRole('button', { name: '選んだ行動を記録する' }).click();
  await page.waitForURL(/recorded=1$/);
  await page.getByText('選んだ行動を記録しました。').waitFor();
  await expectAccessible(page, 'recorded scene');

  await page.goto(page.url().replace(/\/scenes\/6\?recorded=1$/, '/result'));
  await expectAccessible(page, 'result');
  assert.match(await page.locator('main').innerText(), /マニュアルと一致した人：1 \/ 2人/);

  const english = await browser.newContext({ locale: 'en-GB' });
  const enPage = await english.newPage();
  await enPage.context().addCookies(await phone.cookies());
  await enPage.goto(page.url().replace(/\/result$/, '/scenes/6?lang=en'));
  assert.match(await enPage.locator('h1').innerText(), /The attack comes to light/);
  await expectAccessible(enPage, 'scene in English');
  await english.close();
  await phone.close();
});
