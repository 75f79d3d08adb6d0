// HTTP test of the education plan and records (issue 9): the 責任者 plans a
// session (a missing title or an unknown quiz is refused naming the field),
// records it as held and ticks who attended; a 回答者 in the audience takes
// the quiz on one page (an unknown answer is refused naming the question) and
// sees the score and explanations; the 責任者 sees results per member; who
// is overdue shows on the member's page and the dashboard; 「リマインドを送る」
// mails them through the fake relay; 自社診断 item 20 shows the evidence and a
// suggested answer. Refusals: no CSRF token, another organisation (404), a
// 回答者 planning (403).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, csrfFrom, postForm } from '../support/server.mjs';
import { createOrganization, inviteMember, stranger as strangerAccount } from '../support/org_fixture.mjs';
import { startFakeSmtp } from '../support/fake_smtp.mjs';

let relay;
let server;
let owner;
let stranger;
let respondent;
let orgId;

//! A day in Japan time, `offsetDays` from today, as YYYY-MM-DD.
function jstDay(offsetDays = 0) {
  return new Date(Date.now() + 9 * 3600 * 1000 + offsetDays * 86400 * 1000).toISOString().slice(0, 10);
}

before(async () => {
  relay = await startFakeSmtp();
  server = await startServer({ extraArgs: ['--smtp-url', `smtp://127.0.0.1:${relay.port}`, '--mail-from', 'mamori@example.jp'] });
  ({ owner, orgId } = await createOrganization(server, 'training-owner@example.jp', '教育テスト株式会社'));
  stranger = await strangerAccount(server, 'training-stranger@example.jp');
  respondent = await inviteMember(server, owner, orgId, 'training-worker@example.jp');
});
after(async () => {
  await server.stop();
  await relay.close();
});

async function plan(fields) {
  const form = await owner.request('GET', `/orgs/${orgId}/training/new`);
  assert.equal(form.status, 200);
  return postForm(owner, `/orgs/${orgId}/training/new`, { _csrf: csrfFrom(form.text), audience: 'all', ...fields });
}

const CORRECT = { q_updates: 'b', q_antivirus: 'b', q_password: 'c', q_sharing: 'b', q_new_threats: 'a' };

test('plan, hold, attendance, quiz, results, overdue, reminders and the item-20 hint', async () => {
  const empty = await owner.request('GET', `/orgs/${orgId}/training`);
  assert.equal(empty.status, 200);
  assert.match(empty.text, /まだ研修は計画されていません/);
  const dashboard = await owner.request('GET', `/orgs/${orgId}`);
  assert.ok(dashboard.text.includes(`href="/orgs/${orgId}/training"`), 'the organisation menu links to training');

  // Refusals name the field and keep what was typed.
  const untitled = await plan({ title: '', method: '朝礼', planned_on: jstDay(-30), quiz_set: 'five_articles' });
  assert.equal(untitled.status, 400);
  assert.match(untitled.text, /研修の名前を入力してください/);
  assert.match(untitled.text, /href="#title"/);
  assert.match(untitled.text, /value="朝礼"/);
  const unknownQuiz = await plan({ title: '5か条の確認', planned_on: jstDay(-30), quiz_set: 'nope' });
  assert.equal(unknownQuiz.status, 400);
  assert.match(unknownQuiz.text, /確認テスト「nope」はありません/);
  const badDate = await plan({ title: '5か条の確認', planned_on: '2026-02-30', quiz_set: '' });
  assert.equal(badDate.status, 400);
  assert.match(badDate.text, /href="#planned_on"/);

  const created = await plan({ title: '5か条の確認', content: '更新・ウイルス対策・パスワード', method: '朝礼', planned_on: jstDay(-30), quiz_set: 'five_articles' });
  assert.equal(created.status, 303, created.text.slice(0, 300));
  const sessionPath = created.headers.get('location').replace(/\?.*$/, '');
  assert.match(sessionPath, new RegExp(`^/orgs/${orgId}/training/\\d+$`));

  // Held 30 days ago, then attendance: only the owner is ticked.
  let page = await owner.request('GET', sessionPath);
  assert.equal(page.status, 200);
  assert.match(page.text, /研修を計画しました|5か条の確認/);
  const future = await postForm(owner, `${sessionPath}/held`, { _csrf: csrfFrom(page.text), held_on: jstDay(2) });
  assert.equal(future.status, 400);
  assert.match(future.text, /未来の日付/);
  assert.equal((await postForm(owner, `${sessionPath}/held`, { _csrf: csrfFrom(page.text), held_on: jstDay(-30) })).status, 303);
  page = await owner.request('GET', sessionPath);
  const ownerId = page.text.match(/id="attended-(\d+)"[^>]*><label for="attended-\d+">training-owner</)[1];
  assert.match(page.text, /<fieldset/);
  assert.equal((await postForm(owner, `${sessionPath}/attendance`, [['_csrf', csrfFrom(page.text)], ['attended', ownerId]])).status, 303);

  // The respondent sees the plan and takes the quiz on one page.
  const mine = await respondent.request('GET', `/orgs/${orgId}/training`);
  assert.equal(mine.status, 200);
  assert.match(mine.text, /5か条の確認/);
  const quiz = await respondent.request('GET', `${sessionPath}/quiz`);
  assert.equal(quiz.status, 200);
  assert.match(quiz.text, /<legend>問1 /);
  assert.match(quiz.text, /type="radio"/);
  const wrongChoice = await postForm(respondent, `${sessionPath}/quiz`, { _csrf: csrfFrom(quiz.text), ...CORRECT, q_updates: 'z' });
  assert.equal(wrongChoice.status, 400);
  assert.match(wrongChoice.text, /問1の答えを選んでください/);
  const taken = await postForm(respondent, `${sessionPath}/quiz`, { _csrf: csrfFrom(quiz.text), ...CORRECT });
  assert.equal(taken.status, 200, taken.text.slice(0, 300));
  assert.match(taken.text, /5問中5問正解/);
  assert.match(taken.text, /合格です/);
  assert.match(taken.text, /更新プログラムは攻撃に使われる弱点をふさぐ/, 'the explanations show');

  // The quiz in English comes from the content's English overlay.
  const english = await respondent.request('GET', `${sessionPath}/quiz?lang=en`);
  assert.match(english.text, /<legend>Question 1 Your computer says an update is available/);
  assert.match(english.text, /Update as soon as you reasonably can/);
  await respondent.request('GET', `${sessionPath}/quiz?lang=ja`);  // the choice is remembered; back to Japanese

  // The 責任者 sees results per member.
  page = await owner.request('GET', sessionPath);
  assert.match(page.text, /training-worker<\/th>\s*<td[^>]*>未記録<\/td>\s*<td[^>]*>合格（5問中5問正解/);
  assert.match(page.text, /training-owner<\/th>\s*<td[^>]*>出席<\/td>\s*<td[^>]*>未受験/);

  // Overdue: the respondent has no attendance, the owner no quiz (held 30 days ago, 14 allowed).
  const overdueMine = await respondent.request('GET', `/orgs/${orgId}/training`);
  assert.match(overdueMine.text, /期限切れ/);
  const board = await owner.request('GET', `/orgs/${orgId}`);
  assert.match(board.text, /受講が遅れているメンバーがいます/);
  assert.match(board.text, /training-worker: <a[^>]*>5か条の確認<\/a> \(出席が未記録\)/);
  const plan2 = await owner.request('GET', `/orgs/${orgId}/training`);
  assert.match(plan2.text, /リマインドを送る/);
  const reminded = await postForm(owner, `/orgs/${orgId}/training/remind`, { _csrf: csrfFrom(plan2.text) });
  assert.equal(reminded.status, 303);
  assert.equal(relay.messages.length, 2);
  const to = relay.messages.map((m) => m.to[0]).sort();
  assert.deepEqual(to, ['training-owner@example.jp', 'training-worker@example.jp']);
  assert.match(relay.messages[0].subject, /教育テスト株式会社/);
  assert.match(relay.messages[0].text, /5か条の確認/);
  const after = await owner.request('GET', reminded.headers.get('location'));
  assert.match(after.text, /2人にリマインドを送りました/);
  const audit = await owner.request('GET', `/orgs/${orgId}/audit`);
  assert.match(audit.text, /研修のリマインドを送信/);
  assert.match(audit.text, /研修の出席を記録/);

  // 自社診断 item 20: the evidence and a suggested answer (1 of 2 attended: 一部実施).
  const item20 = await respondent.request('GET', `/orgs/${orgId}/selfcheck/answer/q/20`);
  assert.equal(item20.status, 200);
  assert.match(item20.text, /教育の記録から/);
  assert.match(item20.text, /最後に実施した研修：5か条の確認/);
  assert.match(item20.text, /出席率：50%/);
  assert.match(item20.text, /確認テストの合格率：50%/);
  assert.match(item20.text, /記録からの目安：「一部実施している」/);
  assert.doesNotMatch(item20.text, /name="answer" value="partial" checked/, 'only a hint: nothing is chosen');
  const item19 = await respondent.request('GET', `/orgs/${orgId}/selfcheck/answer/q/19`);
  assert.doesNotMatch(item19.text, /教育の記録から/);
});

test('refusals: no CSRF token, another organisation, a respondent planning', async () => {
  const form = await owner.request('GET', `/orgs/${orgId}/training/new`);
  const noToken = await postForm(owner, `/orgs/${orgId}/training/new`, { title: 'x', planned_on: jstDay(), audience: 'all' });
  assert.equal(noToken.status, 403);
  assert.ok(csrfFrom(form.text));

  assert.equal((await stranger.request('GET', `/orgs/${orgId}/training`)).status, 404);
  assert.equal((await stranger.request('GET', `/orgs/${orgId}/training/new`)).status, 404);

  assert.equal((await respondent.request('GET', `/orgs/${orgId}/training/new`)).status, 403);
  const plan = await respondent.request('GET', `/orgs/${orgId}/training`);
  assert.doesNotMatch(plan.text, /研修を計画する<\/a>/, 'a respondent gets no planning link');
  assert.equal((await postForm(respondent, `/orgs/${orgId}/training/new`, { _csrf: csrfFrom(plan.text), title: 'x', planned_on: jstDay(), audience: 'all' })).status, 403);
  assert.equal((await postForm(respondent, `/orgs/${orgId}/training/remind`, { _csrf: csrfFrom(plan.text) })).status, 403);
});
