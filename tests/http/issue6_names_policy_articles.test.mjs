// Issue 6 (names, 基本方針, SECURITY ACTION ★1) through real HTTP requests:
// the role names of 表5, the reason asked for when a 付録2 sample clause is
// left out of the 基本方針 and shown in the version list, and the 5か条
// states (未着手 / 実施中 / 実施済み) that decide ★1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ApiClient, formSignIn, csrfFrom, postForm } from '../support/server.mjs';
import { enrolTwoStep, signedIn } from '../support/org_fixture.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
const SAMPLE_CLAUSES = ['management_responsibility', 'internal_structure', 'employee_efforts', 'legal_compliance', 'incident_response'];

let server;
before(async () => {
  server = await startServer();
  server.createUser('owner@example.jp', PASSWORD);
  server.createUser('operator@example.jp', PASSWORD, { admin: true });
});
after(async () => { await server.stop(); });

async function ownerWithOrg(name) {
  const client = new ApiClient(server.base);
  assert.equal((await client.signIn('owner@example.jp', PASSWORD)).status, 200);
  const org = await client.request('POST', '/api/v1/orgs', { json: { name, industry: 'retail', capital_yen: 10000000, employees: 12 } });
  assert.equal(org.status, 201, org.text);
  return { client, orgId: org.data.id };
}

// The editor's fields for a draft with the given clauses (and reasons).
function policyFields(csrf, clauseIds, extra = []) {
  return [
    ['_csrf', csrf], ['company_name', '株式会社方針テスト'], ['scope', '当社の情報資産'],
    ...clauseIds.map((id) => ['clause_ids', id]),
    ['established_on_year', '2025'], ['established_on_month', '4'], ['established_on_day', '1'],
    ['representative_title', '代表取締役'], ['representative_name', '山田太郎'],
    ...extra,
  ];
}

test('roles carry the names of 表5 and the installation role is not called 管理者', async () => {
  const { client, orgId } = await ownerWithOrg('株式会社名前テスト');
  const members = await client.request('GET', `/orgs/${orgId}/members`);
  assert.equal(members.status, 200);
  assert.match(members.text, /情報セキュリティ責任者/);
  assert.match(members.text, /組織管理者/);

  const operator = await signedIn(server, 'operator@example.jp');
  await enrolTwoStep(operator);  // the administration pages need the administrator's two-step login
  const admin = await operator.request('GET', '/admin');
  assert.equal(admin.status, 200);
  assert.match(admin.text, /mamori運用管理者/);
  assert.doesNotMatch(admin.text, />管理者</, 'no bare 管理者 label next to 表5\'s システム管理者');
});

test('a new 基本方針 has the five sample clauses on and offers 継続的改善', async () => {
  const { client, orgId } = await ownerWithOrg('株式会社初期値テスト');
  const page = await client.request('GET', `/orgs/${orgId}/policy`);
  assert.equal(page.status, 200);
  for (const id of SAMPLE_CLAUSES) {
    assert.match(page.text, new RegExp(`id="clause-${id}" name="clause_ids" value="${id}" checked`), id);
  }
  assert.match(page.text, /id="clause-continuous_improvement" name="clause_ids" value="continuous_improvement"(?! checked)/);
  assert.match(page.text, /継続的改善/);
  assert.match(page.text, /記載項目例/, 'the optional clause names its source');
});

test('leaving out a sample clause needs a reason, which the version list shows', async () => {
  const { client, orgId } = await ownerWithOrg('株式会社理由テスト');
  const editor = await client.request('GET', `/orgs/${orgId}/policy`);
  const csrf = csrfFrom(editor.text);
  const withoutStructure = SAMPLE_CLAUSES.filter((id) => id !== 'internal_structure');

  const refused = await postForm(client, `/orgs/${orgId}/policy`, policyFields(csrf, withoutStructure));
  assert.equal(refused.status, 400, refused.text.slice(0, 300));
  assert.match(refused.text, /class="error-summary"/);
  assert.match(refused.text, /href="#omission_reason_internal_structure"/, 'the summary links to the reason box');
  assert.match(refused.text, /「社内体制の整備」[^<]*外す理由を入力してください/);
  assert.match(refused.text, /<textarea id="omission_reason_internal_structure"[^>]*aria-invalid="true"/);
  const none = await client.request('GET', `/orgs/${orgId}/policy/versions`);
  assert.match(none.text, /まだ保存した版はありません/, 'nothing was saved');

  const blank = await postForm(client, `/orgs/${orgId}/policy`,
    policyFields(csrf, withoutStructure, [['omission_reason_internal_structure', '　 ']]));
  assert.equal(blank.status, 400, 'a reason of spaces only is no reason');

  const reason = '社内体制は就業規則の第12条で定めているため';
  const saved = await postForm(client, `/orgs/${orgId}/policy`,
    policyFields(csrf, withoutStructure, [['omission_reason_internal_structure', reason]]));
  assert.equal(saved.status, 303, saved.text.slice(0, 300));

  const versions = await client.request('GET', `/orgs/${orgId}/policy/versions`);
  assert.equal(versions.status, 200);
  assert.match(versions.text, /第1版/);
  assert.ok(versions.text.includes(`「<span lang="ja">社内体制の整備</span>」：${reason}`), 'the reason is in the history');

  // Publishing keeps it; the next version that puts the clause back shows no omission.
  const publishPage = await client.request('GET', `/orgs/${orgId}/policy`);
  assert.equal((await postForm(client, `/orgs/${orgId}/policy/publish`, { _csrf: csrfFrom(publishPage.text) })).status, 303);
  const back = await postForm(client, `/orgs/${orgId}/policy`, policyFields(csrf, SAMPLE_CLAUSES));
  assert.equal(back.status, 303);
  const history = await client.request('GET', `/orgs/${orgId}/policy/versions`);
  assert.ok(history.text.includes(`「<span lang="ja">社内体制の整備</span>」：${reason}`), 'the published version keeps its reason');
  assert.match(history.text, /第2版[\s\S]*?なし<\/td>/, 'the second version omits nothing');
});

test('★1 can be declared once every article is 実施中 or 実施済み, and the two are shown apart', async () => {
  const { client, orgId } = await ownerWithOrg('株式会社五か条テスト');
  const page = await client.request('GET', `/orgs/${orgId}/five-articles`);
  assert.match(page.text, /実施済み 0・実施中 0・未着手 5/);
  const csrf = csrfFrom(page.text);
  const save = (number, fields) => postForm(client, `/orgs/${orgId}/five-articles/${number}`, { _csrf: csrf, ...fields });

  const noPerson = await save(1, { state: 'in_progress', responsible: '' });
  assert.equal(noPerson.status, 400, '実施中 needs a responsible person');
  assert.match(noPerson.text, /担当者を入力してください/);
  const badState = await save(1, { state: 'maybe', responsible: '佐藤' });
  assert.equal(badState.status, 400);
  assert.match(badState.text, /href="#a1-state-not_started"/);

  for (const number of [1, 2, 3]) {
    assert.equal((await save(number, { state: 'in_progress', responsible: '佐藤' })).status, 303);
  }
  for (const number of [4]) {
    assert.equal((await save(number, { state: 'done', responsible: '鈴木', done_on_year: '2025', done_on_month: '4', done_on_day: '1' })).status, 303);
  }
  let articles = await client.request('GET', `/orgs/${orgId}/five-articles`);
  assert.match(articles.text, /実施済み 1・実施中 3・未着手 1/);
  assert.match(articles.text, /まだ宣言の準備ができていません/, 'one article not started: not ready');
  let org = await client.request('GET', `/api/v1/orgs/${orgId}`);
  assert.equal(org.data.security_action.one_star.ready, false);

  assert.equal((await save(5, { state: 'done', responsible: '鈴木', done_on_year: '2025', done_on_month: '5', done_on_day: '1' })).status, 303);
  articles = await client.request('GET', `/orgs/${orgId}/five-articles`);
  assert.match(articles.text, /実施済み 2・実施中 3・未着手 0/);
  assert.match(articles.text, /★一つ星の宣言の準備ができています/);
  org = await client.request('GET', `/api/v1/orgs/${orgId}`);
  assert.equal(org.data.security_action.one_star.ready, true);
  assert.deepEqual(org.data.security_action.one_star.missing, []);

  const dashboard = await client.request('GET', `/orgs/${orgId}`);
  assert.match(dashboard.text, /実施済み 2・実施中 3・未着手 0/);
});

test('the organisation form offers the 政令 special cases and the profile names the basis', async () => {
  const client = new ApiClient(server.base);
  assert.equal((await client.signIn('owner@example.jp', PASSWORD)).status, 200);
  // A hotel with 200 staff and more than 5千万円: an SME only under the special case.
  const org = await client.request('POST', '/api/v1/orgs', { json: { name: '旅館テスト株式会社', industry: 'hotels', capital_yen: 80000000, employees: 200 } });
  assert.equal(org.status, 201, org.text);
  const form = await client.request('GET', '/orgs');
  assert.equal(form.status, 200);
  for (const value of ['rubber_products', 'hotels', 'software_it']) {
    assert.match(form.text, new RegExp(`<option value="${value}"`), value);
  }
  const profile = await client.request('GET', `/orgs/${org.data.id}/profile`);
  assert.equal(profile.status, 200);
  assert.match(profile.text, /<strong>中小企業<\/strong>です/);
  assert.match(profile.text, /従業員 200人以下/);
  assert.match(profile.text, /政令で定めた業種ごとの特例/);

  const retail = await client.request('POST', '/api/v1/orgs', { json: { name: '小売テスト株式会社', industry: 'retail', capital_yen: 10000000, employees: 12 } });
  const general = await client.request('GET', `/orgs/${retail.data.id}/profile`);
  assert.match(general.text, /中小企業基本法 第2条によります/);
  assert.doesNotMatch(general.text, /政令で定めた/);
});
