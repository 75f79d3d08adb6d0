// HTTP tests of the one-page 自社診断 sheet (issue 13): 25 rows grouped as the paper sheet with the
// points on each choice; a partial post keeps and stores what was answered and lists the empty rows
// with links; the one-question flow and the sheet continue each other's record; a full post sends
// the sheet; a tampered value names its row; a 回答者 answers for their own department only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';
import { createOrganization, inviteMember, stranger as strangerAccount, PASSWORD } from '../support/org_fixture.mjs';

let server;
let owner;
let orgId;
let respondent;
let viewer;
let stranger;

before(async () => {
  server = await startServer();
  ({ owner, orgId } = await createOrganization(server, 'sheet-owner@example.jp', 'シート株式会社'));
  respondent = await inviteMember(server, owner, orgId, 'sheet-respondent@example.jp', { role: 'respondent', department: '製造部' });
  viewer = await inviteMember(server, owner, orgId, 'sheet-viewer@example.jp', { role: 'viewer', department: '製造部' });
  stranger = await strangerAccount(server, 'sheet-stranger@example.jp');
});
after(async () => { await server.stop(); });

const sheetPath = (respondentName) => `/orgs/${orgId}/selfcheck/answer/sheet${respondentName ? `?respondent=${encodeURIComponent(respondentName)}` : ''}`;

function answers(numbers, value = 'implemented') {
  return numbers.map((number) => [`item-${number}`, value]);
}

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

test('the sheet shows 25 rows in the three groups, each choice with its points', async () => {
  const page = await owner.request('GET', sheetPath('営業部'));
  assert.equal(page.status, 200);
  assert.equal((page.text.match(/<fieldset/g) || []).length, 25);
  assert.equal((page.text.match(/type="radio"/g) || []).length, 100);
  for (const group of ['基本的対策', '従業員としての対策', '組織としての対策']) assert.match(page.text, new RegExp(`<h2[^>]*>${group}</h2>`));
  assert.match(page.text, /（4点）/);
  assert.match(page.text, /（−1点）|（-1点）/, 'わからない costs a point, as on the sheet');
  assert.match(page.text, /<legend class="sheet-row__question"><span class="sheet-row__number">1<\/span>/);
});

test('a partial post stores what was answered, keeps it on the page and lists the empty rows', async () => {
  const form = await owner.request('GET', sheetPath('営業部'));
  const partial = await postForm(owner, sheetPath('営業部'), [['_csrf', csrfFrom(form.text)], ['action', 'send'], ...answers(range(1, 10))]);
  assert.equal(partial.status, 400);
  assert.match(partial.text, /まだ答えていない質問が15問あります/);
  for (const number of range(11, 25)) assert.ok(partial.text.includes(`href="#item-${number}-implemented"`), `a link to row ${number}`);
  assert.ok(!partial.text.includes('href="#item-3-implemented"'), 'answered rows are not listed');
  assert.match(partial.text, /id="item-10-implemented" name="item-10" value="implemented" checked/);
  assert.match(partial.text, /<title>エラー：/);
  // Stored: the one-question flow resumes at 11.
  const landing = await owner.request('GET', `/orgs/${orgId}/selfcheck/answer?respondent=${encodeURIComponent('営業部')}`);
  assert.match(landing.text, /selfcheck\/answer\/q\/11/);
});

test('the one-question flow and the sheet continue each other, and a full post sends the sheet', async () => {
  const question = await owner.request('GET', `/orgs/${orgId}/selfcheck/answer/q/11?respondent=${encodeURIComponent('営業部')}`);
  assert.equal((await postForm(owner, `/orgs/${orgId}/selfcheck/answer/q/11?respondent=${encodeURIComponent('営業部')}`, { _csrf: csrfFrom(question.text), answer: 'partial' })).status, 303);
  const page = await owner.request('GET', sheetPath('営業部'));
  assert.match(page.text, /id="item-11-partial" name="item-11" value="partial" checked/, 'the sheet shows the answer given one at a time');

  const sent = await postForm(owner, sheetPath('営業部'), [['_csrf', csrfFrom(page.text)], ['action', 'send'], ...answers(range(12, 25), 'not_implemented')]);
  assert.equal(sent.status, 303, sent.text.slice(0, 300));
  assert.match(sent.headers.get('location'), /\/selfcheck\/answer\/done/);
  const summary = await owner.request('GET', `/api/v1/orgs/${orgId}/selfchecks/summary`);
  assert.equal(summary.status, 200);
  assert.match(summary.text, /営業部/);
});

test('save and finish later stores without sending', async () => {
  const form = await owner.request('GET', sheetPath('総務部'));
  const saved = await postForm(owner, sheetPath('総務部'), [['_csrf', csrfFrom(form.text)], ['action', 'save'], ...answers([1, 2])]);
  assert.equal(saved.status, 303);
  assert.match(saved.headers.get('location'), /saved=1/);
  const page = await owner.request('GET', saved.headers.get('location'));
  assert.match(page.text, /ここまでの回答を保存しました/);
  assert.match(page.text, /name="item-2" value="implemented" checked/);
  assert.match(page.text, /data-sheet-stored/, 'the browser draft is spent once the server has it');
});

test('a value that is not one of the four boxes names its row', async () => {
  const form = await owner.request('GET', sheetPath('総務部'));
  const tampered = await postForm(owner, sheetPath('総務部'), [['_csrf', csrfFrom(form.text)], ['action', 'send'], ['item-7', 'always']]);
  assert.equal(tampered.status, 400);
  assert.match(tampered.text, /href="#item-7-implemented"/);
});

test('a 回答者 answers for their own department; 閲覧者 and strangers may not', async () => {
  const form = await respondent.request('GET', sheetPath());
  assert.equal(form.status, 200);
  assert.doesNotMatch(form.text, /回答者：/, 'the department is implied');
  const sent = await postForm(respondent, sheetPath('営業部'), [['_csrf', csrfFrom(form.text)], ['action', 'send'], ...answers(range(1, 25), 'partial')]);
  assert.equal(sent.status, 303);
  const summary = await owner.request('GET', `/api/v1/orgs/${orgId}/selfchecks/summary`);
  assert.match(summary.text, /製造部/, 'stored under the respondent\'s own department, whatever the query said');
  assert.equal((await viewer.request('GET', sheetPath('製造部'))).status, 403);
  assert.equal((await stranger.request('GET', sheetPath('製造部'))).status, 404);
  const noToken = await postForm(owner, sheetPath('総務部'), [['action', 'send'], ...answers([1])]);
  assert.equal(noToken.status, 403, 'no CSRF token, nothing stored');
});

test('a post after the session expired goes to sign-in and, after it, back to the same sheet', async () => {
  const expired = new ApiClient(server.base);
  const path = sheetPath('営業部');
  const refused = await expired.request('POST', path, { body: 'item-1=implemented', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, csrf: false });
  assert.equal(refused.status, 303);
  const location = refused.headers.get('location');
  assert.equal(location, `/login?next=${encodeURIComponent(path)}`);
  const login = await expired.request('GET', location);
  assert.match(login.text, new RegExp(`name="next" value="${path.replace(/[?]/g, '\\?').replace(/&/g, '&amp;')}"`));
  const signedIn = await expired.request('POST', '/login', {
    body: new URLSearchParams({ _csrf: csrfFrom(login.text), email: 'sheet-owner@example.jp', password: PASSWORD, next: path }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, csrf: false,
  });
  assert.equal(signedIn.status, 303);
  assert.equal(signedIn.headers.get('location'), path);
  // Another site is never a place to return to.
  const page = await expired.request('GET', '/login?next=//evil.example/');
  assert.equal(page.status, 303, 'already signed in: sent on');
  assert.equal(page.headers.get('location'), '/');
});
