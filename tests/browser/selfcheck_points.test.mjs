// Browser test of the 自社診断 question page (issue 6): each answer button
// shows its points as the sheet prints them (実施している（4点） … わからない
// （−1点）), and an item that uses the word 重要情報 shows 表4's ※2
// definition, while an item without the word does not. axe-core checks the page.
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
  server.createUser('points@example.jp', PASSWORD);
  const api = new ApiClient(server.base);
  await api.signIn('points@example.jp', PASSWORD);
  const org = await api.request('POST', '/api/v1/orgs', { json: { name: '点数表示株式会社', industry: 'retail', capital_yen: 10000000, employees: 8 } });
  orgId = org.data.id;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('answer buttons show their points and 重要情報 carries its ※2 definition', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('メールアドレス').fill('points@example.jp');
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL(/\/orgs\/\d+$/);

  const question = (number) => `${server.base}/orgs/${orgId}/selfcheck/answer/q/${number}?respondent=${encodeURIComponent('総務部')}`;
  await page.goto(question(4));
  const expected = {
    implemented: '実施している（4点）',
    partial: '一部実施している（2点）',
    not_implemented: '実施していない（0点）',
    unknown: 'わからない（−1点）',
  };
  for (const [value, label] of Object.entries(expected)) {
    const text = (await page.locator(`label[for="answer-${value}"]`).innerText()).replace(/\s+/g, '');
    assert.equal(text, label, value);
    // The label still names the radio button, points included.
    await assert.doesNotReject(page.getByLabel(label).waitFor());
  }
  const body = await page.locator('body').innerText();
  assert.match(body, /※2\s*重要情報とは営業秘密など事業に必要で組織にとって価値のある情報/);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

  // Item 5 does not use the word: no footnote.
  await page.goto(question(5));
  assert.doesNotMatch(await page.locator('body').innerText(), /※2/);
  // Item 2 uses ウイルス定義ファイル: ※1.
  await page.goto(question(2));
  assert.match(await page.locator('body').innerText(), /※1\s*コンピュータウイルスを検出するためのデータベースファイル/);
  await context.close();
});
