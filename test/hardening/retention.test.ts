import t, { type Test } from 'tap';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/db.js';
import { insertJob, getJob } from '../../src/store/jobs.js';
import { auditOf } from '../../src/store/audit.js';
import { loadConfig } from '../../src/config.js';
import { inProcess } from '../../src/pipeline/pool.js';
import { deleteExpired, scheduleRetention, type RetentionLog } from '../../src/services/retention.js';
import { job as newJob, row } from '../helpers/rows.js';

const DAY = 24 * 60 * 60 * 1000;

function store(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-retention-'));
  const file = join(dir, 'qmap.db');
  const db = openStore(file);
  t.teardown(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const ctx = { db, config: loadConfig({ QMAP_DB: file, QMAP_RETENTION_DAYS: '30' }), runner: inProcess(db) };
  return { db, file, ctx };
}

let n = 0;
function job(db: ReturnType<typeof openStore>, daysAgo: number, secret: string): string {
  const id = `job-${++n}`;
  const createdAt = new Date(Date.now() - daysAgo * DAY).toISOString();
  insertJob(db, newJob({ id, filename: `${secret}.xlsx`, createdAt }), Buffer.from(`upload bytes ${secret} `.repeat(500)), [row(`question ${secret}?`)]);
  return id;
}

/** The database as it lies on disk: the main file and, if any, its write-ahead log. */
function onDisk(file: string): string {
  return [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
}

t.test('questionnaires older than QMAP_RETENTION_DAYS are deleted with their upload; newer ones stay', async (t) => {
  const { db, file, ctx } = store(t);
  const old = job(db, 31, 'OLD-CUSTOMER-CONFIDENTIAL-7f3a');
  const recent = job(db, 29, 'RECENT-CUSTOMER-5c1d');
  db.pragma('wal_checkpoint(TRUNCATE)');
  t.match(onDisk(file), /OLD-CUSTOMER-CONFIDENTIAL-7f3a/, 'before: the old upload is in the database file');

  t.same(deleteExpired(ctx), [old]);
  t.notOk(getJob(db, old), 'the old job is gone');
  t.ok(getJob(db, recent), 'the recent job is kept');
  t.equal(db.prepare('SELECT count(*) FROM uploads WHERE job_id = ?').pluck().get(old), 0);
  t.equal(db.prepare('SELECT count(*) FROM job_rows WHERE job_id = ?').pluck().get(old), 0);

  const disk = onDisk(file);
  t.notMatch(disk, /OLD-CUSTOMER-CONFIDENTIAL-7f3a/, 'after: not a byte of the old upload, name or question is left in the file or its WAL');
  t.match(disk, /RECENT-CUSTOMER-5c1d/, 'the recent upload is still stored');
});

t.test('each deletion is in the audit trail as retention, without the contents', async (t) => {
  const { db, ctx } = store(t);
  const old = job(db, 40, 'AUDITED-9b2e');
  deleteExpired(ctx);
  const trail = auditOf(db, old);
  t.match(trail.at(-1), { action: 'retention', actor: 'qmap retention', detail: {} });
  t.notMatch(JSON.stringify(trail), /AUDITED-9b2e/);
});

t.test('the schedule runs at once and logs what it deleted; nothing to delete, nothing logged', async (t) => {
  const { db, ctx } = store(t);
  job(db, 100, 'SCHEDULED-1');
  const lines: object[] = [];
  const log: RetentionLog = { info: (o) => lines.push(o), error: (o) => lines.push(o) };
  const stop = scheduleRetention(ctx, log);
  stop();
  t.same(lines, [{ deleted: 1, days: 30 }]);
  const again = scheduleRetention(ctx, log);
  again();
  t.equal(lines.length, 1);
});

t.test('a failing run is logged and does not stop the server', async (t) => {
  const { db, ctx } = store(t);
  db.close();
  const errors: object[] = [];
  const stop = scheduleRetention(ctx, { info: () => {}, error: (o) => errors.push(o) });
  stop();
  t.equal(errors.length, 1);
});
