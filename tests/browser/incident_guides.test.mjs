// Browser test of the incident guides (issue 9): from the incident list the
// 責任者 opens the damage levels and the firm's procedures, adapts one step
// with the keyboard-usable form, then on an incident opens the help-desk
// sheet and the lessons form and applies a lesson. axe-core checks each page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launchBrowser, expectAccessible, signInPage } from '../support/browser.mjs';
import { createOrganization, PASSWORD } from '../support/org_fixture.mjs';

let server;
let browser;
let orgId;

before(async () => {
  server = await startServer();
  ({ orgId } = await createOrganization(server, 'guides-owner@example.jp', '手引きテスト株式会社', { industry: 'services', employees: 20 }));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the responder reads the levels, adapts a procedure, prepares a call and applies a lesson', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInPage(page, server.base, 'guides-owner@example.jp', PASSWORD);

  await page.goto(`${server.base}/orgs/${orgId}/incidents`);
  await page.getByRole('link', { name: '被害レベルと対応者を見る' }).click();
  await page.waitForURL(/\/incidents\/levels$/);
  await expectAccessible(page, 'damage levels');
  assert.equal(await page.locator('#damage-levels > li').count(), 4);

  await page.goBack();
  await page.getByRole('link', { name: '自社の対応手順を見る・直す' }).click();
  await page.waitForURL(/\/incidents\/procedures$/);
  await expectAccessible(page, 'procedures');
  await page.locator('#malware ~ p a', { hasText: 'この手順を自社に合わせる' }).first().click();
  await page.waitForURL(/\/procedures\/malware\/[0-9-]+$/);
  await expectAccessible(page, 'procedure editor');
  await page.getByLabel('見出し').first().fill('');
  await page.getByRole('button', { name: '手順を保存する' }).click();
  await expectAccessible(page, 'procedure editor with its error');
  assert.match(await page.locator('.error-summary, [role="alert"]').first().innerText(), /手順1の見出しを入力してください/);
  await page.getByLabel('見出し').first().fill('まずLANケーブルを抜く');
  await page.getByRole('button', { name: '手順を保存する' }).click();
  await page.waitForURL(/\/incidents\/procedures#malware$/);
  assert.ok(await page.getByText('まずLANケーブルを抜く').isVisible());

  // An incident, classified as malware, shows the adapted step.
  await page.goto(`${server.base}/orgs/${orgId}/incidents/new`);
  await page.getByLabel('何が起きたか').fill('画面に身代金を求める表示が出た');
  await page.getByRole('button', { name: '報告する', exact: true }).click();
  await page.waitForURL(/\/reported$/);
  await page.goto(page.url().replace(/\/reported$/, ''));
  await page.getByLabel(/ウイルス感染/).check();
  await page.getByLabel('従業員の業務に影響がある').check();
  await page.getByRole('button', { name: '判定する', exact: true }).click();
  await page.waitForURL(/\/incidents\/\d+/);
  assert.ok(await page.getByText('まずLANケーブルを抜く').first().isVisible());

  await page.getByRole('link', { name: '相談窓口に連絡する前に整理する情報' }).click();
  await page.waitForURL(/\/help$/);
  await expectAccessible(page, 'help-desk sheet');
  await page.getByLabel('ウイルスや不正アクセスによるものと判断した根拠').fill('身代金を求める表示');
  await page.getByRole('button', { name: '保存する' }).click();
  await page.waitForURL(/\/help\?done=saved$/);

  await page.getByRole('link', { name: 'インシデントの対応へ' }).click();
  await page.getByRole('link', { name: /教訓をリスク分析に反映する/ }).click();
  await page.waitForURL(/\/lessons$/);
  await expectAccessible(page, 'lessons');
  await page.getByLabel(/ランサムウェアによる暗号化/).first().selectOption('3');
  await page.getByRole('button', { name: 'まとめて反映する' }).click();
  await page.waitForURL(/\/lessons\?done=applied$/);
  await expectAccessible(page, 'lessons applied');
  assert.ok(await page.getByText('反映しました').isVisible());
  await context.close();
});
