// Browser test of the consultant workspace (issue 12): a consultant with three clients sees the
// portfolio, opens a client, and completes a visit's pre-work (each request marked done on site,
// until the visit shows its pre-work complete). axe-core checks the portfolio and the coaching page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';
import { launchBrowser, axeViolations } from '../support/browser.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
const CLIENTS = ['甲野製作所', '乙川商事', '丙田サービス'];
let server;
let browser;
let clientIds;

before(async () => {
  server = await startServer();
  server.createUser('expert@example.jp', PASSWORD);
  const api = new ApiClient(server.base);
  assert.equal((await api.signIn('expert@example.jp', PASSWORD)).status, 200);
  clientIds = [];
  for (const name of CLIENTS) {
    const page = await api.request('GET', '/consultant');
    const created = await postForm(api, '/consultant/clients', {
      _csrf: csrfFrom(page.text), name, industry: 'manufacturing', capital_yen: '10000000', employees: '15',
    });
    assert.equal(created.status, 303, created.text.slice(0, 300));
    clientIds.push(created.headers.get('location').match(/^\/orgs\/(\d+)/)[1]);
  }
  const coaching = await api.request('GET', `/orgs/${clientIds[0]}/coaching`);
  const started = await postForm(api, `/orgs/${clientIds[0]}/coaching`, { _csrf: csrfFrom(coaching.text), programme_id: 'theme1_regulations' });
  assert.equal(started.status, 303);
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

test('a consultant with three clients sees the portfolio, opens a client, and completes a visit\'s pre-work', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('メールアドレス').fill('expert@example.jp');
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForLoadState('load');

  await page.goto(`${server.base}/consultant`);
  const table = page.locator('#portfolio');
  for (const name of CLIENTS) await table.getByRole('link', { name }).waitFor();
  assert.equal(await table.locator('tbody tr').count(), 3);
  assert.match(await page.locator('main').innerText(), /未完了の事前準備\s*8/);
  await expectAccessible(page, 'the portfolio');
  await page.screenshot({ path: '/tmp/consultant-portfolio.png', fullPage: true });

  await table.getByRole('link', { name: CLIENTS[0] }).click();
  await page.waitForURL(new RegExp(`/orgs/${clientIds[0]}/coaching$`));
  const firstVisit = page.locator('#visit-1');
  assert.match(await firstVisit.innerText(), /第1回 チェックシートに基づく/);
  await expectAccessible(page, 'the coaching page');

  // On site, the consultant marks each pre-work request of the first visit done.
  for (let done = 0; done < 4; done++) {
    await firstVisit.getByRole('button', { name: /^完了にする/ }).first().click();
    await page.waitForURL(/\/coaching\?done=request$/);
  }
  assert.equal(await firstVisit.getByRole('button', { name: /^完了にする/ }).count(), 0);
  assert.match(await firstVisit.innerText(), /事前準備は完了/);
  assert.match(await page.locator('main').innerText(), /事前準備の依頼の状況を更新しました/);
  await expectAccessible(page, 'the coaching page with the pre-work done');
  await page.screenshot({ path: '/tmp/consultant-prework-done.png', fullPage: true });

  // Back on the portfolio, the client has no open pre-work left.
  await page.getByRole('link', { name: '担当企業の一覧に戻る' }).click();
  const row = page.locator(`#client-${clientIds[0]}`);
  assert.match(await row.innerText(), /未完了の事前準備：\s*4/);
  await context.close();
});
