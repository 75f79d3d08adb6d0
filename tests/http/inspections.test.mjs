// HTTP tests of 点検と改善 (issue 12, guideline Part 2 4(5)): an editor plans an inspection against
// a standard with the guideline's methods, records the results and a finding whose corrective
// action has an owner and a due date; an overdue action shows on the list; closing it is recorded;
// the 経営者 records the report to the owner; the history has its chart. Members read, only editors
// change (the 経営者 may record the report), a stranger gets 404, bad input is a 400 naming the
// field, and every change is in the audit log. The JSON API lists and creates inspections.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, csrfFrom, postForm, dbQuery } from '../support/server.mjs';
import { createOrganization, inviteMember, stranger as strangerAccount } from '../support/org_fixture.mjs';

let server;
let owner;
let orgId;
let executive;
let respondent;
let outsider;

before(async () => {
  server = await startServer();
  ({ owner, orgId } = await createOrganization(server, 'inspect-owner@example.jp', '点検テスト株式会社'));
  executive = await inviteMember(server, owner, orgId, 'inspect-boss@example.jp', { role: 'executive' });
  respondent = await inviteMember(server, owner, orgId, 'inspect-staff@example.jp');
  outsider = await strangerAccount(server, 'inspect-stranger@example.jp');
});
after(async () => { await server.stop(); });

const base = () => `/orgs/${orgId}/inspections`;

async function post(client, path, fields) {
  const page = await client.request('GET', base());
  return postForm(client, path, { _csrf: csrfFrom(page.text), ...fields });
}

let inspectionId;

test('an inspection is planned with a standard and methods; bad input names the field', async () => {
  const form = await owner.request('GET', `${base()}/new`);
  assert.equal(form.status, 200);
  assert.match(form.text, /質問（インタビュー）/);
  assert.match(form.text, /技術診断/);
  assert.match(form.text, /自社のルール・規程/);

  const noMethod = await postForm(owner, `${base()}/new`, { _csrf: csrfFrom(form.text), title: '更新状況の点検', standard: 'five_articles', planned_on: '2026-11-01' });
  assert.equal(noMethod.status, 400);
  assert.match(noMethod.text, /点検の方法を1つ以上選んでください/);
  assert.match(noMethod.text, /href="#choice-question"/, 'the error summary links to the first method');
  const badStandard = await postForm(owner, `${base()}/new`, { _csrf: csrfFrom(form.text), title: 'x', standard: 'iso', method: 'question', planned_on: '2026-11-01' });
  assert.equal(badStandard.status, 400);
  assert.match(badStandard.text, /点検の基準を選んでください/);

  const body = new URLSearchParams({ _csrf: csrfFrom(form.text), title: '持出しPCの更新状況の点検', standard: 'five_articles', scope: '5か条 No.1', inspector: '山田', planned_on: '2026-11-01' });
  body.append('method', 'question');
  body.append('method', 'review');
  const created = await owner.request('POST', `${base()}/new`, { body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(created.status, 303, created.text.slice(0, 300));
  inspectionId = created.headers.get('location').match(/inspections\/(\d+)/)[1];
  const page = await owner.request('GET', `${base()}/${inspectionId}?done=planned`);
  assert.equal(page.status, 200);
  assert.match(page.text, /点検を計画しました/);
  assert.match(page.text, /質問（インタビュー）、閲覧（レビュー）/);
  assert.equal(dbQuery(server.db, `SELECT methods FROM inspections WHERE id = ${inspectionId}`), 'question,review');
});

test('results, a finding with its corrective action, overdue, closing and the report to the owner', async () => {
  const path = `${base()}/${inspectionId}`;
  assert.equal((await post(owner, `${path}/result`, { done_on: '2026-11-02', summary: '1台が2か月更新されていなかった' })).status, 303);
  const future = await post(owner, `${path}/result`, { done_on: '2099-01-01', summary: '' });
  assert.equal(future.status, 400);
  assert.match(future.text, /未来の日付は入力できません/);

  const page = await owner.request('GET', path);
  const ownerId = page.text.match(/<option value="(\d+)">[^<]*inspect-owner@example\.jp|<option value="(\d+)"/).slice(1).find(Boolean);
  const noOwner = await post(owner, `${path}/findings`, { description: '更新停止', severity: 'high', action: '更新する', action_owner: '999999', due_on: '2026-11-10' });
  assert.equal(noOwner.status, 400);
  assert.match(noOwner.text, /この組織のメンバーから選んでください/);
  // Due in the past: overdue at once.
  const added = await post(owner, `${path}/findings`, { description: '持出しPCの更新が止まっていた', severity: 'high', action: '出発前に更新する手順を決める', action_owner: ownerId, due_on: '2020-01-10' });
  assert.equal(added.status, 303, added.text.slice(0, 300));
  const list = await owner.request('GET', base());
  assert.match(list.text, /id="overdue-actions"/);
  assert.match(list.text, /出発前に更新する手順を決める/);
  assert.match(list.text, /class="mamori-chart mamori-chart-columns/, 'the history chart is drawn on the server');
  assert.match(list.text, /<td>1<\/td><td>0<\/td>/, 'one finding, none corrected yet');

  const owners = await owner.request('GET', `/orgs/${orgId}/owner`);
  assert.match(owners.text, /期限を過ぎたものが1件あります/, 'the owner view names the overdue action');

  const findingId = dbQuery(server.db, `SELECT id FROM inspection_findings WHERE inspection_id = ${inspectionId}`);
  assert.equal((await post(owner, `${path}/findings/${findingId}/close`, {})).status, 303);
  assert.notEqual(dbQuery(server.db, `SELECT closed_on FROM inspection_findings WHERE id = ${findingId}`), '');
  const after = await owner.request('GET', base());
  assert.doesNotMatch(after.text, /id="overdue-actions"/);
  const actions = await owner.request('GET', `${base()}/actions`);
  assert.match(actions.text, /完了/);

  // The 経営者 records hearing the results; the owner view then counts the cycle as closed.
  const early = await post(executive, `${path}/report`, { reported_on: '2026-11-01', owner_comment: '' });
  assert.equal(early.status, 400, 'not before the inspection');
  const reported = await post(executive, `${path}/report`, { reported_on: '2026-11-03', owner_comment: '来期も続けてください' });
  assert.equal(reported.status, 303, reported.text.slice(0, 300));
  assert.equal(dbQuery(server.db, `SELECT reported_on FROM inspections WHERE id = ${inspectionId}`), '2026-11-03');

  const audit = dbQuery(server.db, `SELECT action FROM audit_log WHERE org_id = ${orgId} AND action LIKE 'inspection.%' ORDER BY id`);
  assert.deepEqual(audit.split('\n'), ['inspection.plan', 'inspection.record', 'inspection.finding.add', 'inspection.action.close', 'inspection.report']);
});

test('members read; only editors change; a stranger gets 404', async () => {
  assert.equal((await respondent.request('GET', base())).status, 200);
  assert.equal((await respondent.request('GET', `${base()}/${inspectionId}`)).status, 200);
  assert.equal((await executive.request('GET', `${base()}/new`)).status, 403);
  const refused = await post(respondent, `${base()}/${inspectionId}/result`, { done_on: '2026-11-02', summary: '' });
  assert.equal(refused.status, 403);
  const notReporter = await post(respondent, `${base()}/${inspectionId}/report`, { reported_on: '2026-11-03' });
  assert.equal(notReporter.status, 403);
  assert.equal((await outsider.request('GET', base())).status, 404);
  assert.equal((await outsider.request('GET', `${base()}/${inspectionId}`)).status, 404);
  // Another organisation's inspection id under my organisation is not found.
  const { owner: other, orgId: otherOrg } = await createOrganization(server, 'inspect-other@example.jp', '別会社');
  assert.equal((await other.request('GET', `/orgs/${otherOrg}/inspections/${inspectionId}`)).status, 404);
});

test('the JSON API lists and creates inspections', async () => {
  const list = await owner.request('GET', `/api/v1/orgs/${orgId}/inspections`);
  assert.equal(list.status, 200);
  assert.equal(list.data.inspections.length, 1);
  assert.equal(list.data.inspections[0].findings, 1);
  assert.equal(list.data.inspections[0].closed_actions, 1);
  assert.deepEqual(list.data.inspections[0].methods, ['question', 'review']);

  const created = await owner.request('POST', `/api/v1/orgs/${orgId}/inspections`, { json: { title: '規程の点検', standard: 'own_rules', methods: ['checklist'], planned_on: '2027-04-01' } });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.data.standard, 'own_rules');
  assert.equal(created.data.done_on, null);
  const bad = await owner.request('POST', `/api/v1/orgs/${orgId}/inspections`, { json: { title: 'x', standard: 'own_rules', methods: ['guessing'], planned_on: '2027-04-01' } });
  assert.equal(bad.status, 400);
  assert.equal(bad.data.error.field, 'methods');
  const noDate = await owner.request('POST', `/api/v1/orgs/${orgId}/inspections`, { json: { title: 'x', standard: 'own_rules', methods: ['checklist'] } });
  assert.equal(noDate.status, 400);
  assert.equal(noDate.data.error.field, 'planned_on');
  assert.equal((await respondent.request('POST', `/api/v1/orgs/${orgId}/inspections`, { json: { title: 'x', standard: 'own_rules', methods: ['checklist'], planned_on: '2027-04-01' } })).status, 403);
  assert.equal((await outsider.request('GET', `/api/v1/orgs/${orgId}/inspections`)).status, 404);
});
