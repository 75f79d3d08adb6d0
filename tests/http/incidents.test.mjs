// HTTP tests of the incident register (issue 9): a 回答者 reports
// 「異常を見つけた」 and sees only their own report; the owner classifies it,
// ticks the procedure's steps, records evidence, answers the personal-data
// questions and sees the 速報/確報 due dates (also on the dashboard) until
// they are done; bad input is 400 naming the field; a respondent may not
// classify (403); another organisation answers 404; a POST without the CSRF
// token is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, csrfFrom, postForm } from '../support/server.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let server;
let owner;
let stranger;
let respondent;
let orgId;
let incidentPath;

function jstMinute(offsetMinutes = 0) {
  const d = new Date(Date.now() + 9 * 3600 * 1000 + offsetMinutes * 60 * 1000);
  return d.toISOString().slice(0, 16);
}

before(async () => {
  server = await startServer();
  server.createUser('incidents-owner@example.jp', PASSWORD);
  server.createUser('incidents-stranger@example.jp', PASSWORD);
  owner = new ApiClient(server.base);
  await owner.signIn('incidents-owner@example.jp', PASSWORD);
  stranger = new ApiClient(server.base);
  await stranger.signIn('incidents-stranger@example.jp', PASSWORD);
  orgId = (await owner.request('POST', '/api/v1/orgs', { json: { name: '事故対応テスト株式会社', industry: 'retail', capital_yen: 10000000, employees: 8 } })).data.id;

  const profile = await owner.request('GET', `/orgs/${orgId}/profile`);
  assert.equal((await postForm(owner, `/orgs/${orgId}/departments`, { _csrf: csrfFrom(profile.text), department_name: '営業部' })).status, 303);
  const members = await owner.request('GET', `/orgs/${orgId}/members`);
  const departmentId = members.text.match(/<option value="(\d+)"[^>]*>営業部<\/option>/)[1];
  const invited = await postForm(owner, `/orgs/${orgId}/members`, { _csrf: csrfFrom(members.text), email: 'incidents-worker@example.jp', role: 'respondent', department_id: departmentId });
  const link = invited.text.match(/\/invite\/([A-Za-z0-9_-]+)/)[0];
  const worker = new ApiClient(server.base);
  const invitePage = await worker.request('GET', link);
  assert.equal((await postForm(worker, link, { _csrf: csrfFrom(invitePage.text), password: PASSWORD, password_confirm: PASSWORD })).status, 303);
  respondent = new ApiClient(server.base);
  assert.equal((await respondent.signIn('incidents-worker@example.jp', PASSWORD)).status, 200);
});
after(async () => { await server.stop(); });

test('a respondent reports a problem and sees only their own report', async () => {
  const form = await respondent.request('GET', `/orgs/${orgId}/incidents/new`);
  assert.equal(form.status, 200);
  assert.match(form.text, /異常を見つけた/);
  assert.match(form.text, /type="datetime-local" id="noticed_at" name="noticed_at" value="\d{4}-\d\d-\d\dT\d\d:\d\d"/, 'the time starts as now');
  const sent = await postForm(respondent, `/orgs/${orgId}/incidents/new`, { _csrf: csrfFrom(form.text), what: '添付ファイルを開いたら警告が出た', noticed_at: jstMinute(-5), device: '営業部のノートPC' });
  assert.equal(sent.status, 303, sent.text.slice(0, 300));
  const confirmation = await respondent.request('GET', sent.headers.get('location'));
  assert.equal(confirmation.status, 200);
  assert.match(confirmation.text, /報告を受け付けました/);
  assert.match(confirmation.text, /責任者に届きました/);
  incidentPath = sent.headers.get('location').replace(/\/reported$/, '');

  const own = await respondent.request('GET', incidentPath);
  assert.equal(own.status, 200);
  assert.match(own.text, /営業部のノートPC/);
  assert.doesNotMatch(own.text, /action="[^"]*\/classify"/, 'a respondent gets no classification form');

  // The owner's report is not the respondent's to see.
  const ownerForm = await owner.request('GET', `/orgs/${orgId}/incidents/new`);
  const ownerSent = await postForm(owner, `/orgs/${orgId}/incidents/new`, { _csrf: csrfFrom(ownerForm.text), what: '共有フォルダのファイルが消えた', noticed_at: jstMinute(-60), device: '' });
  assert.equal(ownerSent.status, 303);
  const ownerPath = ownerSent.headers.get('location').replace(/\/reported$/, '');
  assert.equal((await respondent.request('GET', ownerPath)).status, 404);
  const list = await respondent.request('GET', `/orgs/${orgId}/incidents`);
  assert.equal(list.status, 200);
  assert.match(list.text, /添付ファイルを開いたら警告が出た/);
  assert.doesNotMatch(list.text, /共有フォルダのファイルが消えた/);
  const all = await owner.request('GET', `/orgs/${orgId}/incidents`);
  assert.match(all.text, /共有フォルダのファイルが消えた/);
  assert.match(all.text, /添付ファイルを開いたら警告が出た/);

  // Respondents may not work on it.
  const refused = await postForm(respondent, `${incidentPath}/classify`, { _csrf: csrfFrom(own.text), kind: 'malware', work_impact: '1' });
  assert.equal(refused.status, 403);
});

test('bad reports are refused with 400 naming the field, and nothing is stored', async () => {
  const form = await respondent.request('GET', `/orgs/${orgId}/incidents/new`);
  const csrf = csrfFrom(form.text);
  const cases = [
    [{ what: '', noticed_at: jstMinute(), device: '' }, 'what', /何が起きたかを入力してください/],
    [{ what: 'x', noticed_at: '2026-02-30T09:00', device: '' }, 'noticed_at', /正しい日時/],
    [{ what: 'x', noticed_at: jstMinute(24 * 60), device: '' }, 'noticed_at', /未来/],
  ];
  for (const [fields, field, message] of cases) {
    const response = await postForm(respondent, `/orgs/${orgId}/incidents/new`, { _csrf: csrf, ...fields });
    assert.equal(response.status, 400, field);
    assert.match(response.text, new RegExp(`href="#${field}"`));
    assert.match(response.text, message);
  }
  const list = await respondent.request('GET', `/orgs/${orgId}/incidents`);
  assert.equal((list.text.match(/scope="row"/g) || []).length, 1, 'only the first report is stored');

  const noToken = await postForm(respondent, `/orgs/${orgId}/incidents/new`, { what: 'x', noticed_at: jstMinute(), device: '' });
  assert.equal(noToken.status, 403);
});

test('the owner classifies, ticks steps and sees the reporting deadlines until done', async () => {
  let page = await owner.request('GET', incidentPath);
  assert.equal(page.status, 200);
  let csrf = csrfFrom(page.text);
  const badKind = await postForm(owner, `${incidentPath}/classify`, { _csrf: csrf, kind: 'earthquake' });
  assert.equal(badKind.status, 400);
  assert.match(badKind.text, /href="#kind"/);

  assert.equal((await postForm(owner, `${incidentPath}/classify`, { _csrf: csrf, kind: 'leak', personal_data_leak: '1' })).status, 303);
  page = await owner.request('GET', incidentPath);
  assert.match(page.text, /被害レベル3/);
  assert.match(page.text, /最高責任者/);
  assert.match(page.text, /id="step-preserve_evidence"/, 'the leak procedure\'s steps are listed');

  assert.equal((await postForm(owner, `${incidentPath}/steps`, { _csrf: csrf, step: 'preserve_evidence' })).status, 303);
  const badStep = await postForm(owner, `${incidentPath}/steps`, { _csrf: csrf, step: 'no_such_step' });
  assert.equal(badStep.status, 400);
  assert.match(badStep.text, /href="#step"/);
  assert.equal((await postForm(owner, `${incidentPath}/records`, { _csrf: csrf, type: 'isolation', text: 'LANケーブルを抜いた' })).status, 303);
  page = await owner.request('GET', incidentPath);
  assert.match(page.text, /id="step-preserve_evidence">[\s\S]*?tag--done">済<[\s\S]*?<\/li>/);
  assert.match(page.text, /機器を切り離し: LANケーブルを抜いた/);

  const badPeople = await postForm(owner, `${incidentPath}/leak`, { _csrf: csrf, personal_data: '1', affected_people: 'many', aware_on: '2026-01-05' });
  assert.equal(badPeople.status, 400);
  assert.match(badPeople.text, /href="#affected_people"/);
  assert.equal((await postForm(owner, `${incidentPath}/leak`, { _csrf: csrf, personal_data: '1', affected_people: '1001', aware_on: '2026-01-05' })).status, 303);
  page = await owner.request('GET', incidentPath);
  assert.match(page.text, /id="duty-preliminary">[^<]*<strong>2026年1月8日[^<]*まで/);
  assert.match(page.text, /id="duty-final">[^<]*<strong>2026年2月3日[^<]*まで/);

  let dashboard = await owner.request('GET', `/orgs/${orgId}`);
  assert.match(dashboard.text, /id="dashboard-incidents"/);
  assert.match(dashboard.text, /速報の期限 2026年1月8日/);

  csrf = csrfFrom(page.text);
  assert.equal((await postForm(owner, `${incidentPath}/report-sent`, { _csrf: csrf, stage: 'preliminary' })).status, 303);
  dashboard = await owner.request('GET', `/orgs/${orgId}`);
  assert.doesNotMatch(dashboard.text, /速報の期限/);
  assert.match(dashboard.text, /確報の期限 2026年2月3日/);

  // Closing: the statement starts from the template with the company filled in.
  assert.match(page.text, /<textarea id="public_statement"[^>]*>お客さまへ[^<]*において/);
  // The close form is multipart: a urlencoded body is capped at 8 KiB, less than a Japanese statement needs.
  assert.match(page.text, /action="[^"]*\/close" enctype="multipart\/form-data"/);
  const closeForm = async (fields) => {
    const form = new FormData();
    form.append('_csrf', csrf);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const response = await fetch(server.base + `${incidentPath}/close`, { method: 'POST', body: form, headers: { Cookie: owner.cookieHeader() }, redirect: 'manual' });
    return { status: response.status, text: await response.text() };
  };
  const longCause = await closeForm({ cause: 'あ'.repeat(1400), prevention: 'メール訓練を行う。', public_statement: '' });
  assert.equal(longCause.status, 400);
  assert.match(longCause.text, /href="#cause"/);
  assert.match(longCause.text, />メール訓練を行う。<\/textarea>/);  // what was typed stays
  const noPrevention = await closeForm({ cause: '添付ファイル経由の感染。', prevention: '' });
  assert.equal(noPrevention.status, 400);
  assert.match(noPrevention.text, /href="#prevention"/);
  const longStatement = await closeForm({ cause: '原因', prevention: '対策', public_statement: 'あ'.repeat(2667) });
  assert.equal(longStatement.status, 400);
  assert.match(longStatement.text, /href="#public_statement"/);
  assert.equal((await owner.request('GET', `${incidentPath}/report`)).status, 409);  // still open
  assert.equal((await closeForm({ cause: '添付ファイル経由の感染。', prevention: 'メール訓練を行う。', public_statement: 'お客さまへのお知らせ（見本）' + 'あ'.repeat(2000) })).status, 303);
  page = await owner.request('GET', incidentPath);
  assert.match(page.text, /対応を終了しました/);
  assert.match(page.text, /href="[^"]*\/report\.pdf"/);

  // The report: HTML in the page, PDF and DOCX downloads; not for the reporter (a 回答者).
  const report = await owner.request('GET', `${incidentPath}/report`);
  assert.equal(report.status, 200);
  assert.match(report.text, /インシデント報告書（第\d+号）/);
  assert.match(report.text, /添付ファイル経由の感染。/);
  assert.match(report.text, /メール訓練を行う。/);
  assert.match(report.text, /お客さまへのお知らせ（見本）/);
  assert.match(report.text, /LANケーブルを抜いた/);
  const pdf = await owner.request('GET', `${incidentPath}/report.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.ok(pdf.text.startsWith('%PDF'));
  const docx = await owner.request('GET', `${incidentPath}/report.docx`);
  assert.equal(docx.status, 200);
  assert.match(docx.headers.get('content-type'), /wordprocessingml/);
  for (const path of [`${incidentPath}/report`, `${incidentPath}/report.pdf`, `${incidentPath}/report.docx`]) {
    assert.equal((await respondent.request('GET', path)).status, 403, path);
  }
  assert.doesNotMatch((await respondent.request('GET', incidentPath)).text, /report\.pdf/);
  assert.doesNotMatch(page.text, /action="[^"]*\/classify"/);
  dashboard = await owner.request('GET', `/orgs/${orgId}`);
  assert.doesNotMatch(dashboard.text, /確報の期限/);
});

test('another organisation answers 404', async () => {
  for (const path of [`/orgs/${orgId}/incidents`, `/orgs/${orgId}/incidents/new`, incidentPath]) {
    assert.equal((await stranger.request('GET', path)).status, 404, path);
  }
  const otherOrg = (await stranger.request('POST', '/api/v1/orgs', { json: { name: '別組織株式会社', industry: 'retail', capital_yen: 10000000, employees: 3 } })).data.id;
  const foreignId = incidentPath.match(/(\d+)$/)[1];
  assert.equal((await stranger.request('GET', `/orgs/${otherOrg}/incidents/${foreignId}`)).status, 404);
  const form = await stranger.request('GET', `/orgs/${otherOrg}/incidents/new`);
  assert.equal((await postForm(stranger, `/orgs/${otherOrg}/incidents/${foreignId}/classify`, { _csrf: csrfFrom(form.text), kind: 'malware' })).status, 404);

  // The form speaks English too.
  const english = await stranger.request('GET', `/orgs/${otherOrg}/incidents/new?lang=en`);
  assert.equal(english.status, 200);
  assert.match(english.text, /Report a problem \(異常を見つけた\)/);
  assert.match(english.text, /Which device/);
});
