import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildApp } from '../../src/app.js';
import { inProcess as here } from '../../src/pipeline/pool.js';
import { loadConfig } from '../../src/config.js';
import { openDb, openStore } from '../../src/store/db.js';
import { createToken } from '../../src/store/tokens.js';
import { checksheet, form } from '../helpers/workbooks.js';
import { startServer } from './server-process.js';

const ADMIN = 'qmap_faults-test-admin-token-0123456789';
const QUESTIONS = ['データのバックアップの取得頻度と方法を教えてください。', '通信はTLS1.2以上で暗号化されていますか。', 'ログイン時に多要素認証を利用できますか。'];

function tempDb(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-faults-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'qmap.db');
}

/** What a healthy database must show after any fault: intact pages, and every job stored whole. */
function checkStore(t: Test, file: string) {
  const db = new Database(file, { readonly: true });
  try {
    t.equal(db.pragma('integrity_check', { simple: true }), 'ok', 'PRAGMA integrity_check = ok');
    t.same(db.pragma('foreign_key_check'), [], 'no row points to a missing job');
    const partial = db
      .prepare(`SELECT id FROM jobs j WHERE NOT EXISTS (SELECT 1 FROM uploads u WHERE u.job_id = j.id) OR NOT EXISTS (SELECT 1 FROM job_rows r WHERE r.job_id = j.id)`)
      .pluck()
      .all();
    t.same(partial, [], 'no job without its upload or its rows');
    return db.prepare('SELECT id FROM jobs ORDER BY rowid').pluck().all() as string[];
  } finally {
    db.close();
  }
}

async function appOn(t: Test, file: string, open: () => ReturnType<typeof openDb>) {
  const db = open();
  const app = await buildApp({ config: loadConfig({ QMAP_DB: file }), db, runner: here(db), logger: false });
  t.teardown(async () => {
    await app.close();
    if (db.open) db.close();
  });
  return { app, db };
}

async function upload(app: Awaited<ReturnType<typeof buildApp>>, token: string, questions = QUESTIONS) {
  const body = form(await checksheet(questions), 'チェックシート.xlsx');
  return app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { authorization: `Bearer ${token}`, ...body.headers }, payload: body.payload });
}

t.test('a full disk: the upload gets 507 with plain words, nothing half-saved, earlier jobs intact, and it works again once there is room', async (t) => {
  const file = tempDb(t);
  const { app, db } = await appOn(t, file, () => openStore(file));
  const token = createToken(db, 'reviewer', 'r').secret;
  const first = await upload(app, token);
  t.equal(first.statusCode, 201);

  // SQLite's own limit on the file's size stands in for a full disk: the next page it needs is refused with SQLITE_FULL.
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
  const full = await upload(app, token, QUESTIONS.map((q) => `${q} ${'詳細'.repeat(2000)}`));
  t.equal(full.statusCode, 507);
  t.match(full.json(), { code: 'storage_full', message: /no room left.*Nothing was saved/ });
  t.equal((await app.inject({ url: '/healthz' })).statusCode, 200, 'the server still answers');
  const before = await app.inject({ url: `/v1/questionnaires/${first.json().id}`, headers: { authorization: `Bearer ${token}` } });
  t.same(before.json(), first.json(), 'the earlier job is served as it was');
  t.same(checkStore(t, file), [first.json().id], 'only the earlier job is stored');

  db.pragma('max_page_count = 1073741823');
  t.equal((await upload(app, token)).statusCode, 201, 'with room again, uploads work');
});

t.test('a read-only database: reading works, saving gets 503 read_only, nothing is damaged', async (t) => {
  const file = tempDb(t);
  const setup = openStore(file);
  const token = createToken(setup, 'reviewer', 'r').secret;
  const setupApp = await buildApp({ config: loadConfig({ QMAP_DB: file }), db: setup, runner: here(setup), logger: false });
  const first = await upload(setupApp, token);
  t.equal(first.statusCode, 201);
  await setupApp.close();
  setup.close();

  const { app } = await appOn(t, file, () => openDb(file, { readonly: true }));
  t.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
  const res = await upload(app, token);
  t.equal(res.statusCode, 503);
  t.match(res.json(), { code: 'read_only', message: /read-only.*nothing can be saved/ });
  const job = await app.inject({ url: `/v1/questionnaires/${first.json().id}`, headers: { authorization: `Bearer ${token}` } });
  t.equal(job.statusCode, 200, 'a stored job can still be read');
  t.same(checkStore(t, file), [first.json().id]);
});

/** Sends the multipart body in two halves and returns once the first half is on the wire. */
function halfUpload(url: string, body: { payload: Buffer; headers: Record<string, string> }) {
  const req = request(`${url}/v1/questionnaires`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, ...body.headers, 'content-length': String(body.payload.length) } });
  req.on('error', () => {}); // the server is about to die under it
  req.write(body.payload.subarray(0, body.payload.length >> 1));
  return new Promise<void>((resolve) => setTimeout(resolve, 200));
}

t.test('kill -9 in the middle of uploads, restart: the database is intact, no half-written job, earlier jobs served as before', async (t) => {
  const file = tempDb(t);
  const env = { QMAP_DB: file, QMAP_ADMIN_TOKEN: ADMIN, QMAP_WORKERS: '1' };
  const auth = { authorization: `Bearer ${ADMIN}` };
  const post = (url: string, bytes: Buffer, name: string) => {
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(bytes)]), name);
    return fetch(`${url}/v1/questionnaires`, { method: 'POST', headers: auth, body: fd });
  };
  let server = await startServer(env);
  t.teardown(() => server.child.kill('SIGKILL'));

  const first = await post(server.url, await checksheet(QUESTIONS), 'before.xlsx');
  t.equal(first.status, 201);
  const stored = await first.json();

  // 1,500 questions keep the server busy for seconds (reading, matching, storing): kill it at several moments of that.
  const big = await checksheet(Array.from({ length: 1500 }, (_, i) => `${QUESTIONS[i % 3]}（${i + 1}）`));
  const moments: [string, number][] = [['while the body arrives', -1], ['just after the body', 100], ['while matching', 1500], ['near the end', 3000]];
  for (const [moment, ms] of moments) {
    if (ms < 0) await halfUpload(server.url, form(big, 'big.xlsx'));
    else {
      void post(server.url, big, 'big.xlsx').catch(() => {});
      await new Promise((r) => setTimeout(r, ms));
    }
    server.child.kill('SIGKILL');
    await server.exited;

    const ids = checkStore(t, file);
    t.ok(ids.includes(stored.id), `${moment}: the earlier job is still there`);
    server = await startServer(env);
    const again = await fetch(`${server.url}/v1/questionnaires/${stored.id}`, { headers: auth });
    t.same(await again.json(), stored, `${moment}: after restart the earlier job is served exactly as before`);
    t.equal((await fetch(`${server.url}/healthz`)).status, 200);
  }

  t.equal((await post(server.url, await checksheet(QUESTIONS), 'after.xlsx')).status, 201, 'uploads work after the crashes');
  await server.stop();
  t.notOk(server.output().includes(ADMIN), 'the token never appears in the server output');
  checkStore(t, file);
});

t.test('kill -9 while jobs are being written: every job in the file is whole', async (t) => {
  const file = tempDb(t);
  openStore(file).close();
  // A process that does nothing but store 200-row jobs, killed at an arbitrary moment of a write.
  const writer = `
    import { openStore } from './src/store/db.js';
    import { insertJob } from './src/store/jobs.js';
    import { newId } from './src/ids.js';
    const db = openStore(process.env.QMAP_DB);
    const proposal = { status: 'unmatched', itemNos: [], score: 0, candidates: [], reasons: [], source: 'lexicon', libraryId: null };
    const row = (i) => ({ id: newId(), ord: i, sheet: 'S', row: i + 2, text: 'q'.repeat(500) + i, section: null, number: null, answerCell: 'C' + (i + 2), choiceCell: null, choices: null, existingAnswer: '', existingChoice: '', status: 'unmatched', itemNos: [], answer: null, choice: null, proposal, decidedBy: null, decidedAt: null, version: 0 });
    for (let n = 0; ; n++) {
      insertJob(db, { id: newId(), filename: 'f.xlsx', kind: 'xlsx', createdAt: new Date().toISOString(), createdBy: 't', language: 'ja', sheets: [], notes: [] }, Buffer.alloc(200_000, n % 251), Array.from({ length: 200 }, (_, i) => row(i)));
      if (n === 5) process.stdout.write('writing');
    }`;
  const { spawn } = await import('node:child_process');
  const { root } = await import('../../src/paths.js');
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer], { cwd: root, env: { ...process.env, QMAP_DB: file }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', () => reject(new Error('the writer stopped by itself')));
  });
  await new Promise((r) => setTimeout(r, 300 + Math.random() * 500));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));

  const ids = checkStore(t, file);
  t.ok(ids.length > 5, `${ids.length} jobs were written before the kill`);
  const db = new Database(file, { readonly: true });
  const counts = db.prepare('SELECT count(*) FROM job_rows GROUP BY job_id').pluck().all();
  const sizes = db.prepare('SELECT length(bytes) FROM uploads').pluck().all();
  db.close();
  t.ok(counts.every((n) => n === 200), 'every stored job has all its 200 rows');
  t.ok(sizes.every((n) => n === 200_000), 'and its whole upload');
});
