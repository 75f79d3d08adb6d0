// The authorization matrix (issue 10, "Proof"), generated from the route table: every route ×
// every caller (no session, an account with no role, the installation administrator, each of the
// five roles) × own and another organisation's ids, for the organisation and for the objects in it.
// Expected statuses live in tests/support/authorization_matrix.mjs, once.
//
// Order matters, because an allowed POST may change things: first every refusal (nothing may
// change), then allowed reads by every caller, then allowed writes by the least-privileged caller
// allowed, the deleting and signing-out ones last.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, ApiClient, csrfFrom, postForm, dbQuery } from '../support/server.mjs';
import { createOrganization, inviteMember, signedIn, PASSWORD } from '../support/org_fixture.mjs';
import { EXPECTED, FOREIGN, ROUTES } from '../support/authorization_matrix.mjs';

const ROLES = ['respondent', 'viewer', 'executive', 'manager', 'admin', 'consultant'];
const CALLERS = ['anonymous', 'outsider', 'installation_admin', ...ROLES];
// The caller that tries an allowed write: the least privileged one the class allows.
const WRITER = { anyone: 'respondent', signed_in: 'outsider', installation_admin: 'installation_admin',
  member: 'respondent', staff: 'viewer', editor: 'manager', owner_or_editor: 'executive' };
const DESTRUCTIVE = /\/(delete|close|finish|logout|rounds)$|^DELETE /;

let server;
let clients; // caller → ApiClient (anonymous: a client with only the pre-session cookie)
let anonymousCsrf;
let own;     // ids in the organisation under test
let foreign; // ids in the other organisation

function tableRoutes() {
  const bin = process.env.MAMORI_ROUTE_TABLE || 'build/tests/mamori_route_table';
  return JSON.parse(execFileSync(bin, { encoding: 'utf8' }));
}

function sql(query) {
  return dbQuery(server.db, query);
}

function lastId(table, orgId) {
  const id = sql(`SELECT max(id) FROM ${table} WHERE org_id = ${Number(orgId)}`);
  assert.match(id, /^\d+$/, `a ${table} row in organisation ${orgId}`);
  return id;
}

async function submit(client, path, fields) {
  const form = await client.request('GET', path);
  assert.equal(form.status, 200, `${path}: ${form.text.slice(0, 200)}`);
  const sent = await postForm(client, path, [['_csrf', csrfFrom(form.text)], ...fields]);
  assert.equal(sent.status, 303, `${path}: ${sent.text.slice(0, 300)}`);
  return sent;
}

// One of every kind of object a route can name, made the way users make them.
async function furnish(owner, orgId, tag) {
  const ids = { org: String(orgId) };
  const profile = await owner.request('GET', `/orgs/${orgId}/profile`);
  await postForm(owner, `/orgs/${orgId}/departments`, { _csrf: csrfFrom(profile.text), department_name: `予備部${tag}` });
  ids.dept = sql(`SELECT id FROM departments WHERE org_id = ${orgId} AND name = '予備部${tag}'`);
  await inviteMember(server, owner, orgId, `spare-${tag}@example.jp`, { role: 'viewer', department: '営業部' });
  ids.member = sql(`SELECT id FROM users WHERE email = 'spare-${tag}@example.jp'`);
  ids.user = ids.member;
  if (sql(`SELECT count(*) FROM selfcheck_rounds WHERE org_id = ${orgId}`) === '0') {
    const overview = await owner.request('GET', `/orgs/${orgId}/selfcheck`);
    await postForm(owner, `/orgs/${orgId}/selfcheck/rounds`, { _csrf: csrfFrom(overview.text) });
  }
  ids.round = lastId('selfcheck_rounds', orgId);
  await submit(owner, `/orgs/${orgId}/risk/assets/new`, [['business_category', '人事'], ['name', `給与データ${tag}`],
    ['medium', 'office_pc'], ['personal_info', '1'], ['confidentiality', '2'], ['integrity', '2'], ['availability', '1']]);
  ids.asset = lastId('assets', orgId);
  const treatments = (await owner.request('GET', `/orgs/${orgId}/risk/treatments`)).text;
  ids.threat = treatments.match(new RegExp(`/orgs/${orgId}/risk/treatments/${ids.asset}/([a-z0-9_]+)`))[1];
  await submit(owner, `/orgs/${orgId}/partners/new`, [['name', `乙山データ${tag}`], ['work', '給与計算']]);
  ids.partner = lastId('outsourcing_partners', orgId);
  await submit(owner, `/orgs/${orgId}/cloud-services/new`, [['name', `会計クラウド${tag}`], ['provider', 'Q社']]);
  ids.service = lastId('cloud_services', orgId);
  await submit(owner, `/orgs/${orgId}/incidents/new`, [['what', `警告が出た${tag}`], ['noticed_at', '2026-12-01T09:00'], ['device', '']]);
  ids.incident = lastId('incidents', orgId);
  await submit(owner, `/orgs/${orgId}/continuity/new`, [['name', `受発注システム${tag}`], ['priority', '1']]);
  ids.system = lastId('continuity_systems', orgId);
  const ownerId = sql(`SELECT user_id FROM memberships WHERE org_id = ${orgId} AND role = 'manager' LIMIT 1`);
  await submit(owner, `/orgs/${orgId}/exercises/new`, [['held_on', '2026-12-04'], ['scenario', 'builtin:targeted_mail_attack'],
    ['facilitator', ownerId], ['member', ownerId]]);
  ids.exercise = lastId('exercises', orgId);
  const list = await owner.request('GET', `/orgs/${orgId}/exercises`);
  await postForm(owner, `/orgs/${orgId}/exercises/scenarios/copy`, { _csrf: csrfFrom(list.text), scenario: 'targeted_mail_attack' });
  ids.scenario = lastId('exercise_scenarios', orgId);
  await submit(owner, `/orgs/${orgId}/training/new`, [['title', `基本研修${tag}`], ['planned_on', '2026-12-10'], ['audience', 'all'],
    ['quiz_set', 'five_articles']]);
  ids.training = lastId('training_sessions', orgId);
  // 点検と改善 (issue 12): an inspection with one finding.
  await submit(owner, `/orgs/${orgId}/inspections/new`, [['title', `点検${tag}`], ['standard', 'five_articles'], ['method', 'question'],
    ['planned_on', '2026-11-01']]);
  ids.inspection = lastId('inspections', orgId);
  const inspection = await owner.request('GET', `/orgs/${orgId}/inspections/${ids.inspection}`);
  assert.equal((await postForm(owner, `/orgs/${orgId}/inspections/${ids.inspection}/findings`, [['_csrf', csrfFrom(inspection.text)],
    ['description', `指摘${tag}`], ['severity', 'medium'], ['action', '是正する'], ['action_owner', ownerId], ['due_on', '2026-12-31']])).status, 303);
  ids.finding = lastId('inspection_findings', orgId);
  // The 基本方針, saved with its sample clauses and published, so the print view and handbook exist.
  const policy = await owner.request('GET', `/orgs/${orgId}/policy`);
  const clauses = [...policy.text.matchAll(/name="clause_ids" value="([^"]+)" checked/g)].map((m) => ['clause_ids', m[1]]);
  assert.ok(clauses.length > 0, 'the policy editor offers its sample clauses');
  await submit(owner, `/orgs/${orgId}/policy`, [['company_name', `方針${tag}株式会社`], ['scope', '当社の情報資産'], ...clauses,
    ['established_on_year', '2025'], ['established_on_month', '4'], ['established_on_day', '1'],
    ['representative_title', '代表取締役'], ['representative_name', '山田太郎']]);
  // The ハンドブック, saved and taken through submit → approve → publish, so members can read it.
  const handbook = `/orgs/${orgId}/documents/edit/handbook`;
  const editor = await owner.request('GET', handbook);
  const keep = [...editor.text.matchAll(/name="(keep\.[a-z0-9_]+)" value="1" checked/g)].map((m) => [m[1], '1']);
  const token = csrfFrom(editor.text);
  assert.equal((await postForm(owner, handbook, [['_csrf', token], ['revision', '0'], ...keep])).status, 303);
  for (const [action, revision] of [['submit', '1'], ['approve', '2'], ['publish', '3']]) {
    assert.equal((await postForm(owner, `${handbook}/state`, [['_csrf', token], ['action', action], ['revision', revision]])).status, 303, action);
  }
  const draft = await owner.request('GET', `/orgs/${orgId}/policy`);
  assert.equal((await postForm(owner, `/orgs/${orgId}/policy/publish`, { _csrf: csrfFrom(draft.text) })).status, 303);
  // A coaching engagement (issue 12), so its visits and pre-work requests exist.
  await submit(owner, `/orgs/${orgId}/coaching`, [['programme_id', 'theme1_regulations']]);
  ids.request = lastId('engagement_requests', orgId);
  return ids;
}

function fill(template, ids) {
  return template.replace(/\{([a-z]+)\}/g, (_, name) => {
    assert.ok(ids[name], `no id for {${name}} in ${template}`);
    return ids[name];
  });
}

function namesObject(template) {
  return /\{(?!org\})[a-z]+\}/.test(template);
}

async function call(caller, route, path) {
  const [method] = route.key.split(' ');
  const client = clients[caller];
  const headers = {};
  let body;
  if (method !== 'GET') {
    const token = caller === 'anonymous' ? anonymousCsrf : client.csrf;
    if (route.api) {
      headers['Content-Type'] = 'application/json';
      if (caller !== 'anonymous') headers['X-CSRF-Token'] = token;
      body = '{}';
    } else if (route.multipart) {
      body = new FormData();
      body.append('_csrf', token);
    } else {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams({ _csrf: token }).toString();
    }
  }
  const response = await fetch(server.base + path, { method, headers: { ...headers, Cookie: client.cookieHeader() }, body, redirect: 'manual' });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get('location') || '' };
}

function judge(expected, result) {
  if (expected === 'allowed') {
    return ![401, 403, 404].includes(result.status) && result.status < 500 && !result.location.startsWith('/login');
  }
  if (expected === 'redirect') return [302, 303].includes(result.status);
  if (expected === 'signed_out') return [200, 204, 302, 303].includes(result.status);
  if (expected === 'sign_in') return false; // resolved by the caller: 302/303 to /login for pages, 401 for the API
  return result.status === expected;
}

function check(failures, caller, route, path, expected, result) {
  let ok;
  if (expected === 'sign_in') {
    ok = route.api ? result.status === 401 : [302, 303].includes(result.status) && result.location.startsWith('/login');
  } else {
    ok = judge(expected, result);
  }
  if (!ok) failures.push(`${route.key} [${route.cls}, gate ${route.gate}] as ${caller} → ${result.status} ${result.location}, expected ${expected} (${path})`);
}

let routes;

before(async () => {
  server = await startServer();
  const a = await createOrganization(server, 'matrix-manager@example.jp', '権限表株式会社');
  const b = await createOrganization(server, 'matrix-outsider@example.jp', '他社株式会社');
  clients = { manager: a.owner, outsider: b.owner };
  for (const role of ['respondent', 'viewer', 'executive', 'admin', 'consultant']) {
    clients[role] = await inviteMember(server, a.owner, a.orgId, `matrix-${role}@example.jp`, { role });
  }
  server.createUser('matrix-operator@example.jp', PASSWORD, { admin: true });
  clients.installation_admin = await signedIn(server, 'matrix-operator@example.jp');
  clients.anonymous = new ApiClient(server.base);
  anonymousCsrf = csrfFrom((await clients.anonymous.request('GET', '/login')).text);
  own = await furnish(a.owner, a.orgId, 'A');
  foreign = await furnish(b.owner, b.orgId, 'B');

  const byKey = new Map(ROUTES.map(([key, cls, path]) => [key, { key, cls, path }]));
  routes = tableRoutes().map((route) => {
    const key = `${route.method} ${route.pattern}`;
    return { ...byKey.get(key), key, api: route.api, multipart: route.multipart, gate: route.gate, listed: byKey.has(key) };
  });
});
after(async () => { await server.stop(); });

test('every route of the table has one matrix entry, and every entry a route', () => {
  const missing = routes.filter((route) => !route.listed).map((route) => route.key);
  assert.deepEqual(missing, [], 'routes without an entry in tests/support/authorization_matrix.mjs');
  const keys = new Set(routes.map((route) => route.key));
  const stale = ROUTES.map(([key]) => key).filter((key) => !keys.has(key));
  assert.deepEqual(stale, [], 'matrix entries for routes that no longer exist');
  for (const [key, cls] of ROUTES) assert.ok(EXPECTED[cls], `${key}: unknown class ${cls}`);
  assert.ok(routes.length > 150);
});

test('refusals: no session, no role, a lower role, another organisation, another organisation\'s object', async () => {
  const failures = [];
  let checked = 0;
  // Signing out is checked on its own sessions (last test), so these callers stay signed in.
  for (const route of routes.filter((r) => r.listed && r.cls !== 'sign_out')) {
    const ownPath = fill(route.path, own);
    for (const caller of CALLERS) {
      const expected = EXPECTED[route.cls][caller];
      if (expected === 'allowed') continue;
      check(failures, caller, route, ownPath, expected, await call(caller, route, ownPath));
      checked++;
    }
    if (route.path.includes('{org}')) {
      // The most powerful role of this organisation, pointed at the other one.
      const otherOrg = fill(route.path, foreign);
      check(failures, 'admin', route, otherOrg, FOREIGN, await call('admin', route, otherOrg));
      checked++;
      if (namesObject(route.path)) {
        const borrowed = fill(route.path, { ...foreign, org: own.org });
        check(failures, 'admin', route, borrowed, FOREIGN, await call('admin', route, borrowed));
        checked++;
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${checked} refusals wrong`);
  assert.ok(checked > 800, `only ${checked} refusals checked`);
});

test('allowed reads: every caller the class allows gets the page', async () => {
  const failures = [];
  for (const route of routes.filter((r) => r.listed && r.key.startsWith('GET '))) {
    const path = fill(route.path, own);
    for (const caller of CALLERS) {
      if (EXPECTED[route.cls][caller] !== 'allowed') continue;
      check(failures, caller, route, path, 'allowed', await call(caller, route, path));
    }
  }
  assert.deepEqual(failures, []);
});

test('allowed writes: the least-privileged caller allowed gets through the gate', async () => {
  const failures = [];
  const writes = routes.filter((r) => r.listed && !r.key.startsWith('GET ') && WRITER[r.cls]);
  const ordered = [...writes.filter((r) => !DESTRUCTIVE.test(r.key)), ...writes.filter((r) => DESTRUCTIVE.test(r.key))];
  for (const route of ordered) {
    const caller = WRITER[route.cls];
    const path = fill(route.path, own);
    check(failures, caller, route, path, 'allowed', await call(caller, route, path));
  }
  assert.deepEqual(failures, []);
});

test('signing out ends only the session it is sent with', async () => {
  for (const route of routes.filter((r) => r.listed && r.cls === 'sign_out')) {
    const leaving = await signedIn(server, 'matrix-respondent@example.jp');
    clients.leaving = leaving;
    const result = await call('leaving', route, fill(route.path, own));
    assert.ok([200, 204, 302, 303].includes(result.status), `${route.key} → ${result.status}`);
    assert.equal((await leaving.request('GET', '/api/v1/me')).status, 401, `${route.key}: the session is gone`);
    assert.equal((await clients.respondent.request('GET', '/api/v1/me')).status, 200, `${route.key}: other sessions stay`);
  }
});
