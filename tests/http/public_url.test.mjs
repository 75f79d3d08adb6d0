// HTTP tests of running behind TLS (issue 10, "Behind TLS"): --public-url https://… makes every
// cookie Secure and adds HSTS; X-Forwarded-For names the client only when the TCP peer is a proxy
// given with --trusted-proxy; without those options nothing changes; bad values are refused at start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, setCookies, csrfFrom, postForm, BIN, dbQuery } from '../support/server.mjs';
import { createOrganization } from '../support/org_fixture.mjs';

const PASSWORD = 'Kanari-Nagai-Passphrase-2025';
let behindProxy;
let direct;

before(async () => {
  behindProxy = await startServer({ extraArgs: ['--public-url', 'https://mamori.example.jp/', '--trusted-proxy', '127.0.0.1,::1'] });
  direct = await startServer();
  for (const server of [behindProxy, direct]) server.createUser('tls-owner@example.jp', PASSWORD);
});
after(async () => {
  await behindProxy.stop();
  await direct.stop();
});

async function signIn(server, headers = {}) {
  return fetch(`${server.base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ email: 'tls-owner@example.jp', password: PASSWORD }),
  });
}

function lastClient(server, action) {
  const detail = dbQuery(server.db, `SELECT detail FROM audit_log WHERE action = '${action}' ORDER BY id DESC LIMIT 1`);
  return JSON.parse(detail).client;
}

test('an https public URL adds HSTS to every answer, pages and health check alike', async () => {
  for (const path of ['/healthz', '/login']) {
    const response = await fetch(behindProxy.base + path, { redirect: 'manual' });
    assert.match(response.headers.get('strict-transport-security') || '', /^max-age=\d{7,}/, path);
  }
  const plain = await fetch(`${direct.base}/login`);
  assert.equal(plain.headers.get('strict-transport-security'), null, 'no HSTS without a TLS public URL');
});

test('behind TLS every cookie is Secure; without it none claims to be', async () => {
  const secure = setCookies((await signIn(behindProxy)).headers);
  assert.ok(secure.length > 0);
  for (const cookie of secure) assert.match(cookie, /;\s*Secure/i, cookie);
  // __Host-: the browser keeps it only if Secure, for this host, for the whole site.
  for (const cookie of secure) assert.match(cookie, /^__Host-mamori_/, cookie);
  const login = setCookies((await fetch(`${behindProxy.base}/login`)).headers);
  for (const cookie of login) assert.match(cookie, /;\s*Secure/i, `pre-session cookie: ${cookie}`);

  const plain = setCookies((await signIn(direct)).headers);
  assert.ok(plain.length > 0);
  for (const cookie of plain) assert.doesNotMatch(cookie, /Secure/i, cookie);
});

test('the client address comes from X-Forwarded-For only through a trusted proxy', async () => {
  assert.equal((await signIn(behindProxy, { 'X-Forwarded-For': '198.51.100.23' })).status, 200);
  assert.equal(lastClient(behindProxy, 'session.start'), '198.51.100.23');
  // A client that writes its own header in front of the proxy's entry gains nothing.
  assert.equal((await signIn(behindProxy, { 'X-Forwarded-For': '203.0.113.1, 198.51.100.24' })).status, 200);
  assert.equal(lastClient(behindProxy, 'session.start'), '198.51.100.24');

  // Without --trusted-proxy the same header is the client's word and is ignored.
  assert.equal((await signIn(direct, { 'X-Forwarded-For': '198.51.100.23' })).status, 200);
  assert.equal(lastClient(direct, 'session.start'), '127.0.0.1');
});

test('an invitation link behind TLS is the https address, whatever Host the request named', async () => {
  const { owner, orgId } = await createOrganization(behindProxy, 'tls-inviter@example.jp', 'TLS招待株式会社');
  const members = await owner.request('GET', `/orgs/${orgId}/members`, { headers: { Host: 'evil.example' } });
  const invited = await postForm(owner, `/orgs/${orgId}/members`, { _csrf: csrfFrom(members.text), email: 'tls-guest@example.jp', role: 'viewer' });
  assert.match(invited.text, /https:\/\/mamori\.example\.jp\/invite\/[A-Za-z0-9_-]+/);
  assert.doesNotMatch(invited.text, /http:\/\/[^"<\s]*\/invite\//);
});

test('bad --public-url and --trusted-proxy values stop the server with a clear message', () => {
  for (const [option, value] of [['--public-url', 'ftp://mamori.example.jp'], ['--public-url', 'https://mamori.example.jp/app?x=1'],
    ['--trusted-proxy', '10.0.0.0/8'], ['--trusted-proxy', 'proxy.example.jp']]) {
    const run = spawnSync(BIN, ['serve', '--db', `${direct.dir}/never.db`, '--listen', '127.0.0.1:1', option, value],
      { encoding: 'utf8', env: { ...process.env, MAMORI_ARGON2_FAST: '1' }, timeout: 10000 });
    assert.equal(run.status, 2, `${option} ${value}: ${run.stderr}`);
    assert.match(run.stderr, new RegExp(option), `${option} ${value}: ${run.stderr}`);
    if (option === '--trusted-proxy') assert.ok(run.stderr.includes(value), `the refused value is named: ${run.stderr}`);
  }
});

test('scripts/check-deployment.sh passes an instance behind TLS and names what a plain one lacks', () => {
  const script = new URL('../../scripts/check-deployment.sh', import.meta.url).pathname;
  const good = spawnSync('bash', [script, '--behind-tls', behindProxy.base], { encoding: 'utf8' });
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stderr, /deployment check passed/);

  const plain = spawnSync('bash', [script, '--behind-tls', direct.base], { encoding: 'utf8' });
  assert.equal(plain.status, 1, plain.stderr);
  assert.match(plain.stderr, /Strict-Transport-Security is missing/);
  assert.match(plain.stderr, /is not Secure/);
  assert.match(plain.stderr, /lacks the __Host- prefix/);
});

test('--hsts-include-subdomains extends HSTS to subdomains; it is off by default', async () => {
  const pinned = await startServer({ extraArgs: ['--public-url', 'https://mamori.example.jp/', '--hsts-include-subdomains'] });
  try {
    const strict = (await fetch(`${pinned.base}/login`)).headers.get('strict-transport-security');
    assert.equal(strict, 'max-age=31536000; includeSubDomains');
  } finally {
    await pinned.stop();
  }
  const plain = (await fetch(`${behindProxy.base}/login`)).headers.get('strict-transport-security');
  assert.equal(plain, 'max-age=31536000', 'without the option only this host is pinned');
});
