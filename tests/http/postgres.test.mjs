// The HTTP app on PostgreSQL (issue 11): a smoke test through the main flow,
// and two `mamori serve` processes on one database, which must behave as one
// (sessions, CSRF tokens and data live in the database, not in a process).
// Runs when MAMORI_TEST_PG_URL names a server (ctest's http_postgres entry
// starts a throwaway one, scripts/pg-test-cluster.sh); skipped otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ApiClient, answersAll, startServer } from '../support/server.mjs';
import { PASSWORD, createOrganization, signedIn } from '../support/org_fixture.mjs';

const BASE_URL = process.env.MAMORI_TEST_PG_URL || '';
const skip = BASE_URL ? false : 'MAMORI_TEST_PG_URL is not set (scripts/pg-test-cluster.sh start)';

// A new schema per test: the URL's connections use it (search_path), so the
// server's migrations build a fresh database there.
function freshDatabase() {
  const schema = `http_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  execFileSync('psql', ['-X', '-q', '-c', `CREATE SCHEMA ${schema}`, BASE_URL], { stdio: 'pipe' });
  return `${BASE_URL}${BASE_URL.includes('?') ? '&' : '?'}options=-csearch_path%3D${schema}`;
}

test('the main flow works on PostgreSQL', { skip }, async () => {
  const server = await startServer({ db: freshDatabase() });
  try {
    assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
    const { owner, orgId } = await createOrganization(server, 'owner@example.jp', '株式会社ポスグレ');
    const sales = { ...answersAll('implemented'), 2: 'partial' };
    const posted = await owner.request('POST', `/api/v1/orgs/${orgId}/selfchecks`, { json: { respondent: '営業部', answers: sales } });
    assert.equal(posted.status, 201, posted.text);
    const summary = await owner.request('GET', `/api/v1/orgs/${orgId}/selfchecks/summary`);
    assert.equal(summary.status, 200, summary.text);
    assert.equal(summary.data.answers['1'], 'implemented');
    assert.equal(summary.data.answers['2'], 'partial');
    const dashboard = await owner.request('GET', `/orgs/${orgId}`);
    assert.equal(dashboard.status, 200);
    assert.match(dashboard.text, /株式会社ポスグレ/);
    // The audit chain the server wrote verifies from the CLI.
    const verified = JSON.parse(execFileSync(process.env.MAMORI_BIN || 'build/mamori', ['audit', 'verify', '--db', server.db], {
      env: { ...process.env, MAMORI_ARGON2_FAST: '1' }, encoding: 'utf8',
    }));
    assert.equal(verified.ok, true);
    assert.ok(verified.entries >= 2, `entries: ${verified.entries}`);
  } finally {
    await server.stop();
  }
});

test('two instances on one database serve one session', { skip }, async () => {
  const db = freshDatabase();
  const first = await startServer({ db });
  const second = await startServer({ db });
  try {
    first.createUser('owner@example.jp', PASSWORD);
    // Sign in on the first instance...
    const onFirst = await signedIn(first, 'owner@example.jp');
    // ...write on the second with the same session cookie and CSRF token...
    const onSecond = new ApiClient(second.base);
    onSecond.cookies = new Map(onFirst.cookies);
    onSecond.csrf = onFirst.csrf;
    const created = await onSecond.request('POST', '/api/v1/orgs', {
      json: { name: '二台目で作った会社', industry: 'retail', capital_yen: 10000000, employees: 8 },
    });
    assert.equal(created.status, 201, created.text);
    const orgId = created.data.id;
    const posted = await onSecond.request('POST', `/api/v1/orgs/${orgId}/selfchecks`, {
      json: { respondent: '本社', answers: answersAll('implemented') },
    });
    assert.equal(posted.status, 201, posted.text);
    // ...and read it back on the first.
    const summary = await onFirst.request('GET', `/api/v1/orgs/${orgId}/selfchecks/summary`);
    assert.equal(summary.status, 200, summary.text);
    assert.equal(summary.data.answers['25'], 'implemented');
    const page = await onFirst.request('GET', `/orgs/${orgId}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /二台目で作った会社/);
    // Signing out on the second ends the session on the first too.
    assert.equal((await onSecond.request('DELETE', '/api/v1/session')).status < 300, true);
    assert.equal((await onFirst.request('GET', `/api/v1/orgs/${orgId}/selfchecks/summary`)).status, 401);
  } finally {
    await first.stop();
    await second.stop();
  }
});
