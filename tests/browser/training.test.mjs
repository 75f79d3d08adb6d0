// Browser test of the education plan (issue 9): the 責任者 plans a session
// at a desk (told which field is missing first), records it as held and ticks
// attendance; a 回答者 on a phone-sized screen (375×667) opens 教育 from the
// organisation menu and takes the quiz on one page, then sees the score and
// explanations. axe-core checks the plan, the form with its error, the
// session page, the quiz and its result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';
import { launchBrowser, expectAccessible, signInPage } from '../support/browser.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let browser;
let orgId;

before(async () => {
  server = await startServer();
  server.createUser('training-owner@example.jp', PASSWORD);
  const owner = new ApiClient(server.base);
  await owner.signIn('training-owner@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: '教育画面テスト株式会社', industry: 'services', capital_yen: 10000000, employees: 20 } })).data.id;
  const profile = await owner.request('GET', `/orgs/${orgId}/profile`);
  await postForm(owner, `/orgs/${orgId}/departments`, { _csrf: csrfFrom(profile.text), department_name: '営業部' });
  const members = await owner.request('GET', `/orgs/${orgId}/members`);
  const departmentId = members.text.match(/<option value="(\d+)"[^>]*>営業部<\/option>/)[1];
  const invited = await postForm(owner, `/orgs/${orgId}/members`, { _csrf: csrfFrom(members.text), email: 'training-staff@example.jp', role: 'respondent', department_id: departmentId });
  const link = invited.text.match(/\/invite\/([A-Za-z0-9_-]+)/)[0];
  const worker = new ApiClient(server.base);
  const invitePage = await worker.request('GET', link);
  await postForm(worker, link, { _csrf: csrfFrom(invitePage.text), password: PASSWORD, password_confirm: PASSWORD });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const signIn = (page, email) => signInPage(page, server.base, email, PASSWORD);

test('the officer plans and records a session; a respondent takes its quiz on a phone', async () => {
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const officer = await desk.newPage();
  await signIn(officer, 'training-owner@example.jp');
  await officer.getByRole('navigation').getByRole('link', { name: '教育' }).click();
  await officer.waitForURL(/\/training$/);
  await expectAccessible(officer, 'empty plan');
  await officer.getByRole('link', { name: '研修を計画する' }).click();
  await officer.getByRole('button', { name: '保存する' }).click();
  await officer.waitForSelector('.error-summary');
  assert.match(await officer.locator('.error-summary').innerText(), /研修の名前を入力してください/);
  await expectAccessible(officer, 'plan form with an error');
  await officer.getByLabel(/研修の名前/).fill('あやしいメールの見分け方');
  await officer.getByLabel(/方法/).fill('朝礼');
  await officer.getByLabel('確認テスト').selectOption('suspicious_mail');
  await officer.getByRole('button', { name: '保存する' }).click();
  await officer.waitForURL(/\/training\/\d+\?done=created$/);
  await officer.getByRole('button', { name: '実施したことを記録する' }).click();
  await officer.waitForURL(/done=held$/);
  await officer.getByRole('group', { name: '出席した人にチェックを付けてください' }).getByLabel('training-staff').check();
  await officer.getByRole('button', { name: '出席を記録する' }).click();
  await officer.waitForURL(/done=attended$/);
  await expectAccessible(officer, 'session page');
  await desk.close();

  const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await signIn(page, 'training-staff@example.jp');
  // On a phone the organisation menu is folded behind its button (issue 13).
  await page.locator('.org-nav__toggle').click();
  await page.getByRole('navigation').getByRole('link', { name: '教育' }).click();
  await page.waitForURL(/\/training$/);
  await page.getByRole('link', { name: /確認テストを受ける/ }).click();
  await page.waitForURL(/\/quiz$/);
  await expectAccessible(page, 'quiz');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the quiz fits the phone's width (scrollWidth ${width})`);
  // Every question: the first choice (not all correct), then send.
  const groups = page.getByRole('group');
  const count = await groups.count();
  assert.equal(count, 5);
  for (let i = 0; i < count; i++) {
    await groups.nth(i).getByRole('radio').first().check();
  }
  await page.getByRole('button', { name: '答えを送信する' }).click();
  await page.waitForSelector('#quiz-score');
  assert.match(await page.locator('#quiz-score').innerText(), /5問中\d問正解/);
  assert.match(await page.locator('main').innerText(), /実在の名前をかたる手口/);
  await expectAccessible(page, 'quiz result');
  await phone.close();
});
