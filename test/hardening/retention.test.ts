import t, { type Test } from 'tap';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/db.js';
import { insertJob, getJob, type NewRow } from '../../src/store/jobs.js';
import { auditOf } from '../../src/store/audit.js';
import { deleteExpired, scheduleRetention } from '../../src/retention.js';

const DAY = 24 * 60 * 60 * 1000;

function store(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-retention-'));
  const file = join(dir, 'qmap.db');
  const db = openStore(file);
  t.teardown(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, file };
}

function row(question: string): NewRow {
  const proposal = { status: 'unmatched' as const, itemNos: [], score: 0, best: null, alternatives: [], reasons: [], source: 'matcher' };
  return { sheet: 'S', row: 2, question, section: null, number: null, answerCell: 'C2', choiceCell: null, choices: null, existingAnswer: '', existingChoice: '', status: 'unmatched', itemNos: [], score: null, proposal, answer: null, choice: null };
}

let n = 0;
function job(db: ReturnType<typeof openStore>, daysAgo: number, secret: string): string {
  const id = `job-${++n}`;
  const createdAt = new Date(Date.now() - daysAgo * DAY).toISOString();
  insertJob(db, { id, filename: `${secret}.xlsx`, kind: 'xlsx', createdAt, createdBy: 'test', sheets: [], notes: [] }, Buffer.from(`upload bytes ${secret} `.repeat(500)), [row(`question ${secret}?`)], () => `row-${++n}`);
  return id;
}

/** The database as it lies on disk: the main file and, if any, its write-ahead log. */
function onDisk(file: string): string {
  return [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
}

t.test('questionnaires older than QMAP_RETENTION_DAYS are deleted with their upload; newer ones stay', async (t) => {
  const { db, file } = store(t);
  const old = job(db, 31, 'OLD-CUSTOMER-CONFIDENTIAL-7f3a');
  const recent = job(db, 29, 'RECENT-CUSTOMER-5c1d');
  db.pragma('wal_checkpoint(TRUNCATE)');
  t.match(onDisk(file), /OLD-CUSTOMER-CONFIDENTIAL-7f3a/, 'before: the old upload is in the database file');

  t.same(deleteExpired(db, 30), [old]);
  t.notOk(getJob(db, old), 'the old job is gone');
  t.ok(getJob(db, recent), 'the recent job is kept');
  t.equal(db.prepare('SELECT count(*) FROM uploads WHERE job_id = ?').pluck().get(old), 0);
  t.equal(db.prepare('SELECT count(*) FROM job_rows WHERE job_id = ?').pluck().get(old), 0);

  const disk = onDisk(file);
  t.notMatch(disk, /OLD-CUSTOMER-CONFIDENTIAL-7f3a/, 'after: not a byte of the old upload, name or question is left in the file or its WAL');
  t.match(disk, /RECENT-CUSTOMER-5c1d/, 'the recent upload is still stored');
});

t.test('each deletion is in the audit trail as retention, without the contents', async (t) => {
  const { db } = store(t);
  const old = job(db, 40, 'AUDITED-9b2e');
  deleteExpired(db, 30);
  const trail = auditOf(db, old);
  t.match(trail.at(-1), { action: 'retention', actor: 'qmap retention', detail: {} });
  t.notMatch(JSON.stringify(trail), /AUDITED-9b2e/);
});

t.test('the schedule runs at once and logs what it deleted; nothing to delete, nothing logged', async (t) => {
  const { db } = store(t);
  job(db, 100, 'SCHEDULED-1');
  const lines: object[] = [];
  const stop = scheduleRetention(db, 30, { info: (o) => lines.push(o), error: (o) => lines.push(o) });
  stop();
  t.same(lines, [{ deleted: 1, days: 30 }]);
  const again = scheduleRetention(db, 30, { info: (o) => lines.push(o), error: (o) => lines.push(o) });
  again();
  t.equal(lines.length, 1);
});

t.test('a failing run is logged and does not stop the server', async (t) => {
  const { db } = store(t);
  db.close();
  const errors: object[] = [];
  const stop = scheduleRetention(db, 30, { info: () => {}, error: (o) => errors.push(o) });
  stop();
  t.equal(errors.length, 1);
});
