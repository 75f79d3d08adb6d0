// HTTP tests of the anonymous benchmark in the web app (issue 12, methodology.md §7): a firm sees
// its percentile and 偏差値 on the owner's view, and the installation administrator sees the
// distributions. A group of fewer than 5 firms is "not shown", with none of its figures: four
// firms in one industry are withheld, the fifth makes the group shown. No other firm's name
// appears anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, answersAll } from '../support/server.mjs';
import { createOrganization, signedIn, enrolTwoStep, PASSWORD } from '../support/org_fixture.mjs';

let server;
const firms = [];

before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

async function firmWithDiagnosis(n, value) {
  const { owner, orgId } = await createOrganization(server, `bench-${n}@example.jp`, `ベンチ比較${n}株式会社`, { industry: 'manufacturing', employees: 10 + n });
  const answered = await owner.request('POST', `/api/v1/orgs/${orgId}/selfchecks`, { json: { respondent: '全社', answers: answersAll(value) } });
  assert.equal(answered.status, 201, answered.text);
  firms.push({ owner, orgId, name: `ベンチ比較${n}株式会社` });
  return { owner, orgId };
}

function positionTable(html) {
  const match = html.match(/<table class="table" id="benchmark-position">([\s\S]*?)<\/table>/);
  assert.ok(match, 'the owner view has the benchmark table');
  return match[1];
}

test('four firms in one industry: every group is withheld, without figures', async () => {
  for (let n = 1; n <= 4; n++) await firmWithDiagnosis(n, n % 2 === 0 ? 'implemented' : 'partial');
  const page = await firms[0].owner.request('GET', `/orgs/${firms[0].orgId}/owner`);
  assert.equal(page.status, 200);
  const table = positionTable(page.text);
  const withheld = table.match(/表示しません（5社未満のため）/g) || [];
  assert.equal(withheld.length, 3, 'overall, industry and size are all not shown');
  assert.doesNotMatch(table, /<td>\d+(\.\d)?<\/td>/, 'no count, percentile or 偏差値 of a small group');
  for (const other of firms.slice(1)) assert.ok(!page.text.includes(other.name), 'no other firm is named');

  const admin = await operator();
  const distributions = await admin.request('GET', '/admin/benchmark');
  assert.equal(distributions.status, 200);
  assert.match(distributions.text, /自社診断を最後まで終えた4社/);
  assert.doesNotMatch(distributions.text, /class="mamori-chart mamori-chart-columns/, 'no histogram of a small group');
  assert.match(distributions.text, /表示しません（5社未満のため）/);
  for (const firm of firms) assert.ok(!distributions.text.includes(firm.name), 'aggregates only: no firm name');
});

test('the fifth firm in the industry makes the group shown, with percentile and 偏差値', async () => {
  await firmWithDiagnosis(5, 'implemented');
  const page = await firms[0].owner.request('GET', `/orgs/${firms[0].orgId}/owner`);
  const table = positionTable(page.text);
  const industryRow = table.match(/<tr><th scope="row">業種：[^<]*<\/th>([\s\S]*?)<\/tr>/);
  assert.ok(industryRow, table);
  assert.doesNotMatch(industryRow[1], /表示しません/);
  // Firms 1 and 3 answered 一部実施 (50 points), firms 2, 4 and 5 実施 (100): mean 80, sd √600, so
  // firm 1 stands at percentile 100 × (0 + ½ × 2) / 5 = 20 and 偏差値 50 + 10 × (50 − 80) / 24.49 = 37.8.
  assert.match(industryRow[1], /<td>5<\/td><td>20(\.0)?<\/td><td>37\.8<\/td><td>80(\.0)?<\/td>/, industryRow[1]);
  // The size bands (11–15 employees, all in 6–20) hold all five too.
  assert.match(table, /従業員規模：6-20人<\/th>\s*<td>5<\/td>/);

  const admin = await operator();
  const distributions = await admin.request('GET', '/admin/benchmark');
  assert.match(distributions.text, /5社、平均/);
  assert.match(distributions.text, /class="mamori-chart mamori-chart-columns/, 'the histogram is drawn');
  for (const firm of firms) assert.ok(!distributions.text.includes(firm.name));
});

test('only the installation administrator sees the distributions', async () => {
  assert.equal((await firms[0].owner.request('GET', '/admin/benchmark')).status, 404);
});

let adminClient;
async function operator() {
  if (adminClient) return adminClient;
  server.createUser('bench-admin@example.jp', PASSWORD, { admin: true });
  adminClient = await signedIn(server, 'bench-admin@example.jp');
  await enrolTwoStep(adminClient);
  return adminClient;
}
