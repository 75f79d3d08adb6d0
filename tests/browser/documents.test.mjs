// Browser test of the documents (issue 8): the 責任者 edits a field of a
// regulation (the minimum password length of 付録5 4), asks for approval,
// approves and publishes it; the revision history records each step; the
// regulations then download as PDF (holding the new value as text) and as
// DOCX. axe-core checks the list and the editing page. The handbook's
// editor: a rule line is rewritten and a countermeasure of the diagnosis is
// added with one click; the handbook's HTML view shows both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, ApiClient } from '../support/server.mjs';
import { launchBrowser, axeViolations } from '../support/browser.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let browser;
let orgId;

before(async () => {
  server = await startServer();
  server.createUser('docs@example.jp', PASSWORD);
  const api = new ApiClient(server.base);
  await api.signIn('docs@example.jp', PASSWORD);
  const org = await api.request('POST', '/api/v1/orgs', { json: { name: '規程編集株式会社', industry: 'services', capital_yen: 10000000, employees: 20 } });
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

test('a regulation field is edited, approved, published and downloaded', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('メールアドレス').fill('docs@example.jp');
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL(/\/orgs\/\d+$/);

  await page.getByRole('link', { name: '文書', exact: true }).first().click();
  await page.waitForURL(/\/documents$/);
  await expectAccessible(page, 'documents list');
  await page.getByRole('link', { name: '4 アクセス制御及び認証' }).click();
  await page.waitForURL(/\/documents\/edit\/regulation_04_access$/);
  await expectAccessible(page, 'regulation editor');

  await page.getByLabel('パスワードの最小文字数（一般利用者）').fill('16');
  await page.getByLabel('改訂日').fill('2026-04-01');
  await page.getByLabel('承認者', { exact: true }).fill('代表取締役 山田太郎');
  await page.getByRole('button', { name: '下書きとして保存' }).click();
  await page.waitForURL(/saved=1$/);
  assert.match(await page.locator('main').innerText(), /保存しました/);
  assert.equal(await page.getByLabel('パスワードの最小文字数（一般利用者）').inputValue(), '16');

  await page.getByRole('button', { name: '承認を依頼する' }).click();
  await page.getByRole('button', { name: '承認する' }).click();
  await page.getByRole('button', { name: '公開する' }).click();
  await page.waitForSelector('text=改訂の記録');
  const history = await page.locator('table.stack-table').last().innerText();
  for (const step of ['内容を保存', '承認を依頼', '承認', '公開']) assert.ok(history.includes(step), `history has ${step}`);
  assert.match(await page.locator('main').innerText(), /公開/);

  // The regulations document holds the new value, as text, in the PDF.
  await page.goto(`${server.base}/orgs/${orgId}/documents`);
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'PDF (情報セキュリティ関連規程)' }).click(),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'mamori-docs-'));
  const pdfPath = join(dir, 'regulations.pdf');
  await pdf.saveAs(pdfPath);
  const text = execFileSync('pdftotext', [pdfPath, '-']).toString();
  assert.match(text, /16/, 'the edited length is in the PDF');
  assert.match(text, /規程編集株式会社/);
  assert.match(text, /改訂日：2026年4月1日/, 'the header carries the 改訂日');

  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Word (DOCX) (情報セキュリティ関連規程)' }).click(),
  ]);
  const docxPath = join(dir, 'regulations.docx');
  await docx.saveAs(docxPath);
  const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml']).toString();
  assert.match(xml, /規程編集株式会社|アクセス制御/, 'the DOCX body holds the regulation');
  writeFileSync(join(dir, 'done'), 'ok');
  await context.close();
});

test('a handbook rule is edited and a countermeasure added; the handbook shows both', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('メールアドレス').fill('docs@example.jp');
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL(/\/orgs\/\d+$/);

  await page.goto(`${server.base}/orgs/${orgId}/documents/edit/handbook`);
  await expectAccessible(page, 'handbook editor');
  const item02 = page.locator('#rules-item_02');
  await item02.getByLabel('1行目のルール').fill('会社が用意したウイルス対策ソフトを、いつも有効にしておく（私物の機器も同じ）');
  await item02.getByLabel('2行目の印').selectOption('forbidden');
  await item02.getByLabel('2行目のルール').fill('ウイルス対策ソフトの警告を閉じて作業を続けない');
  const item01 = page.locator('#rules-item_01');
  const countermeasure = await item01.locator('.rule-candidates li span').first().innerText();
  await item01.getByRole('button', { name: 'ルールに追加' }).first().click();
  await page.waitForURL(/saved=1#rules-item_01$/);
  assert.match(await page.locator('main').innerText(), /保存しました/);
  // The added countermeasure is now a rule line, and no longer offered.
  const lines = await page.locator('#rules-item_01 input[type="text"]').evaluateAll((inputs) => inputs.map((i) => i.value));
  assert.ok(lines.includes(countermeasure.replace(/。$/, '')), `item 1 holds the countermeasure: ${lines.join(' / ')}`);
  assert.equal(await page.locator('#rules-item_02').getByRole('button', { name: 'ガイドラインのルールに戻す' }).count(), 1);
  // The revision history says what this save changed: the rules of items 1 and 2.
  const history = await page.locator('table.stack-table').last().innerText();
  assert.match(history, /内容を保存\s*1 OS・ソフトウェアの更新\s*2 ウイルス対策ソフトの利用/);
  await expectAccessible(page, 'handbook editor after saving');

  await page.goto(`${server.base}/orgs/${orgId}/documents/handbook`);
  const text = await page.locator('main').innerText();
  assert.match(text, /〇\s*会社が用意したウイルス対策ソフトを、いつも有効にしておく（私物の機器も同じ）/);
  assert.match(text, /×\s*ウイルス対策ソフトの警告を閉じて作業を続けない/);
  assert.ok(text.includes(countermeasure.replace(/。$/, '')), 'the handbook holds the added countermeasure');

  // Restoring the guideline's rules of item 2 brings its first line back.
  await page.goto(`${server.base}/orgs/${orgId}/documents/edit/handbook`);
  await page.locator('#rules-item_02').getByRole('button', { name: 'ガイドラインのルールに戻す' }).click();
  await page.waitForURL(/saved=1#rules-item_02$/);
  assert.equal(await page.locator('#rules-item_02').getByLabel('1行目のルール').inputValue(), '会社が用意したウイルス対策ソフトを、いつも有効にしておく');
  await context.close();
});
