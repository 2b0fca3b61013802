import t from 'tap';
import { mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { migrate, openDb, openStore, readMigrations } from '../src/store/db.js';
import { migrationsDir, root } from '../src/paths.js';
import { learnAlias, listAliases } from '../src/store/aliases.js';
import { deleteLibraryEntry, keepInLibrary, listLibrary, updateLibraryEntry } from '../src/store/library.js';
import { decideRow, deleteJob as removeJob, getRow, insertJob, jobRows, type Job, type NewRow } from '../src/store/jobs.js';

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

t.test('a database from before rows were indexed by job keeps every row, id and decision', async (t) => {
  const dir = tmp();
  const migs = join(dir, 'migrations');
  mkdirSync(migs);
  for (const m of ['001_init.sql', '002_meti_items.sql']) cpSync(join(migrationsDir, m), join(migs, m));
  const file = join(dir, 'qmap.db');
  const old = openDb(file);
  migrate(old, readMigrations(migs));
  const job = (id: string): Job => ({ id, filename: `${id}.xlsx`, kind: 'xlsx', createdAt: '2026-11-01T00:00:00.000Z', createdBy: 't', sheets: [], notes: [] });
  const ids = ['row-a', 'row-b', 'row-c'];
  insertJob(old, job('job-1'), new Uint8Array([1]), ids.map((_, i) => row(`質問 ${i}`)), () => ids.shift()!);
  decideRow(old, 'job-1', 'row-b', { status: 'confirmed', itemNos: [3], score: 0.9, answer: '回答', choice: null }, 'reviewer', '2026-11-02T00:00:00.000Z');
  const before = jobRows(old, 'job-1');
  old.close();

  const db = openStore(file);
  t.same(jobRows(db, 'job-1'), before, 'the same rows, ids, order and decisions');
  const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'job_rows' ORDER BY name").pluck().all();
  t.same(indexes, ['job_rows_id', 'job_rows_job', 'job_rows_status'], 'no index on the row id alone');
  const plan = db.prepare('EXPLAIN QUERY PLAN SELECT status, count(*) AS n FROM job_rows WHERE job_id = ? GROUP BY status').all('job-1');
  t.match(JSON.stringify(plan), /COVERING INDEX job_rows_status/, 'the job list counts statuses from an index, without reading rows');
  t.same(db.pragma('foreign_key_check'), []);

  // A row is found and decided only within its own job.
  insertJob(db, job('job-2'), new Uint8Array([2]), [row('別の質問')], () => 'row-x');
  t.notOk(getRow(db, 'job-2', 'row-a'));
  decideRow(db, 'job-2', 'row-a', { status: 'confirmed', itemNos: [9], score: 1, answer: 'x', choice: null }, 'reviewer');
  t.same(jobRows(db, 'job-1'), before, 'a decision naming another job changes nothing');
  t.ok(removeJob(db, 'job-1'));
  t.same(jobRows(db, 'job-1'), [], 'deleting the job deletes its rows');
  t.equal(jobRows(db, 'job-2').length, 1);
});

/** A stored-row stand-in: a question with no match. */
function row(question: string): NewRow {
  const proposal = { status: 'unmatched' as const, itemNos: [], score: 0, best: null, alternatives: [], reasons: ['none'], source: 'lexicon' };
  return {
    ...{ sheet: 'S', row: 1, question, section: null, number: null, answerCell: 'B1', choiceCell: null, choices: null },
    ...{ existingAnswer: '', existingChoice: '', status: 'unmatched', itemNos: [], score: 0, proposal, answer: null, choice: null },
  };
}

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
  const cli = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli.ts'), ...args], { env, encoding: 'utf8' });
  const created = cli('token', 'create', '--role', 'reviewer', '--name', 'sales team');
  const id = /token (tok_[0-9a-f]+)/.exec(created)![1];
  t.match(created, /qmap_[A-Za-z0-9_-]+/);
  t.match(cli('token', 'list'), new RegExp(`${id}  reviewer  live .*sales team`));
  cli('token', 'revoke', id);
  t.match(cli('token', 'list'), new RegExp(`${id}  reviewer  revoked`));
});

t.test('reviewers’ decisions and the library are read once between writes, and every write is seen at once', async (t) => {
  const db = openStore(':memory:');
  learnAlias(db, 'q1', '質問1', [1], 'r');
  const first = listAliases(db);
  t.equal(listAliases(db), first, 'no write since: the same list, not read again');
  learnAlias(db, 'q1', '質問1', [2], 'r');
  t.same(listAliases(db), [{ text: '質問1', itemNos: [2] }], 'a changed decision is seen by the next upload');

  // A decision made in a transaction that rolls back is never remembered.
  t.throws(() =>
    db.transaction(() => {
      learnAlias(db, 'q2', '質問2', [3], 'r');
      t.equal(listAliases(db).length, 2, 'inside the transaction it is there');
      throw new Error('rolled back');
    })(),
  );
  t.same(listAliases(db), [{ text: '質問1', itemNos: [2] }]);

  const kept = keepInLibrary(db, 'q3', '質問3', '回答', null, 'r');
  const library = listLibrary(db);
  t.equal(listLibrary(db), library);
  updateLibraryEntry(db, kept.id, { answer: '新しい回答' }, 'r');
  t.equal(listLibrary(db)[0].answer, '新しい回答', 'an edited answer is seen');
  deleteLibraryEntry(db, kept.id);
  t.same(listLibrary(db), [], 'a deleted answer is gone');
});
