// HTTP tests of the incident guides (issue 9): the damage-level page any
// member reads; the IT environment on the 事業継続 page; and each incident's
// 「事前に整理する情報」, drafted from the firm's data (the report, the
// timeline, the register's media, the cloud services, the IT environment),
// saved by the 責任者, refused to a respondent (403) and to another
// organisation (404), with a too-long answer named (400, typed text kept).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, csrfFrom, postForm } from '../support/server.mjs';
import { createOrganization, inviteMember, stranger as strangerAccount } from '../support/org_fixture.mjs';

let server;
let owner;
let stranger;
let respondent;
let orgId;

function jstMinute(offsetMinutes = 0) {
  const d = new Date(Date.now() + 9 * 3600 * 1000 + offsetMinutes * 60 * 1000);
  return d.toISOString().slice(0, 16);
}

// The sheet's form is multipart: seven answers can pass the 8 KiB cap of a urlencoded body.
async function postMultipart(client, path, fields) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(server.base + path, { method: 'POST', body: form, headers: { Cookie: client.cookieHeader() }, redirect: 'manual' });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function report(client, fields) {
  const form = await client.request('GET', `/orgs/${orgId}/incidents/new`);
  const sent = await postForm(client, `/orgs/${orgId}/incidents/new`, { _csrf: csrfFrom(form.text), noticed_at: jstMinute(-30), device: '', ...fields });
  assert.equal(sent.status, 303, sent.text.slice(0, 300));
  return sent.headers.get('location').replace(/\/reported$/, '');
}

before(async () => {
  server = await startServer();
  ({ owner, orgId } = await createOrganization(server, 'help-owner@example.jp', '相談準備テスト株式会社'));
  stranger = await strangerAccount(server, 'help-stranger@example.jp');
  respondent = await inviteMember(server, owner, orgId, 'help-worker@example.jp', { department: '総務部' });
});
after(async () => { await server.stop(); });

test('every member reads the damage levels and who leads each', async () => {
  const page = await respondent.request('GET', `/orgs/${orgId}/incidents/levels`);
  assert.equal(page.status, 200);
  for (const level of [3, 2, 1, 0]) {
    assert.match(page.text, new RegExp(`id="level-${level}"`));
  }
  assert.match(page.text, /個人情報が漏えいした/, 'level 3 lists its facts');
  assert.match(page.text, /最高責任者/);
  assert.match(page.text, /まだ決まっていません/, 'nobody is named before 管理体制');
  assert.doesNotMatch(page.text, /documents\/edit\/governance/, 'a respondent gets no link to edit 管理体制');
  assert.match((await owner.request('GET', `/orgs/${orgId}/incidents/levels`)).text, /documents\/edit\/governance/);
  assert.match((await owner.request('GET', `/orgs/${orgId}/incidents/levels?lang=en`)).text, /Damage level 3/);
  await owner.request('GET', `/orgs/${orgId}/incidents/levels?lang=ja`);
  assert.equal((await stranger.request('GET', `/orgs/${orgId}/incidents/levels`)).status, 404);
  assert.match((await respondent.request('GET', `/orgs/${orgId}/incidents`)).text, /incidents\/levels/);
});

test('the help sheet is drafted from the firm\'s data, saved by the 責任者 and refused to others', async () => {
  // The firm's data the draft starts from.
  const continuity = await owner.request('GET', `/orgs/${orgId}/continuity`);
  assert.equal(continuity.status, 200);
  assert.match(continuity.text, /id="environment"/);
  const tooLong = await postForm(owner, `/orgs/${orgId}/continuity/environment`, { _csrf: csrfFrom(continuity.text), operating_systems: 'W'.repeat(1001), security_software: 'ウイルスバスターX' });
  assert.equal(tooLong.status, 400);
  assert.match(tooLong.text, /href="#operating_systems"/, 'the error summary names the field');
  assert.match(tooLong.text, /ウイルスバスターX/, 'what was typed stays');
  const saved = await postForm(owner, `/orgs/${orgId}/continuity/environment`, { _csrf: csrfFrom(continuity.text), operating_systems: 'Windows 11（事務所PC）', security_software: 'ウイルスバスターX' });
  assert.equal(saved.status, 303);
  assert.equal((await postForm(respondent, `/orgs/${orgId}/continuity/environment`, { _csrf: csrfFrom((await respondent.request('GET', `/orgs/${orgId}/incidents/new`)).text), operating_systems: 'x' })).status, 403);
  const assetForm = await owner.request('GET', `/orgs/${orgId}/risk/assets/new`);
  assert.equal((await postForm(owner, `/orgs/${orgId}/risk/assets/new`, {
    _csrf: csrfFrom(assetForm.text), business_category: '販売', name: '顧客名簿', medium: 'office_pc', confidentiality: '2', integrity: '1', availability: '1',
  })).status, 303);
  const serviceForm = await owner.request('GET', `/orgs/${orgId}/cloud-services/new`);
  assert.equal((await postForm(owner, `/orgs/${orgId}/cloud-services/new`, { _csrf: csrfFrom(serviceForm.text), name: '会計クラウドQ', provider: 'Q社' })).status, 303);

  const incident = await report(respondent, { what: '知らない宛先にメールが大量に送られている', device: '総務部のPC' });
  const page = await owner.request('GET', incident);
  assert.match(page.text, new RegExp(`href="${incident}/help"`));
  const note = await postForm(owner, `${incident}/records`, { _csrf: csrfFrom(page.text), type: 'note', text: '送信済みフォルダに身に覚えのないメール' });
  assert.equal(note.status, 303, note.text.slice(0, 300));

  const draft = await owner.request('GET', `${incident}/help`);
  assert.equal(draft.status, 200);
  assert.match(draft.text, /enctype="multipart\/form-data"/);
  assert.match(draft.text, /下書きを作りました/);
  assert.match(draft.text, /報告された機器：総務部のPC/);
  assert.match(draft.text, /台帳にある媒体・保存先：事務所PC/);
  assert.match(draft.text, /Windows 11（事務所PC）/);
  assert.match(draft.text, /ウイルスバスターX/);
  assert.match(draft.text, /会計クラウドQ（Q社）/);
  assert.match(draft.text, /知らない宛先にメールが大量に送られている/);
  assert.match(draft.text, /\d\d:\d\d 送信済みフォルダに身に覚えのないメール/, 'the timeline note, with its Japan time');
  assert.match(draft.text, /IPA|情報処理推進機構/, 'the places to call are beside the sheet');

  // Refusals: respondents may not see it, strangers do not find it.
  assert.equal((await respondent.request('GET', `${incident}/help`)).status, 403);
  assert.equal((await stranger.request('GET', `${incident}/help`)).status, 404);
  assert.equal((await postForm(respondent, `${incident}/help`, { _csrf: csrfFrom(draft.text), grounds: 'x' })).status, 403);

  const fields = { devices: '事務所のパソコン', operating_systems: 'Windows 11', security_software: 'ウイルスバスターX', cloud_services: '会計クラウドQ', events: '12/1 9:00 大量送信に気づいた', consulted: '' };
  const bad = await postMultipart(owner, `${incident}/help`, { _csrf: csrfFrom(draft.text), ...fields, grounds: 'あ'.repeat(1400) });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /href="#grounds"/);
  assert.match(bad.text, /12\/1 9:00 大量送信に気づいた/, 'the typed answers stay');
  const ok = await postMultipart(owner, `${incident}/help`, { _csrf: csrfFrom(draft.text), ...fields, grounds: '送った覚えのないメールが送信済みにある' });
  assert.equal(ok.status, 303, ok.text.slice(0, 300));
  const after = await owner.request('GET', ok.headers.get('location'));
  assert.match(after.text, /保存しました/);
  assert.doesNotMatch(after.text, /下書きを作りました/);
  assert.match(after.text, /送った覚えのないメールが送信済みにある/);
  assert.match((await owner.request('GET', incident)).text, /相談前に整理する情報を保存/, 'the timeline records it');
});

test('the lessons of a classified incident re-rate threats and correct check answers in one step', async () => {
  const incident = await report(owner, { what: 'ランサムウェアの脅迫文が表示された', device: '経理のPC' });
  const page = await owner.request('GET', incident);
  assert.doesNotMatch(page.text, /id="lessons-link"/, 'nothing to learn before the kind is known');
  assert.equal((await owner.request('GET', `${incident}/lessons`)).status, 400);
  assert.equal((await postForm(owner, `${incident}/classify`, { _csrf: csrfFrom(page.text), kind: 'malware', work_impact: '1' })).status, 303);
  assert.match((await owner.request('GET', incident)).text, new RegExp(`id="lessons-link"><a href="${incident}/lessons"`));

  const lessons = await owner.request('GET', `${incident}/lessons`);
  assert.equal(lessons.status, 200);
  assert.match(lessons.text, /name="frequency\.office_pc_ransomware"/);
  assert.doesNotMatch(lessons.text, /name="frequency\.paper_disposal"/, 'a leak-only threat is not offered for malware');
  const checkId = lessons.text.match(/name="answer\.([a-z0-9-]+)"/)[1];
  const csrf = csrfFrom(lessons.text);

  const post = (fields) => postMultipart(owner, `${incident}/lessons`, { _csrf: csrf, ...fields });
  const nothing = await post({});
  assert.equal(nothing.status, 400);
  assert.match(nothing.text, /変更がありません/);
  const outOfRange = await post({ 'frequency.office_pc_ransomware': '9' });
  assert.equal(outOfRange.status, 400);
  assert.match(outOfRange.text, /href="#frequency\.office_pc_ransomware"/);
  assert.equal((await respondent.request('GET', `${incident}/lessons`)).status, 404, 'not the respondent\'s report');
  assert.equal((await stranger.request('GET', `${incident}/lessons`)).status, 404);

  const applied = await post({ 'frequency.office_pc_ransomware': '3', [`answer.${checkId}`]: '3' });
  assert.equal(applied.status, 303, applied.text.slice(0, 300));
  const done = await owner.request('GET', applied.headers.get('location'));
  assert.match(done.text, /反映しました/);
  assert.match(done.text, /<option value="3" selected>3:/, 'the stored rating is now 3');
  const timeline = (await owner.request('GET', incident)).text;
  assert.match(timeline, /教訓をリスク分析に反映しました。/);
  assert.match(timeline, /ランサムウェアによる暗号化 2→3/);
  assert.match(timeline, new RegExp(`対策状況：${checkId} 未回答→実施していない`));
  // The change history names the actions in words, not codes.
  const history = await owner.request('GET', `/orgs/${orgId}/audit`);
  assert.match(history.text, /教訓をリスク分析に反映/);
  assert.match(history.text, /相談前に整理する情報を保存/);
  assert.match(history.text, /OSとセキュリティソフトを変更/);
  assert.doesNotMatch(history.text, /incident\.lessons_applied/);
  // Applying the same values again changes nothing.
  assert.equal((await post({ 'frequency.office_pc_ransomware': '3', [`answer.${checkId}`]: '3' })).status, 400);
});
