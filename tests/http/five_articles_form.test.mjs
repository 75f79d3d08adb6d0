// HTTP tests of the 5か条 as one form (issue 13): all five articles are saved with one post; every
// problem is listed at once, naming its article, and nothing is stored unless all five are right;
// unchanged articles are not written again (the change history names only the edited ones).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, csrfFrom, postForm, dbQuery } from '../support/server.mjs';
import { createOrganization, inviteMember } from '../support/org_fixture.mjs';

let server;
let owner;
let orgId;
let executive;

before(async () => {
  server = await startServer();
  ({ owner, orgId } = await createOrganization(server, 'five-owner@example.jp', '五か条株式会社'));
  executive = await inviteMember(server, owner, orgId, 'five-boss@example.jp', { role: 'executive' });
});
after(async () => { await server.stop(); });

const page = () => owner.request('GET', `/orgs/${orgId}/five-articles`);

function article(number, state, { date = ['2025', '4', '1'], responsible = '佐藤' } = {}) {
  const fields = [[`a${number}-state`, state]];
  if (state === 'done') fields.push([`a${number}-done_on_year`, date[0]], [`a${number}-done_on_month`, date[1]], [`a${number}-done_on_day`, date[2]]);
  if (state !== 'not_started') fields.push([`a${number}-responsible`, responsible]);
  return fields;
}

function auditCount() {
  return Number(dbQuery(server.db, `SELECT count(*) FROM audit_log WHERE action = 'five_articles.update' AND org_id = ${orgId}`));
}

test('the page is one form with one save button and every article\'s fields', async () => {
  const form = await page();
  assert.equal(form.status, 200);
  assert.equal((form.text.match(/<form method="post" action="[^"]*\/five-articles"/g) || []).length, 1);
  const body = form.text.slice(form.text.indexOf('<main'));
  assert.equal((body.match(/<button type="submit"[^>]*>5か条の状況を保存する/g) || []).length, 1);
  assert.equal((body.match(/<form method="post"/g) || []).length, 1, 'no form per article any more');
  for (let number = 1; number <= 5; number++) assert.ok(form.text.includes(`name="a${number}-state"`), `article ${number}`);
});

test('all problems are listed at once and nothing is stored', async () => {
  const form = await page();
  const sent = await postForm(owner, `/orgs/${orgId}/five-articles`, [['_csrf', csrfFrom(form.text)],
    ...article(1, 'done'), ...article(2, 'done', { date: ['', '', ''] }), ...article(3, 'in_progress', { responsible: '' }),
    ...article(4, 'not_started'), ['a5-state', 'maybe']]);
  assert.equal(sent.status, 400);
  assert.match(sent.text, /<title>エラー：/);
  for (const target of ['#a2-done_on-year', '#a3-responsible', '#a5-state-not_started']) {
    assert.ok(sent.text.includes(`href="${target}"`), `the summary links ${target}`);
  }
  assert.match(sent.text, /value="done" checked/, 'what was typed is kept');
  const after = await page();
  assert.doesNotMatch(after.text, /tag--done/, 'article 1 was not stored while the others were wrong');
});

test('one post saves all five, and only the changed articles are written', async () => {
  const form = await page();
  const before = auditCount();
  const sent = await postForm(owner, `/orgs/${orgId}/five-articles`, [['_csrf', csrfFrom(form.text)],
    ...article(1, 'done'), ...article(2, 'done'), ...article(3, 'in_progress'), ...article(4, 'done'), ...article(5, 'in_progress')]);
  assert.equal(sent.status, 303, sent.text.slice(0, 300));
  assert.match(sent.headers.get('location'), /saved=all/);
  const saved = await owner.request('GET', sent.headers.get('location'));
  assert.match(saved.text, /5か条の状況を保存しました/);
  assert.equal((saved.text.match(/tag--done/g) || []).length, 3);
  assert.equal(auditCount(), before + 5);

  const again = await page();
  const second = await postForm(owner, `/orgs/${orgId}/five-articles`, [['_csrf', csrfFrom(again.text)],
    ...article(1, 'done'), ...article(2, 'done'), ...article(3, 'done'), ...article(4, 'done'), ...article(5, 'in_progress')]);
  assert.equal(second.status, 303);
  assert.equal(auditCount(), before + 6, 'only article 3 changed');
});

test('a 経営者 reads the checklist but cannot save it', async () => {
  const view = await executive.request('GET', `/orgs/${orgId}/five-articles`);
  assert.equal(view.status, 200);
  assert.doesNotMatch(view.text, /name="a1-state"/);
  const refused = await postForm(executive, `/orgs/${orgId}/five-articles`, [['_csrf', executive.csrf], ...article(1, 'not_started')]);
  assert.equal(refused.status, 403);
});
