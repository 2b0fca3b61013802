import t from 'tap';
import { mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { migrate, openDb, openStore, readMigrations } from '../src/store/db.js';
import { migrationsDir, root } from '../src/paths.js';
import { learnAlias } from '../src/store/aliases.js';
import { deleteLibraryEntry, keepInLibrary, updateLibraryEntry } from '../src/store/library.js';
import { decideRow, deleteJob as removeJob, getJob, getRow, insertJob, jobRows } from '../src/store/jobs.js';
import { loadConfig } from '../src/config.js';
import { currentKnowledge } from '../src/services/knowledge.js';
import { job, row } from './helpers/rows.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'qmap-store-'));

t.test('a fresh database gets every migration, in order, recorded', async (t) => {
  const db = openDb(join(tmp(), 'nested', 'qmap.db'));
  const applied = migrate(db);
  t.same(applied, readMigrations().map((m) => m.name));
  t.same(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(), readMigrations().map((m) => m.version));
  t.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  t.equal(db.pragma('foreign_keys', { simple: true }), 1);
});

t.test('re-running migrations on an existing database is a no-op and keeps its data', async (t) => {
  const file = join(tmp(), 'qmap.db');
  const db = openStore(file);
  db.prepare("UPDATE items SET answer = 'changed' WHERE no = 1").run();
  db.close();
  const again = openDb(file);
  t.same(migrate(again), []);
  t.equal(again.prepare('SELECT answer FROM items WHERE no = 1').pluck().get(), 'changed');
});

t.test('only the new migrations are applied to an older database', async (t) => {
  const dir = tmp();
  const migs = join(dir, 'migrations');
  mkdirSync(migs);
  cpSync(join(migrationsDir, '001_init.sql'), join(migs, '001_init.sql'));
  const db = openDb(join(dir, 'qmap.db'));
  t.same(migrate(db, readMigrations(migs)), ['001_init.sql']);
  writeFileSync(join(migs, '900_extra.sql'), 'CREATE TABLE extra (x INTEGER);');
  t.same(migrate(db, readMigrations(migs)), ['900_extra.sql']);
});

t.test('a database of an earlier qmap keeps every job, row, id and decision, in the domain shape', async (t) => {
  const dir = tmp();
  const migs = join(dir, 'migrations');
  mkdirSync(migs);
  for (const m of ['001_init.sql', '002_meti_items.sql', '003_job_rows_by_job.sql', '004_job_rows_status.sql']) cpSync(join(migrationsDir, m), join(migs, m));
  const file = join(dir, 'qmap.db');
  const old = openDb(file);
  migrate(old, readMigrations(migs));
  old.prepare(`INSERT INTO jobs VALUES ('job-1', 'f.xlsx', 'xlsx', '2026-11-01T00:00:00.000Z', 't', '[]', '["a note"]')`).run();
  old.prepare(`INSERT INTO uploads VALUES ('job-1', x'01')`).run();
  const proposal = { status: 'review', itemNos: [28], score: 0.5, best: { itemNo: 28, title: 'バックアップの方法', score: 0.5, terms: ['バックアップ'] }, alternatives: [{ itemNo: 7, title: 'x', score: 0.3, terms: [] }], reasons: ['why'], source: 'lexicon' };
  const insert = old.prepare(`INSERT INTO job_rows (id, job_id, ord, sheet, row, question, answer_cell, status, item_nos, score, proposal, answer, decided_by, decided_at)
    VALUES (?, 'job-1', ?, 'S', ?, ?, ?, ?, ?, 0.5, ?, ?, ?, ?)`);
  insert.run('row-a', 0, 4, '質問 A', 'C4', 'review', '[28]', JSON.stringify(proposal), '日次', null, null);
  insert.run('row-b', 1, 5, '質問 B', 'C5', 'confirmed', '[3]', JSON.stringify(proposal), '回答', 'reviewer', '2026-11-02T00:00:00.000Z');
  old.close();

  const db = openStore(file);
  const rows = jobRows(db, 'job-1');
  t.same(rows.map((r) => [r.id, r.ord, r.row, r.text, r.status, r.itemNos, r.answer, r.decidedBy, r.version]), [
    ['row-a', 0, 4, '質問 A', 'review', [28], '日次', null, 0],
    ['row-b', 1, 5, '質問 B', 'confirmed', [3], '回答', 'reviewer', 1],
  ]);
  t.same(rows[0].proposal, {
    status: 'review',
    itemNos: [28],
    score: 0.5,
    candidates: [{ itemNo: 28, score: 0.5, terms: ['バックアップ'] }, { itemNo: 7, score: 0.3, terms: [] }],
    reasons: [{ code: 'text', params: { text: 'why' } }],
    source: 'lexicon',
    libraryId: null,
  }, 'the proposal lists its candidates best first; reasons keep their words');
  t.same(getJob(db, 'job-1')?.notes, [{ code: 'text', params: { text: 'a note' } }]);
  const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'job_rows' ORDER BY name").pluck().all();
  t.same(indexes, ['job_rows_id', 'job_rows_job', 'job_rows_status'], 'no index on the row id alone');
  const plan = db.prepare('EXPLAIN QUERY PLAN SELECT status, count(*) AS n FROM job_rows WHERE job_id = ? GROUP BY status').all('job-1');
  t.match(JSON.stringify(plan), /COVERING INDEX job_rows_status/, 'the job list counts statuses from an index, without reading rows');
  t.same(db.pragma('foreign_key_check'), []);
});

t.test('a row is decided only at the version it was read at, and only within its own job', async (t) => {
  const db = openStore(':memory:');
  const one = job();
  const [a] = [row('質問 A')];
  insertJob(db, one, new Uint8Array([1]), [a]);
  const decision = { status: 'confirmed' as const, itemNos: [3], answer: '回答', choice: null };
  t.notOk(decideRow(db, 'another-job', a.id, 0, decision, 'r'), 'a decision naming another job changes nothing');
  t.ok(decideRow(db, one.id, a.id, 0, decision, 'r'));
  t.notOk(decideRow(db, one.id, a.id, 0, { ...decision, itemNos: [4] }, 'r2'), 'a second decision from the same version is refused');
  t.match(getRow(db, one.id, a.id), { itemNos: [3], version: 1, decidedBy: 'r' });
  t.ok(removeJob(db, one.id));
  t.same(jobRows(db, one.id), [], 'deleting the job deletes its rows');
});

t.test('a failing migration leaves nothing half-applied', async (t) => {
  const dir = tmp();
  writeFileSync(join(dir, '001_a.sql'), 'CREATE TABLE a (x INTEGER);');
  writeFileSync(join(dir, '002_b.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO nope VALUES (1);');
  const db = openDb(join(dir, 'qmap.db'));
  t.throws(() => migrate(db, readMigrations(dir)), /no such table: nope/);
  t.same(db.prepare('SELECT name FROM schema_migrations').pluck().all(), ['001_a.sql']);
  t.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'").pluck().get(), 0);
});

t.test('a database from a newer qmap is refused with a clear message', async (t) => {
  const file = join(tmp(), 'qmap.db');
  openStore(file).prepare("INSERT INTO schema_migrations VALUES (999, '999_future.sql', 'x')").run();
  t.throws(() => openStore(file), /written by a newer qmap \(schema version 999; this qmap knows up to \d+\)\. Upgrade qmap/);
});

t.test('qmap backup makes a consistent copy that opens with all 49 items', async (t) => {
  const dir = tmp();
  const file = join(dir, 'qmap.db');
  openStore(file).close();
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli.ts'), 'backup', join(dir, 'copy.db')], {
    env: { ...process.env, QMAP_DB: file },
    encoding: 'utf8',
  });
  t.match(out, /backed up/);
  const copy = new Database(join(dir, 'copy.db'), { readonly: true });
  t.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
  t.equal(copy.prepare('SELECT count(*) FROM items').pluck().get(), 49);
});

t.test('qmap token create / list / revoke', async (t) => {
  const dir = tmp();
  const env = { ...process.env, QMAP_DB: join(dir, 'qmap.db') };
  openStore(env.QMAP_DB).close(); // the server made it
  const cli = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli.ts'), ...args], { env, encoding: 'utf8' });
  const created = cli('token', 'create', '--role', 'reviewer', '--name', 'sales team');
  const id = /token (tok_[0-9a-f]+)/.exec(created)![1];
  t.match(created, /qmap_[A-Za-z0-9_-]+/);
  t.match(cli('token', 'list'), new RegExp(`${id}  reviewer  live .*sales team`));
  cli('token', 'revoke', id);
  t.match(cli('token', 'list'), new RegExp(`${id}  reviewer  revoked`));
});

t.test('what matching knows is read once per revision; every change raises it, a rolled-back one is never kept', async (t) => {
  const db = openStore(':memory:');
  const config = loadConfig({ QMAP_DB: ':memory:' });
  const first = currentKnowledge(db, config);
  t.equal(currentKnowledge(db, config).items, first.items, 'no change since: the same lists, not read again');
  learnAlias(db, 'q1', '質問1', [2], 'r', null);
  const second = currentKnowledge(db, config);
  t.ok(second.revision > first.revision, 'a reviewer decision raises the revision');
  t.same(second.learned, [{ text: '質問1', itemNos: [2] }]);

  t.throws(() =>
    db.transaction(() => {
      learnAlias(db, 'q2', '質問2', [3], 'r', null);
      t.equal(currentKnowledge(db, config).learned.length, 2, 'inside the transaction it is there');
      throw new Error('rolled back');
    })(),
  );
  t.same(currentKnowledge(db, config).learned, [{ text: '質問1', itemNos: [2] }], 'a rolled-back decision is never remembered');

  const kept = keepInLibrary(db, { norm: 'q3', question: '質問3', answer: '回答', choice: null, jobId: null }, 'r');
  t.equal(currentKnowledge(db, config).library.length, 1);
  updateLibraryEntry(db, kept.id, { answer: '新しい回答' }, 'r');
  t.equal(currentKnowledge(db, config).library[0].answer, '新しい回答', 'an edited answer is seen');
  deleteLibraryEntry(db, kept.id);
  t.same(currentKnowledge(db, config).library, [], 'a deleted answer is gone');
  const before = currentKnowledge(db, config).revision;
  db.prepare("UPDATE items SET answer = 'x' WHERE no = 1").run();
  t.ok(currentKnowledge(db, config).revision > before, 'an edited item raises it too');
});

t.test('QMAP_DB naming a folder or a file that is no database is refused in words an operator can act on', async (t) => {
  const dir = tmp();
  t.throws(() => openStore(dir), { name: 'Error', message: `QMAP_DB=${dir} is a folder. Point QMAP_DB at a file in it, such as ${join(dir, 'qmap.db')}.` });
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'not a database, but long enough to have a header SQLite would read. '.repeat(4));
  t.throws(() => openStore(text), /QMAP_DB=.*notes\.txt is not a SQLite database \(another kind of file\)\. Point QMAP_DB at qmap's database, or at a new path/);
  const server = (db: string) => {
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/server.ts')], { env: { ...process.env, QMAP_DB: db, PORT: '0' }, encoding: 'utf8', stdio: 'pipe' });
      return '';
    } catch (e) {
      return (e as { stderr: string }).stderr;
    }
  };
  const said = server(text);
  t.match(said, /is not a SQLite database/, 'the server says so and stops');
  t.notMatch(said, /\n\s+at /, 'without a stack trace');
});
