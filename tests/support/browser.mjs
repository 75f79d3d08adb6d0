// Launches Debian's chromium through playwright-core (no browser download)
// and runs axe-core in a page.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// mamori picks the UI language from Accept-Language, so every context says
// which language its user reads: Japanese unless a test asks for another
// (newContext({ locale: 'en-GB' })).
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: 'ja-JP', ...options });
  const newPage = browser.newPage.bind(browser);
  browser.newPage = (options = {}) => newPage({ locale: 'ja-JP', ...options });
  return browser;
}

// WCAG 2.1 A/AA violations on the current page (axe-core tags).
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

// The structural checks of ui.md §4 that hold on every page.
export async function pageBasics(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    h1Count: document.querySelectorAll('h1').length,
    placeholders: document.querySelectorAll('[placeholder]').length,
    positiveTabindex: [...document.querySelectorAll('[tabindex]')].filter((e) => e.tabIndex > 0).length,
    unlabelled: [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
      .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map((e) => e.name || e.id),
    horizontalScroll: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  }));
}

// Fails with the list of axe-core violations (WCAG 2.1 A/AA) on the page.
export async function expectAccessible(page, label) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), [], `${label}: axe-core violations`);
}

// Signs in through the login form (Japanese labels) and waits for the organisation pages.
export async function signInPage(page, base, email, password) {
  await page.goto(`${base}/login`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL(/\/orgs/);
}
