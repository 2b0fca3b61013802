// Questionnaire jobs: the upload, how its sheets were read, and one row per question with its decision.
// Maps the domain's Job and Row to and from SQLite; JSON columns hold the lists and the proposal.
import type { FileKind, Job, Language, Message, Proposal, Row, RowStatus, SheetSummary, Summary } from '../domain.js';
import { summaryOf } from '../domain.js';
import type { Db } from './db.js';

interface JobRecord {
  id: string;
  filename: string;
  kind: FileKind;
  created_at: string;
  created_by: string;
  language: Language;
  sheets: string;
  notes: string;
}

interface RowRecord {
  id: string;
  ord: number;
  sheet: string;
  row: number;
  question: string;
  section: string | null;
  number: string | null;
  answer_cell: string | null;
  choice_cell: string | null;
  choices: string | null;
  marks: string | null;
  existing_answer: string;
  existing_choice: string;
  status: RowStatus;
  item_nos: string;
  proposal: string;
  answer: string | null;
  choice: string | null;
  decided_by: string | null;
  decided_at: string | null;
  version: number;
}

const toJob = (r: JobRecord): Job => ({
  id: r.id,
  filename: r.filename,
  kind: r.kind,
  createdAt: r.created_at,
  createdBy: r.created_by,
  language: r.language,
  sheets: JSON.parse(r.sheets) as SheetSummary[],
  notes: JSON.parse(r.notes) as Message[],
});

const toRow = (r: RowRecord): Row => ({
  id: r.id,
  ord: r.ord,
  sheet: r.sheet,
  row: r.row,
  text: r.question,
  section: r.section,
  number: r.number,
  answerCell: r.answer_cell,
  choiceCell: r.choice_cell,
  choices: r.choices === null ? null : (JSON.parse(r.choices) as string[]),
  marks: r.marks === null ? null : (JSON.parse(r.marks) as Row['marks']),
  existingAnswer: r.existing_answer,
  existingChoice: r.existing_choice,
  status: r.status,
  itemNos: JSON.parse(r.item_nos) as number[],
  proposal: JSON.parse(r.proposal) as Proposal,
  answer: r.answer,
  choice: r.choice,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  version: r.version,
});

/** Stores a job, its upload and its rows in one transaction: a crash leaves either all of it or none. */
export function insertJob(db: Db, job: Job, upload: Uint8Array, rows: Row[]): void {
  const insertRow = db.prepare(`INSERT INTO job_rows (job_id, id, ord, sheet, row, question, section, number, answer_cell,
    choice_cell, choices, marks, existing_answer, existing_choice, status, item_nos, proposal, answer, choice, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    db.prepare('INSERT INTO jobs (id, filename, kind, created_at, created_by, language, sheets, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      job.id,
      job.filename,
      job.kind,
      job.createdAt,
      job.createdBy,
      job.language,
      JSON.stringify(job.sheets),
      JSON.stringify(job.notes),
    );
    db.prepare('INSERT INTO uploads (job_id, bytes) VALUES (?, ?)').run(job.id, Buffer.from(upload.buffer, upload.byteOffset, upload.byteLength));
    for (const r of rows) {
      insertRow.run(job.id, r.id, r.ord, r.sheet, r.row, r.text, r.section, r.number, r.answerCell, r.choiceCell,
        r.choices && JSON.stringify(r.choices), r.marks && JSON.stringify(r.marks), r.existingAnswer, r.existingChoice, r.status, JSON.stringify(r.itemNos),
        JSON.stringify(r.proposal), r.answer, r.choice, r.version);
    }
  })();
}

export function getJob(db: Db, id: string): Job | undefined {
  const record = db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRecord | undefined;
  return record && toJob(record);
}

/** The newest jobs first, each with its rows counted by status (from an index, without reading the rows). */
export function listJobs(db: Db, limit = 200): (Job & { summary: Summary })[] {
  const jobs = (db.prepare('SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit) as JobRecord[]).map(toJob);
  const counts = db.prepare('SELECT status, count(*) AS n FROM job_rows WHERE job_id = ? GROUP BY status');
  return jobs.map((job) => ({ ...job, summary: summaryOfCounts(counts.all(job.id) as { status: RowStatus; n: number }[]) }));
}

function summaryOfCounts(counts: { status: RowStatus; n: number }[]): Summary {
  const summary = summaryOf([]);
  for (const { status, n } of counts) {
    summary[status] += n;
    summary.questions += n;
  }
  return summary;
}

export function jobRows(db: Db, jobId: string, statuses?: RowStatus[]): Row[] {
  const rows = (db.prepare('SELECT * FROM job_rows WHERE job_id = ? ORDER BY ord').all(jobId) as RowRecord[]).map(toRow);
  return statuses?.length ? rows.filter((r) => statuses.includes(r.status)) : rows;
}

export function getRow(db: Db, jobId: string, rowId: string): Row | undefined {
  const record = db.prepare('SELECT * FROM job_rows WHERE job_id = ? AND id = ?').get(jobId, rowId) as RowRecord | undefined;
  return record && toRow(record);
}

/** The row at an Excel position (sheet and row number as the customer sees them). */
export function rowAt(db: Db, jobId: string, sheet: string, row: number): Row | undefined {
  const record = db.prepare('SELECT * FROM job_rows WHERE job_id = ? AND sheet = ? AND row = ?').get(jobId, sheet, row) as RowRecord | undefined;
  return record && toRow(record);
}

/** What a decision sets on a row. */
export interface Decision {
  status: RowStatus;
  itemNos: number[];
  answer: string | null;
  choice: string | null;
}

/**
 * Writes a decision if the row is still at `version` (no one decided it meanwhile); false when it was not.
 * The version goes up by one.
 */
export function decideRow(db: Db, jobId: string, rowId: string, version: number, d: Decision, by: string, at = new Date().toISOString()): boolean {
  const changed = db
    .prepare(
      `UPDATE job_rows SET status = ?, item_nos = ?, answer = ?, choice = ?, decided_by = ?, decided_at = ?, version = version + 1
       WHERE job_id = ? AND id = ? AND version = ?`,
    )
    .run(d.status, JSON.stringify(d.itemNos), d.answer, d.choice, by, at, jobId, rowId, version).changes;
  return changed === 1;
}

export function uploadBytes(db: Db, jobId: string): Uint8Array | undefined {
  const record = db.prepare('SELECT bytes FROM uploads WHERE job_id = ?').get(jobId) as { bytes: Buffer } | undefined;
  return record && new Uint8Array(record.bytes.buffer, record.bytes.byteOffset, record.bytes.byteLength);
}

/** Deletes the job, its upload, its rows and what was learned from it (by cascade); secure_delete overwrites the pages. */
export function deleteJob(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM jobs WHERE id = ?').run(id).changes === 1;
}

/** Ids of jobs created before the given time, oldest first (for retention). */
export function jobsOlderThan(db: Db, before: string): string[] {
  return db.prepare('SELECT id FROM jobs WHERE created_at < ? ORDER BY created_at').pluck().all(before) as string[];
}
