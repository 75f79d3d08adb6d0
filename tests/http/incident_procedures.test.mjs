// HTTP tests of the firm's incident procedures (issue 9, 「手順はデータで、
// 会社が直せる」): every member reads the procedures; an editor adapts one
// (reword, remove, add, reorder) and the incident checklist and the
// もしもマニュアル then follow it; a blank heading or an unknown actor is
// refused naming the step (400, typed text kept); reset goes back to the
// sample; a respondent may not edit (403) and another organisation gets 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, csrfFrom, postForm } from '../support/server.mjs';
import { createOrganization, inviteMember, stranger as strangerAccount } from '../support/org_fixture.mjs';
let server;
let owner;
let stranger;
let orgId;

function jstMinute(offsetMinutes = 0) {
  const d = new Date(Date.now() + 9 * 3600 * 1000 + offsetMinutes * 60 * 1000);
  return d.toISOString().slice(0, 16);
}

const unescape = (text) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// The fields of the procedure form as a browser would send them unchanged.
function formFields(html) {
  const fields = {};
  for (const m of html.matchAll(/<input type="(hidden|text|number)"[^>]*name="([^"]+)" value="([^"]*)"/g)) fields[m[2]] = unescape(m[3]);
  for (const m of html.matchAll(/<input type="number" id="[^"]+" name="([^"]+)" value="([^"]*)"/g)) fields[m[1]] = m[2];
  for (const m of html.matchAll(/<textarea id="[^"]+" name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) fields[m[1]] = unescape(m[2]);
  for (const m of html.matchAll(/<select id="[^"]+" name="([^"]+)">([\s\S]*?)<\/select>/g)) {
    const selected = m[2].match(/<option value="([^"]*)" selected>/);
    if (selected) fields[m[1]] = selected[1];
  }
  for (const m of html.matchAll(/<input type="checkbox" id="[^"]+" name="([^"]+)" value="1" checked>/g)) fields[m[1]] = '1';
  return fields;
}

async function postMultipart(client, path, fields) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(server.base + path, { method: 'POST', body: form, headers: { Cookie: client.cookieHeader() }, redirect: 'manual' });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

before(async () => {
  server = await startServer();
  ({ owner, orgId } = await createOrganization(server, 'procedures-owner@example.jp', '手順テスト株式会社'));
  stranger = await strangerAccount(server, 'procedures-stranger@example.jp');
});
after(async () => { await server.stop(); });

test('an editor adapts a procedure and the checklist and the manual follow it', async () => {
  const base = `/orgs/${orgId}/incidents/procedures`;
  const list = await owner.request('GET', base);
  assert.equal(list.status, 200);
  assert.match(list.text, /id="malware"/);
  assert.doesNotMatch(list.text, /自社に合わせた手順/, 'everything starts as the sample');
  assert.equal((await stranger.request('GET', base)).status, 404);
  const editPath = list.text.match(new RegExp(`href="(${base}/malware/[0-9-]+)"`))[1];
  assert.equal((await owner.request('GET', `${base}/nothing/3`)).status, 404);

  const form = await owner.request('GET', editPath);
  assert.equal(form.status, 200);
  const fields = formFields(form.text);
  const rows = Number(fields.rows);
  const existing = Object.keys(fields).filter((k) => /^id\.\d+$/.test(k) && fields[k] !== '').length;
  assert.ok(existing >= 3, 'the malware procedure has steps');
  assert.equal(rows, existing + 2, 'two blank rows to add steps');
  const firstTitle = fields['title.1'];
  const secondTitle = fields['title.2'];

  // A blank heading names its step and keeps what was typed.
  const blank = await postMultipart(owner, editPath, { ...fields, _csrf: csrfFrom(form.text), 'title.1': '', 'text.1': '自社の言葉で書いた内容' });
  assert.equal(blank.status, 400);
  assert.match(blank.text, /手順1の見出しを入力してください/);
  assert.match(blank.text, /自社の言葉で書いた内容/);
  const badActor = await postMultipart(owner, editPath, { ...fields, _csrf: csrfFrom(form.text), 'actor.2': 'janitor' });
  assert.equal(badActor.status, 400);
  assert.match(badActor.text, /href="#actor\.2"/);

  // Reword step 1, remove step 2, add a step that comes first.
  const newRow = existing + 1;
  const adapted = await postMultipart(owner, editPath, {
    ...fields,
    _csrf: csrfFrom(form.text),
    'title.1': 'LANケーブルを抜く（自社版）',
    'remove.2': '1',
    [`title.${newRow}`]: '総務の山田さんに電話する',
    [`text.${newRow}`]: '内線 201。不在なら携帯 090-0000-0000。',
    [`actor.${newRow}`]: 'finder',
    [`order.${newRow}`]: '0',
  });
  assert.equal(adapted.status, 303, adapted.text.slice(0, 400));
  const after = await owner.request('GET', base);
  assert.match(after.text, /自社に合わせた手順/);
  assert.match(after.text, /LANケーブルを抜く（自社版）/);
  assert.ok(after.text.indexOf('総務の山田さんに電話する') < after.text.indexOf('LANケーブルを抜く（自社版）'), 'the new step comes first');
  if (secondTitle !== firstTitle) {
    const malwareSection = after.text.slice(after.text.indexOf('id="malware"'), after.text.indexOf('</section>', after.text.indexOf('id="malware"')));
    assert.doesNotMatch(malwareSection, new RegExp(`<strong>${secondTitle}</strong>`), 'the removed step is gone');
  }

  // The incident checklist and the manual use the adapted steps.
  const reportForm = await owner.request('GET', `/orgs/${orgId}/incidents/new`);
  const sent = await postForm(owner, `/orgs/${orgId}/incidents/new`, { _csrf: csrfFrom(reportForm.text), what: '警告が出た', noticed_at: jstMinute(-10), device: '' });
  const incident = sent.headers.get('location').replace(/\/reported$/, '');
  const page = await owner.request('GET', incident);
  const levels = editPath.split('/').pop().split('-');
  const facts = levels.includes('1') ? { work_impact: '1' } : { external_impact: '1' };
  assert.equal((await postForm(owner, `${incident}/classify`, { _csrf: csrfFrom(page.text), kind: 'malware', ...facts })).status, 303);
  const worked = await owner.request('GET', incident);
  assert.match(worked.text, /総務の山田さんに電話する/);
  assert.match(worked.text, /LANケーブルを抜く（自社版）/);
  const stepId = worked.text.match(/name="step" value="(firm-\d+)"/)[1];
  assert.equal((await postForm(owner, `${incident}/steps`, { _csrf: csrfFrom(worked.text), step: stepId })).status, 303, 'a firm step can be ticked');
  const manual = await owner.request('GET', `/orgs/${orgId}/documents/incident_manual`);
  assert.match(manual.text, /総務の山田さんに電話する/);

  // Reset: back to the sample.
  const reset = await postForm(owner, `${editPath}/reset`, { _csrf: csrfFrom(form.text) });
  assert.equal(reset.status, 303);
  const sample = await owner.request('GET', base);
  assert.doesNotMatch(sample.text, /総務の山田さんに電話する/);
  assert.match(sample.text, new RegExp(firstTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});

test('respondents read the procedures but may not adapt them', async () => {
  const respondent = await inviteMember(server, owner, orgId, 'procedures-worker@example.jp');
  const base = `/orgs/${orgId}/incidents/procedures`;
  const list = await respondent.request('GET', base);
  assert.equal(list.status, 200);
  assert.doesNotMatch(list.text, /この手順を自社に合わせる/);
  const editPath = (await owner.request('GET', base)).text.match(new RegExp(`href="(${base}/leak/[0-9-]+)"`))[1];
  assert.equal((await respondent.request('GET', editPath)).status, 403);
  assert.equal((await postForm(respondent, `${editPath}/reset`, { _csrf: csrfFrom(list.text) })).status, 403);
});
