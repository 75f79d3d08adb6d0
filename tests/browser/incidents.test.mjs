// Browser test of 「異常を見つけた」 (issue 9): a 回答者 on a phone-sized
// screen (375×667) opens the report form from the organisation menu, is told
// which field is missing, sends the report and sees who it reached; the
// 責任者 then classifies it and ticks a step of the checklist. axe-core checks
// the form, the form with its error, the confirmation and the incident page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';
import { launchBrowser, axeViolations } from '../support/browser.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let browser;
let orgId;

before(async () => {
  server = await startServer();
  server.createUser('incident-owner@example.jp', PASSWORD);
  const owner = new ApiClient(server.base);
  await owner.signIn('incident-owner@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: '異常報告テスト株式会社', industry: 'services', capital_yen: 10000000, employees: 20 } })).data.id;
  const profile = await owner.request('GET', `/orgs/${orgId}/profile`);
  await postForm(owner, `/orgs/${orgId}/departments`, { _csrf: csrfFrom(profile.text), department_name: '営業部' });
  const members = await owner.request('GET', `/orgs/${orgId}/members`);
  const departmentId = members.text.match(/<option value="(\d+)"[^>]*>営業部<\/option>/)[1];
  const invited = await postForm(owner, `/orgs/${orgId}/members`, { _csrf: csrfFrom(members.text), email: 'incident-staff@example.jp', role: 'respondent', department_id: departmentId });
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

async function expectAccessible(page, label) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), [], `${label}: axe-core violations`);
}

async function signIn(page, email) {
  await page.goto(`${server.base}/login`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL(/\/orgs\/\d+/);
}

test('a respondent reports from a phone and the responder works the checklist', async () => {
  const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await signIn(page, 'incident-staff@example.jp');
  // On a phone the menu is folded (issue 13), but reporting stays one tap: the link beside the button.
  await page.getByRole('navigation').getByRole('link', { name: '異常を見つけた' }).click();
  await page.waitForURL(/\/incidents\/new$/);
  await expectAccessible(page, 'report form');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the form fits the phone's width (scrollWidth ${width})`);

  // Sent empty, the form names the missing field.
  await page.getByRole('button', { name: '報告する' }).click();
  await page.waitForSelector('.error-summary');
  assert.match(await page.locator('.error-summary').innerText(), /何が起きたかを入力してください/);
  await expectAccessible(page, 'report form with an error');

  await page.getByLabel(/何が起きたか/).fill('知らない送信元のメールの添付を開いてしまった');
  await page.getByLabel(/どの機器で/).fill('営業部のノートPC');
  await page.getByRole('button', { name: '報告する' }).click();
  await page.waitForURL(/\/reported$/);
  assert.match(await page.locator('#reached').innerText(), /責任者に届きました/);
  await expectAccessible(page, 'confirmation');
  await page.screenshot({ path: '/tmp/incident-reported-phone.png', fullPage: true });
  const incidentUrl = page.url().replace(/\/reported$/, '');
  await phone.close();

  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const responder = await desk.newPage();
  await signIn(responder, 'incident-owner@example.jp');
  assert.match(await responder.locator('#dashboard-incidents').innerText(), /知らない送信元のメール/);
  await responder.goto(incidentUrl);
  await responder.getByLabel(/ウイルス/).check();
  await responder.getByLabel('従業員の業務に影響がある').check();
  await responder.getByRole('button', { name: '判定する', exact: true }).click();
  await responder.waitForURL(/#classification$/);
  assert.match(await responder.locator('#incident-level').innerText(), /被害レベル1/);
  const firstStep = responder.locator('.task-list__item').first();
  await firstStep.getByRole('button', { name: /済みにする/ }).click();
  await responder.waitForURL(/#steps$/);
  assert.match(await responder.locator('.task-list__item').first().innerText(), /済/);
  assert.match(await responder.locator('#timeline-list').innerText(), /手順を完了/);
  await expectAccessible(responder, 'incident page');
  await desk.close();
});
