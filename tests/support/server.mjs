// Starts a real mamori server on a free port with a fresh database (SQLite,
// or PostgreSQL with MAMORI_TEST_BACKEND=postgres), for the HTTP and browser
// suites. Accounts are created with the CLI, the same way an operator would.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const BIN = process.env.MAMORI_BIN || resolve('build/mamori');

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

// Runs SQL on a test server's database with its backend's own client (sqlite3,
// or psql for a PostgreSQL URL): rows one a line, columns joined by '|'.
export function dbQuery(db, query) {
  if (/^postgres(ql)?:/.test(db)) {
    return execFileSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', query, db], { encoding: 'utf8' }).trim();
  }
  return execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();
}

// A fresh database for a test that opens its own: a SQLite file in `dir`, or
// with MAMORI_TEST_BACKEND=postgres a new schema on MAMORI_TEST_PG_URL.
export function freshDatabase(dir) {
  return onPostgres() ? freshPostgresUrl() : join(dir, 'mamori.db');
}

function onPostgres() {
  return process.env.MAMORI_TEST_BACKEND === 'postgres' && Boolean(process.env.MAMORI_TEST_PG_URL);
}

// With MAMORI_TEST_BACKEND=postgres (and MAMORI_TEST_PG_URL), each server gets
// a fresh schema on that PostgreSQL server instead of a SQLite file.
function freshPostgresUrl() {
  const base = process.env.MAMORI_TEST_PG_URL;
  const schema = `t_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  execFileSync('psql', ['-X', '-q', '-c', `CREATE SCHEMA ${schema}`, base], { stdio: 'pipe' });
  return `${base}${base.includes('?') ? '&' : '?'}options=-csearch_path%3D${schema}`;
}

// `db` reopens an existing database (a restart); the caller then owns its folder.
export async function startServer(options = {}) {
  // A free port can be taken by another suite's server between the probe and the start (the
  // suites run two files at once); the server then stops with "in use?", and a new port is tried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(options);
    } catch (error) {
      if (attempt >= 5 || !/in use\?/.test(String(error.message))) throw error;
    }
  }
}

async function startServerOnce({ extraArgs = [], db: reuse } = {}) {
  const dir = reuse ? dirname(reuse) : mkdtempSync(join(tmpdir(), 'mamori-test-'));
  const db = reuse || freshDatabase(dir);
  const port = await freePort();
  const env = { ...process.env, MAMORI_ARGON2_FAST: '1' };
  const child = spawn(BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, ...extraArgs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const base = `http://127.0.0.1:${port}`;
  // Up to a minute: with several suites at once on 2 cores a start (the catalog,
  // and on PostgreSQL every migration in a fresh schema) takes seconds, and a
  // test that went on before the server answered failed with "fetch failed".
  let healthy = false;
  for (let attempt = 0; attempt < 600 && !healthy; attempt++) {
    if (child.exitCode !== null) throw new Error(`mamori serve exited: ${output}`);
    try {
      healthy = (await fetch(`${base}/healthz`)).ok;
    } catch {
      // not listening yet
    }
    if (!healthy) await new Promise((r) => setTimeout(r, 100));
  }
  if (!healthy || child.exitCode !== null) {
    child.kill('SIGKILL');
    throw new Error(`mamori serve did not answer on ${base}: ${output}`);
  }
  return {
    base,
    db,
    dir,
    output: () => output,
    setupCode: () => (output.match(/\d{4}-\d{4}-\d{4}/) || [])[0],
    createUser(email, password, { admin = false } = {}) {
      const args = ['user', 'create', '--db', db, '--email', email, '--password', password];
      if (admin) args.push('--admin');
      return JSON.parse(execFileSync(BIN, args, { env, encoding: 'utf8' }));
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (!reuse) rmSync(dir, { recursive: true, force: true });
    },
    // A power cut: no chance to flush or close anything. The database stays for a restart.
    async crash() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

// Every Set-Cookie header of a response. Headers.getSetCookie() arrived in
// Node 19.7; Debian 12's Node 18 only offers the comma-joined value, which is
// safe to split here because mamori's cookies carry Max-Age, never Expires.
export function setCookies(headers) {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
  const joined = headers.get('set-cookie');
  return joined ? joined.split(/,(?=\s*[A-Za-z0-9_-]+=)/).map((cookie) => cookie.trim()) : [];
}

// A minimal cookie-keeping API client.
export class ApiClient {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
    this.csrf = null;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method, path, { json, body, headers = {}, csrf = true } = {}) {
    const allHeaders = { ...headers };
    if (this.cookies.size) allHeaders.Cookie = this.cookieHeader();
    if (csrf && this.csrf && method !== 'GET') allHeaders['X-CSRF-Token'] = this.csrf;
    let payload = body;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      allHeaders['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(this.base + path, { method, headers: allHeaders, body: payload, redirect: 'manual' });
    } catch (error) {
      // undici says only "fetch failed"; the cause names the socket's problem.
      throw new Error(`${method} ${path}: ${error.message}: ${error.cause?.code ?? ''} ${error.cause?.message ?? ''}`);
    }
    for (const cookie of setCookies(response.headers)) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /Max-Age=0/.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let data = null;
    try { data = JSON.parse(text); } catch { data = null; }
    return { status: response.status, headers: response.headers, text, data };
  }

  async signIn(email, password) {
    const result = await this.request('POST', '/api/v1/session', { json: { email, password }, csrf: false });
    if (result.status === 200) this.csrf = result.data.csrf_token;
    return result;
  }
}

export function answersAll(value) {
  const answers = {};
  for (let item = 1; item <= 25; item++) answers[String(item)] = value;
  return answers;
}

// Signs in through the HTML form, as a browser would: the login page sets a
// pre-session cookie and embeds the matching _csrf field.
export async function formSignIn(client, email, password) {
  const page = await client.request('GET', '/login');
  const csrf = csrfFrom(page.text);
  const result = await client.request('POST', '/login', {
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    csrf: false,
  });
  return result;
}

export function csrfFrom(html) {
  const match = html.match(/name="_csrf" value="([^"]+)"/);
  if (!match) throw new Error('no _csrf field on the page');
  return match[1];
}

export async function postForm(client, path, fields) {
  return client.request('POST', path, {
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    csrf: false,
  });
}
