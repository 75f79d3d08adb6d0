// HTTP tests of the tabletop exercise (机上訓練, issue 9): an exercise run end
// to end (scenes, choices at decision points, the comparison with the
// manual, finishing makes it read-only with 409); refusals: an unknown
// option (400 naming the participant's field), a missing CSRF token, an
// organisation the user has no role in (404), a 回答者 on editing (403); a
// firm's own scenario copied from the built-in one, an invalid YAML naming
// the entry and saving nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, csrfFrom, postForm } from '../support/server.mjs';
import { createOrganization, inviteMember, stranger as strangerAccount } from '../support/org_fixture.mjs';

let server;
let owner;
let stranger;
let respondent;
let orgId;

before(async () => {
  server = await startServer();
  ({ owner, orgId } = await createOrganization(server, 'exercise-owner@example.jp', '訓練テスト株式会社'));
  stranger = await strangerAccount(server, 'exercise-stranger@example.jp');
  respondent = await inviteMember(server, owner, orgId, 'exercise-worker@example.jp');
});
after(async () => { await server.stop(); });

const base = () => `/orgs/${orgId}/exercises`;

async function startExercise() {
  const form = await owner.request('GET', `${base()}/new`);
  assert.equal(form.status, 200);
  const memberIds = [...form.text.matchAll(/id="member-(\d+)"/g)].map((m) => m[1]);
  assert.equal(memberIds.length, 2, 'the owner and the respondent are offered');
  const ownerId = form.text.match(/<option value="(\d+)" selected>/)[1];
  const fields = [['_csrf', csrfFrom(form.text)], ['held_on', '2026-12-04'], ['scenario', 'builtin:targeted_mail_attack'],
    ['facilitator', ownerId], ...memberIds.map((id) => ['member', id]), ['outsiders', '委託先 佐藤\n']];
  return postForm(owner, `${base()}/new`, fields);
}

function participantFields(html) {
  return [...html.matchAll(/<fieldset class="field" id="(choice-\d+)">\s*<legend>([^<]+)<\/legend>/g)].map((m) => ({ field: m[1], name: m[2] }));
}

test('an exercise runs scene by scene and its result compares the choices with the manual', async () => {
  const incidents = await owner.request('GET', `/orgs/${orgId}/incidents`);
  assert.ok(incidents.text.includes(`href="${base()}"`), 'the incidents list links to the exercises');
  const list = await owner.request('GET', base());
  assert.equal(list.status, 200);
  assert.match(list.text, /標的型メールから始まるカード情報の流出/);
  assert.match(list.text, /まだ訓練の記録がありません/);

  const created = await startExercise();
  assert.equal(created.status, 303, created.text.slice(0, 400));
  const location = created.headers.get('location');
  const exerciseId = location.match(/exercises\/(\d+)\/scenes\/1$/)[1];
  const exercise = `${base()}/${exerciseId}`;

  const first = await owner.request('GET', `${exercise}/scenes/1`);
  assert.equal(first.status, 200);
  assert.match(first.text, /場面 1 \/ 9/);
  assert.match(first.text, /攻撃の前夜/);
  assert.doesNotMatch(first.text, /type="radio"/, 'scene 01 has no decision');

  const discovered = await owner.request('GET', `${exercise}/scenes/6`);
  assert.match(discovered.text, /さあ、あなたならどうしますか？/);
  const people = participantFields(discovered.text);
  assert.deepEqual(people.map((p) => p.name), ['exercise-owner', 'exercise-worker', '委託先 佐藤'], 'one fieldset per participant, outsider included');
  const [me, worker, outsider] = people;
  const recorded = await postForm(owner, `${exercise}/scenes/6`, { _csrf: csrfFrom(discovered.text), [me.field]: 'report_up', [worker.field]: 'wait_and_see' });
  assert.equal(recorded.status, 303, recorded.text.slice(0, 400));
  const after6 = await owner.request('GET', `${exercise}/scenes/6?recorded=1`);
  assert.match(after6.text, /選んだ行動を記録しました/);
  assert.match(after6.text, /マニュアルは様子見を求めていません/, 'the explanations show once recorded');
  assert.match(after6.text, new RegExp(`id="${me.field}-report_up" name="${me.field}" value="report_up" checked`));

  // Recording nobody's choice is refused, the error pointing at the first participant's group.
  const empty = await postForm(owner, `${exercise}/scenes/6`, { _csrf: csrfFrom(discovered.text) });
  assert.equal(empty.status, 400);
  assert.match(empty.text, new RegExp(`href="#${me.field}"`));

  // An option that is not in the scene is refused, naming the participant's field; nothing is stored.
  const scene7 = await owner.request('GET', `${exercise}/scenes/7`);
  const wrong = await postForm(owner, `${exercise}/scenes/7`, { _csrf: csrfFrom(scene7.text), [me.field]: 'disconnect_all', [outsider.field]: 'pray' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, new RegExp(`href="#${outsider.field}"`));
  assert.match(wrong.text, /選んだ行動（pray）はこの場面の選択肢にありません/);
  const right = await postForm(owner, `${exercise}/scenes/7`, { _csrf: csrfFrom(scene7.text), [me.field]: 'disconnect_all', [worker.field]: 'keep_working', [outsider.field]: 'tell_authorities' });
  assert.equal(right.status, 303);

  const result = await owner.request('GET', `${exercise}/result`);
  assert.equal(result.status, 200);
  assert.match(result.text, /まだ終了していません/);
  assert.match(result.text, /マニュアルと一致した人：1 \/ 2人/, 'decision 06: the owner agrees, the respondent does not');
  assert.match(result.text, /マニュアルと一致した人：2 \/ 3人/, 'decision 07: two of three agree');
  assert.match(result.text, /2 \/ 4（回答 2）/, "the owner's summary");
  assert.match(result.text, /0 \/ 4（回答 2）/, "the respondent's summary");
  assert.match(result.text, /1 \/ 4（回答 1）/, "the outsider's summary");
  assert.match(result.text, /漏えいや流出に気づいた人、または外部から知らせを受けた人は/, "the manual's step text is shown");
  assert.match(result.text, /マニュアルにない行動/);

  const overview = await owner.request('GET', exercise);
  assert.equal(overview.status, 200);
  assert.match(overview.text, /委託先 佐藤 \(外部\)/);
  const finished = await postForm(owner, `${exercise}/finish`, { _csrf: csrfFrom(overview.text) });
  assert.equal(finished.status, 303);
  assert.doesNotMatch((await owner.request('GET', `${exercise}/result`)).text, /まだ終了していません/);

  // A finished exercise is read-only.
  const again = await postForm(owner, `${exercise}/scenes/6`, { _csrf: csrfFrom(overview.text), [me.field]: 'call_experts' });
  assert.equal(again.status, 409);
  assert.equal((await postForm(owner, `${exercise}/finish`, { _csrf: csrfFrom(overview.text) })).status, 409);
  const readOnly = await owner.request('GET', `${exercise}/scenes/6`);
  assert.doesNotMatch(readOnly.text, /type="radio"/);
  assert.match(readOnly.text, /すぐに対応責任者と最高責任者に報告する/);
});

test('bad input names the field and a POST without the CSRF token is refused', async () => {
  const form = await owner.request('GET', `${base()}/new`);
  const badDate = await postForm(owner, `${base()}/new`, { _csrf: csrfFrom(form.text), held_on: '2026-02-30', scenario: 'builtin:targeted_mail_attack', facilitator: '0' });
  assert.equal(badDate.status, 400);
  assert.match(badDate.text, /href="#held_on"/);
  const nobody = await postForm(owner, `${base()}/new`, { _csrf: csrfFrom(form.text), held_on: '2026-12-04', scenario: 'builtin:none', facilitator: '0' });
  assert.equal(nobody.status, 400);
  assert.match(nobody.text, /href="#scenario"/);
  const noCsrf = await postForm(owner, `${base()}/new`, { held_on: '2026-12-04', scenario: 'builtin:targeted_mail_attack' });
  assert.equal(noCsrf.status, 403);
});

test('another organisation answers 404 and a respondent 403 on editing', async () => {
  const list = await owner.request('GET', base());
  const exerciseId = list.text.match(/href="\/orgs\/\d+\/exercises\/(\d+)"/)[1];
  for (const path of [base(), `${base()}/new`, `${base()}/${exerciseId}`, `${base()}/${exerciseId}/scenes/6`, `${base()}/${exerciseId}/result`]) {
    const response = await stranger.request('GET', path);
    assert.equal(response.status, 404, `stranger on ${path}`);
    assert.doesNotMatch(response.text, /委託先 佐藤/);
  }
  // A respondent sees the exercises but may not start or record one.
  assert.equal((await respondent.request('GET', base())).status, 200);
  assert.equal((await respondent.request('GET', `${base()}/new`)).status, 403);
  const scene = await respondent.request('GET', `${base()}/${exerciseId}/scenes/6`);
  assert.equal(scene.status, 200);
  assert.doesNotMatch(scene.text, /type="radio"/);
  const reportForm = await respondent.request('GET', `/orgs/${orgId}/incidents/new`);
  const token = csrfFrom(reportForm.text);
  assert.equal((await postForm(respondent, `${base()}/new`, { _csrf: token, held_on: '2026-12-04', scenario: 'builtin:targeted_mail_attack' })).status, 403);
  assert.equal((await postForm(respondent, `${base()}/scenarios/copy`, { _csrf: token, scenario: 'targeted_mail_attack' })).status, 403);
});

async function postScenario(client, path, token, yaml) {
  const form = new FormData();
  form.append('_csrf', token);
  form.append('yaml', yaml);
  return client.request('POST', path, { body: form, csrf: false });
}

test("a firm's own scenario is copied, refused when invalid and saved when valid", async () => {
  const list = await owner.request('GET', base());
  const copied = await postForm(owner, `${base()}/scenarios/copy`, { _csrf: csrfFrom(list.text), scenario: 'targeted_mail_attack' });
  assert.equal(copied.status, 303);
  const path = copied.headers.get('location');
  assert.match(path, /\/exercises\/scenarios\/\d+$/);
  const page = await owner.request('GET', path);
  assert.equal(page.status, 200);
  assert.match(page.text, /enctype="multipart\/form-data"/);
  const yaml = page.text.match(/<textarea id="yaml"[^>]*>([\s\S]*?)<\/textarea>/)[1]
    .replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  assert.match(yaml, /id: targeted_mail_attack/);

  const broken = yaml.replace('step: disconnect }', 'step: unplug_everything }');
  const refused = await postScenario(owner, path, csrfFrom(page.text), broken);
  assert.equal(refused.status, 400);
  assert.match(refused.text, /scenes\[6\]\.decision\.options\[0\]\.steps\[0\]\.step/, 'the error names the entry');
  assert.match(refused.text, /unplug_everything/);
  assert.match(refused.text, /href="#yaml"/);
  const unchanged = await owner.request('GET', path);
  assert.doesNotMatch(unchanged.text, /unplug_everything/, 'nothing was saved');

  const renamed = yaml.replace('title: "標的型メールから始まるカード情報の流出"', 'title: "当社版：見積明細メールの訓練"');
  const saved = await postScenario(owner, path, csrfFrom(page.text), renamed);
  assert.equal(saved.status, 303, saved.text.slice(0, 400));
  assert.equal(saved.headers.get('location'), `${base()}?done=saved`);
  const after = await owner.request('GET', saved.headers.get('location'));
  assert.match(after.text, /当社版：見積明細メールの訓練/);
  assert.match(after.text, /シナリオを保存しました/);

  // The firm's scenario can be run; the respondent reads it but may not save it.
  const form = await owner.request('GET', `${base()}/new`);
  assert.match(form.text, /<option value="firm:\d+">当社版：見積明細メールの訓練<\/option>/);
  assert.equal((await respondent.request('GET', path)).status, 200);
  const reportForm = await respondent.request('GET', `/orgs/${orgId}/incidents/new`);
  assert.equal((await postScenario(respondent, path, csrfFrom(reportForm.text), renamed)).status, 403);
  assert.equal((await stranger.request('GET', path)).status, 404);
});
