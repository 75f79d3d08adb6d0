// The consultant workspace (issue 12): a consultant account holds many client organisations and
// each client's data stays separated, between the consultant's own clients and between
// consultants; the portfolio shows each client's step, score and trend, open and overdue
// measures, incidents, visits and what changed since the last visit; an engagement follows the
// built-in programme (or the consultant's own), pre-work is tracked until the firm completes it,
// and the 実施報告書 and 最終報告書 come from the client's data. Runs on PostgreSQL too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, csrfFrom, postForm, dbQuery, answersAll } from '../support/server.mjs';
import { createOrganization, inviteMember, signedIn, PASSWORD } from '../support/org_fixture.mjs';

let server;
let alice;   // consultant with three clients
let bob;     // another consultant
let clients; // Alice's client ids by name
let bobClient;

function sql(query) {
  return dbQuery(server.db, query);
}

async function addClient(consultant, name) {
  const page = await consultant.request('GET', '/consultant');
  assert.equal(page.status, 200);
  const created = await postForm(consultant, '/consultant/clients', {
    _csrf: csrfFrom(page.text), name, industry: 'manufacturing', capital_yen: '10000000', employees: '12',
  });
  assert.equal(created.status, 303, created.text.slice(0, 300));
  const id = created.headers.get('location').match(/^\/orgs\/(\d+)\/coaching/)[1];
  return id;
}

async function startProgramme(client, orgId, fields = { programme_id: 'theme1_regulations' }) {
  const page = await client.request('GET', `/orgs/${orgId}/coaching`);
  assert.equal(page.status, 200, page.text.slice(0, 300));
  return postForm(client, `/orgs/${orgId}/coaching`, { _csrf: csrfFrom(page.text), ...fields });
}

async function saveVisit(client, orgId, number, fields) {
  const page = await client.request('GET', `/orgs/${orgId}/coaching`);
  return postForm(client, `/orgs/${orgId}/coaching/visits/${number}`, { _csrf: csrfFrom(page.text), ...fields });
}

// The session's token, as the page's forms carry it (a respondent cannot open the page).
async function markRequest(client, orgId, requestId, done = '1') {
  return postForm(client, `/orgs/${orgId}/coaching/requests/${requestId}`, { _csrf: client.csrf, done });
}

function requestIds(orgId, visit) {
  return sql(`SELECT id FROM engagement_requests WHERE org_id = ${Number(orgId)} AND visit_number = ${Number(visit)} ORDER BY id`)
    .split('\n').filter(Boolean);
}

before(async () => {
  server = await startServer();
  for (const email of ['alice@consult.example.jp', 'bob@consult.example.jp']) server.createUser(email, PASSWORD);
  alice = await signedIn(server, 'alice@consult.example.jp');
  bob = await signedIn(server, 'bob@consult.example.jp');
  clients = {};
  for (const name of ['甲製作所', '乙商事', '丙サービス']) clients[name] = await addClient(alice, name);
  bobClient = await addClient(bob, '丁工業');
});
after(async () => { await server.stop(); });

test('a consultant sees their own clients only, and nothing of another consultant\'s', async () => {
  const mine = await alice.request('GET', '/consultant');
  for (const name of ['甲製作所', '乙商事', '丙サービス']) assert.match(mine.text, new RegExp(name));
  assert.doesNotMatch(mine.text, /丁工業/);
  const theirs = await bob.request('GET', '/consultant');
  assert.match(theirs.text, /丁工業/);
  assert.doesNotMatch(theirs.text, /甲製作所|乙商事|丙サービス/);
  for (const path of [`/orgs/${bobClient}`, `/orgs/${bobClient}/coaching`, `/orgs/${bobClient}/coaching/reports/final`]) {
    assert.equal((await alice.request('GET', path)).status, 404, path);
  }
  // The role is stored as consultant in each client, and only there.
  assert.equal(sql(`SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE u.email = 'alice@consult.example.jp' AND m.role = 'consultant'`), '3');
});

test('between one consultant\'s clients, an object of one client is not found under another', async () => {
  const [first, second] = [clients['甲製作所'], clients['乙商事']];
  assert.equal((await startProgramme(alice, first)).status, 303);
  assert.equal((await startProgramme(alice, second)).status, 303);
  const [foreignRequest] = requestIds(second, 1);
  const borrowed = await markRequest(alice, first, foreignRequest);
  assert.equal(borrowed.status, 404);
  assert.equal(sql(`SELECT done_at FROM engagement_requests WHERE id = ${foreignRequest}`), '');
  const fromBob = await bob.request('GET', `/orgs/${first}/coaching`);
  assert.equal(fromBob.status, 404);
});

test('a firm can invite a consultant, whose portfolio then lists the firm', async () => {
  const firm = await createOrganization(server, 'owner@firm.example.jp', '戊電機');
  const carol = await inviteMember(server, firm.owner, firm.orgId, 'carol@consult.example.jp', { role: 'consultant' });
  const portfolio = await carol.request('GET', '/consultant');
  assert.match(portfolio.text, /戊電機/);
  // The firm's owner coaches nobody: the workspace is empty for them.
  const owners = await firm.owner.request('GET', '/consultant');
  assert.equal(owners.status, 200);
  assert.doesNotMatch(owners.text, /id="portfolio"/);
});

test('the built-in programme: three visits with pre-work, agenda and deliverables; the firm marks pre-work done', async () => {
  const orgId = clients['甲製作所'];
  const page = await alice.request('GET', `/orgs/${orgId}/coaching`);
  for (const text of ['第1回 チェックシートに基づく', '第2回 新規規程案の作成', '第3回 新規程の運用方法の確認',
    '「5分でできる！自社診断」による自己診断の実施', '自社診断の結果のまとめ', '最終報告書']) {
    assert.ok(page.text.includes(text), text);
  }
  assert.equal(requestIds(orgId, 1).length, 4);
  // The consultant invites the firm's 責任者 and a respondent.
  const manager = await inviteMember(server, alice, orgId, 'sekinin@kou.example.jp', { role: 'manager' });
  const staff = await inviteMember(server, alice, orgId, 'staff@kou.example.jp', { role: 'respondent' });
  assert.equal((await staff.request('GET', `/orgs/${orgId}/coaching`)).status, 403);
  const [selfcheck] = requestIds(orgId, 1).slice(1, 2);
  assert.equal((await markRequest(staff, orgId, selfcheck)).status, 403);
  assert.equal((await markRequest(manager, orgId, selfcheck)).status, 303);
  assert.match(sql(`SELECT done_at FROM engagement_requests WHERE id = ${selfcheck}`), /^\d{4}-\d{2}-\d{2}T/);
  const audited = sql(`SELECT count(*) FROM audit_log WHERE org_id = ${orgId} AND action = 'coaching.request_done'`);
  assert.equal(audited, '1');
  // Reopened by the consultant, then done on site.
  assert.equal((await markRequest(alice, orgId, selfcheck, '0')).status, 303);
  assert.equal(sql(`SELECT done_at FROM engagement_requests WHERE id = ${selfcheck}`), '');
  for (const id of requestIds(orgId, 1)) assert.equal((await markRequest(alice, orgId, id)).status, 303);
  const after = await alice.request('GET', `/orgs/${orgId}/coaching`);
  assert.match(after.text, /事前準備は完了/);
});

test('a visit takes dates and notes; a bad date names its field', async () => {
  const orgId = clients['甲製作所'];
  const bad = await saveVisit(alice, orgId, 1, { planned_on: '2026/12/01', held_on: '', notes: '' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /planned_on/);
  const ok = await saveVisit(alice, orgId, 1, { planned_on: '2026-11-20', held_on: '2026-11-20', notes: '規程の整備状況を確認した\n次回までに基本方針の案を作る' });
  assert.equal(ok.status, 303);
  assert.equal((await saveVisit(alice, orgId, 2, { planned_on: '2026-12-10', held_on: '', notes: '' })).status, 303);
  assert.equal((await saveVisit(alice, orgId, 9, { planned_on: '', held_on: '', notes: '' })).status, 404);
  assert.equal(sql(`SELECT count(*) FROM audit_log WHERE org_id = ${orgId} AND action = 'coaching.visit'`), '2');
});

test('a consultant\'s own programme is checked by the same loader, with the field at fault named', async () => {
  const orgId = clients['丙サービス'];
  const broken = 'id: own\nversion: "1"\ntitle: 独自の指導\nvisits:\n  - number: 1\n    title: 初回\n';
  const refused = await startProgramme(alice, orgId, { source: 'own', programme_yaml: broken });
  assert.equal(refused.status, 400);
  assert.match(refused.text, /visits\.1\.agenda/);
  const own = 'id: own_plan\nversion: "1"\ntitle: 独自の指導\nvisits:\n  - number: 1\n    title: 初回\n' +
    '    prework:\n      - key: list\n        text: 機器の一覧を用意する\n    agenda:\n      - 現状を聞く\n';
  const started = await startProgramme(alice, orgId, { source: 'own', programme_yaml: own });
  assert.equal(started.status, 303, started.text.slice(0, 300));
  const page = await alice.request('GET', `/orgs/${orgId}/coaching`);
  assert.match(page.text, /機器の一覧を用意する/);
  assert.equal(sql(`SELECT programme_id FROM engagements WHERE org_id = ${orgId}`), 'own_plan');
});

test('the portfolio shows step, score and trend, open and overdue measures, incidents, visits and changes since the last visit', async () => {
  const orgId = clients['甲製作所'];
  // Round 1, answered before the visit of 2026-11-20 (its start moved back: the server's clock is today).
  let answers = answersAll('implemented');
  answers['3'] = 'not_implemented';
  answers['7'] = 'partial';
  const first = await alice.request('POST', `/api/v1/orgs/${orgId}/selfchecks`, { json: { respondent: '本社', answers } });
  assert.equal(first.status, 201, first.text);
  sql(`UPDATE selfcheck_rounds SET started_at = '2026-11-01T00:00:00Z' WHERE org_id = ${orgId}`);
  const overview = await alice.request('GET', `/orgs/${orgId}/selfcheck`);
  assert.equal((await postForm(alice, `/orgs/${orgId}/selfcheck/rounds`, { _csrf: csrfFrom(overview.text) })).status, 303);
  answers = answersAll('implemented');
  answers['7'] = 'partial';
  const second = await alice.request('POST', `/api/v1/orgs/${orgId}/selfchecks`, { json: { respondent: '本社', answers } });
  assert.equal(second.status, 201, second.text);
  // An overdue measure and an open incident.
  const assets = await alice.request('GET', `/orgs/${orgId}/risk/assets/new`);
  assert.equal((await postForm(alice, `/orgs/${orgId}/risk/assets/new`, { _csrf: csrfFrom(assets.text), business_category: '営業',
    name: '顧客名簿', medium: 'office_pc', personal_info: '1', confidentiality: '2', integrity: '2', availability: '1' })).status, 303);
  const assetId = sql(`SELECT max(id) FROM assets WHERE org_id = ${orgId}`);
  sql(`INSERT INTO risk_treatments (org_id, asset_id, threat_id, decision, measure, due_on)
    VALUES (${orgId}, ${assetId}, 'office_pc_malware', 'reduce', 'ウイルス対策ソフトを更新する', '2020-01-31')`);
  const incident = await alice.request('GET', `/orgs/${orgId}/incidents/new`);
  assert.equal((await postForm(alice, `/orgs/${orgId}/incidents/new`, { _csrf: csrfFrom(incident.text),
    what: '不審なメールを開いた', noticed_at: '2026-12-01T09:00', device: '' })).status, 303);

  const page = await alice.request('GET', '/consultant');
  assert.equal(page.status, 200);
  const row = page.text.match(new RegExp(`<tr id="client-${orgId}">([\\s\\S]*?)</tr>`))[1];
  assert.match(row, /ステップ\d/);
  assert.match(row, /\d+ \/ 100/);
  assert.match(row, /\d+ → \d+/, 'the trend oldest to newest');
  assert.match(row, /\+\d+/, 'the score went up');
  assert.match(row, /期限切れ 1/);
  assert.match(row, /対応中のインシデント 1/);
  assert.match(row, /前回： 2026年11月20日/);
  assert.match(row, /次回： 2026年12月10日/);
  assert.match(row, /回答が変わった項目 1/);
  assert.match(row, /No\.3 [^:]+: 実施していない → 実施している/);
  // Another client, without rounds or visits.
  const other = page.text.match(new RegExp(`<tr id="client-${clients['乙商事']}">([\\s\\S]*?)</tr>`))[1];
  assert.match(other, /未実施/);
  assert.match(other, /比べる診断がありません/);
  assert.match(other, /未完了の事前準備： 8/);
});

test('the portfolio shows a client\'s new score right after an answer changes', async () => {
  const orgId = clients['丙サービス'];
  const scoreIn = async () => {
    const page = await alice.request('GET', '/consultant');
    assert.equal(page.status, 200);
    const row = page.text.match(new RegExp(`<tr id="client-${orgId}">([\\s\\S]*?)</tr>`))[1];
    return Number(row.match(/(-?\d+) \/ 100/)[1]);
  };
  const answers = answersAll('implemented');
  assert.equal((await alice.request('POST', `/api/v1/orgs/${orgId}/selfchecks`, { json: { respondent: '本社', answers } })).status, 201);
  assert.equal(await scoreIn(), 100);
  // The same respondent in the same round answers one item differently: the page follows at once.
  answers['4'] = 'not_implemented';
  assert.equal((await alice.request('POST', `/api/v1/orgs/${orgId}/selfchecks`, { json: { respondent: '本社', answers } })).status, 201);
  assert.equal(await scoreIn(), 96);
  // Kept beside the answers, in the same transaction, one row per round.
  assert.equal(sql(`SELECT total FROM selfcheck_round_scores WHERE org_id = ${Number(orgId)}`), '96');
});

test('the visit report and the final report come from the client\'s data', async () => {
  const orgId = clients['甲製作所'];
  const visit = await alice.request('GET', `/orgs/${orgId}/coaching/reports/visit-1`);
  assert.equal(visit.status, 200);
  for (const text of ['実施報告書（第1回）', '規程の整備状況を確認した', '次回までに基本方針の案を作る', '完了',
    '訪問指導の目標、作業内容', '自社診断の結果のまとめ', '第2回 新規規程案の作成', '2026年12月10日']) {
    assert.ok(visit.text.includes(text), text);
  }
  assert.equal((await alice.request('GET', `/orgs/${orgId}/coaching/reports/visit-7`)).status, 404);
  const final = await alice.request('GET', `/orgs/${orgId}/coaching/reports/final`);
  assert.equal(final.status, 200);
  for (const text of ['最終報告書', '訪問の記録', '4 / 4', '自社診断の推移', '残っている依頼事項', '依頼された必要情報の準備']) {
    assert.ok(final.text.includes(text), text);
  }
  const pdf = await alice.request('GET', `/orgs/${orgId}/coaching/reports/visit-1.pdf`);
  assert.equal(pdf.status, 200);
  assert.match(pdf.headers.get('content-type'), /application\/pdf/);
  const docx = await alice.request('GET', `/orgs/${orgId}/coaching/reports/final.docx`);
  assert.equal(docx.status, 200);
  assert.ok(Number(sql(`SELECT count(*) FROM audit_log WHERE org_id = ${orgId} AND action = 'data.export'`)) >= 2);
  assert.equal((await bob.request('GET', `/orgs/${orgId}/coaching/reports/visit-1.pdf`)).status, 404);
});
