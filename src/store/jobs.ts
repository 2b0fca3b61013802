// Questionnaire jobs: the upload, what was detected, and one row per question with its decision.
import type { Db } from './db.js';
import type { FileKind, SheetDetection } from '../workbook/types.js';

export type RowStatus = 'auto' | 'review' | 'unmatched' | 'confirmed';

export interface Candidate {
  itemNo: number;
  title: string;
  score: number;
  terms: string[];
}

/** What the matcher first proposed for a row; kept as it was, whatever reviewers decide later. */
export interface Proposal {
  status: Exclude<RowStatus, 'confirmed'>;
  itemNos: number[];
  score: number;
  best: Candidate | null;
  alternatives: Candidate[];
  reasons: string[];
  source: string;
  libraryId?: string | null;
}

/** The candidates a reviewer may pick instead of what the row now answers with, best first (at most three). */
export function otherCandidates(r: { proposal: Proposal; itemNos: number[] }): Candidate[] {
  return [r.proposal.best, ...r.proposal.alternatives]
    .filter((c): c is Candidate => c !== null && !r.itemNos.includes(c.itemNo))
    .slice(0, 3);
}

export interface NewRow {
  sheet: string;
  row: number;
  question: string;
  section: string | null;
  number: string | null;
  answerCell: string | null;
  choiceCell: string | null;
  choices: string[] | null;
  existingAnswer: string;
  existingChoice: string;
  status: RowStatus;
  itemNos: number[];
  score: number | null;
  proposal: Proposal;
  answer: string | null;
  choice: string | null;
}

export interface JobRow extends NewRow {
  id: string;
  jobId: string;
  ord: number;
  decidedBy: string | null;
  decidedAt: string | null;
}

export type SheetInfo = Omit<SheetDetection, 'questions'> & { questions: number };

export interface Job {
  id: string;
  filename: string;
  kind: FileKind;
  createdAt: string;
  createdBy: string;
  sheets: SheetInfo[];
  notes: string[];
}

export interface Summary {
  questions: number;
  auto: number;
  review: number;
  unmatched: number;
  confirmed: number;
}

interface RawRow {
  id: string;
  job_id: string;
  ord: number;
  sheet: string;
  row: number;
  question: string;
  section: string | null;
  number: string | null;
  answer_cell: string | null;
  choice_cell: string | null;
  choices: string | null;
  existing_answer: string;
  existing_choice: string;
  status: RowStatus;
  item_nos: string;
  score: number | null;
  proposal: string;
  answer: string | null;
  choice: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

const toRow = (r: RawRow): JobRow => ({
  id: r.id,
  jobId: r.job_id,
  ord: r.ord,
  sheet: r.sheet,
  row: r.row,
  question: r.question,
  section: r.section,
  number: r.number,
  answerCell: r.answer_cell,
  choiceCell: r.choice_cell,
  choices: r.choices === null ? null : (JSON.parse(r.choices) as string[]),
  existingAnswer: r.existing_answer,
  existingChoice: r.existing_choice,
  status: r.status,
  itemNos: JSON.parse(r.item_nos) as number[],
  score: r.score,
  proposal: JSON.parse(r.proposal) as Proposal,
  answer: r.answer,
  choice: r.choice,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
});

interface RawJob {
  id: string;
  filename: string;
  kind: FileKind;
  created_at: string;
  created_by: string;
  sheets: string;
  notes: string;
}

const toJob = (r: RawJob): Job => ({
  id: r.id,
  filename: r.filename,
  kind: r.kind,
  createdAt: r.created_at,
  createdBy: r.created_by,
  sheets: JSON.parse(r.sheets) as SheetInfo[],
  notes: JSON.parse(r.notes) as string[],
});

/**
 * A row as job_rows stores it, in column order without job_id, its JSON columns already text: the form a
 * pool worker hands back, so 10,000 rows cross threads as flat tuples rather than nested objects.
 */
export type StoredRow = [
  id: string,
  ord: number,
  sheet: string,
  row: number,
  question: string,
  section: string | null,
  number: string | null,
  answerCell: string | null,
  choiceCell: string | null,
  choices: string | null,
  existingAnswer: string,
  existingChoice: string,
  status: RowStatus,
  itemNos: string,
  score: number | null,
  proposal: string,
  answer: string | null,
  choice: string | null,
];

/** Index of the question and of the status column in a StoredRow. */
export const STORED_QUESTION = 4;
export const STORED_STATUS = 12;

/** The rows in stored form, numbered from firstOrd (a part of an upload analysed on its own starts past 0). */
export function storedRows(rows: NewRow[], rowId: () => string, firstOrd = 0): StoredRow[] {
  // A sheet's rows share one list of choices: encode it once.
  const choices = new Map<string[], string>();
  const choicesJson = (c: string[]) => choices.get(c) ?? choices.set(c, JSON.stringify(c)).get(c)!;
  return rows.map((r, i) => [
    rowId(),
    firstOrd + i,
    r.sheet,
    r.row,
    r.question,
    r.section,
    r.number,
    r.answerCell,
    r.choiceCell,
    r.choices === null ? null : choicesJson(r.choices),
    r.existingAnswer,
    r.existingChoice,
    r.status,
    JSON.stringify(r.itemNos),
    r.score,
    JSON.stringify(r.proposal),
    r.answer,
    r.choice,
  ]);
}

/** Stores a job, its upload and its rows in one transaction: a crash leaves either all of it or none. */
export function insertJob(db: Db, job: Job, bytes: Uint8Array, rows: NewRow[], rowId: () => string): void {
  storeJob(db, job, bytes, storedRows(rows, rowId));
}

/** insertJob for rows already in their stored form. */
export function storeJob(db: Db, job: Job, bytes: Uint8Array, rows: StoredRow[]): void {
  const insertRow = db.prepare(`INSERT INTO job_rows (job_id, id, ord, sheet, row, question, section, number, answer_cell,
    choice_cell, choices, existing_answer, existing_choice, status, item_nos, score, proposal, answer, choice)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    db.prepare('INSERT INTO jobs (id, filename, kind, created_at, created_by, sheets, notes) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      job.id,
      job.filename,
      job.kind,
      job.createdAt,
      job.createdBy,
      JSON.stringify(job.sheets),
      JSON.stringify(job.notes),
    );
    db.prepare('INSERT INTO uploads (job_id, bytes) VALUES (?, ?)').run(job.id, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    for (const r of rows) insertRow.run(job.id, r);
  })();
}

export function getJob(db: Db, id: string): Job | undefined {
  const raw = db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as RawJob | undefined;
  return raw && toJob(raw);
}

export function listJobs(db: Db, limit = 200): (Job & { summary: Summary })[] {
  const jobs = (db.prepare('SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit) as RawJob[]).map(toJob);
  const counts = db.prepare('SELECT status, count(*) AS n FROM job_rows WHERE job_id = ? GROUP BY status');
  return jobs.map((job) => ({ ...job, summary: summarize(counts.all(job.id) as { status: RowStatus; n: number }[]) }));
}

export function summarize(counts: { status: RowStatus; n: number }[]): Summary {
  const s: Summary = { questions: 0, auto: 0, review: 0, unmatched: 0, confirmed: 0 };
  for (const { status, n } of counts) {
    s[status] += n;
    s.questions += n;
  }
  return s;
}

export function jobRows(db: Db, jobId: string, statuses?: RowStatus[]): JobRow[] {
  const raw = db.prepare('SELECT * FROM job_rows WHERE job_id = ? ORDER BY ord').all(jobId) as RawRow[];
  const rows = raw.map(toRow);
  return statuses?.length ? rows.filter((r) => statuses.includes(r.status)) : rows;
}

export function getRow(db: Db, jobId: string, rowId: string): JobRow | undefined {
  const raw = db.prepare('SELECT * FROM job_rows WHERE job_id = ? AND id = ?').get(jobId, rowId) as RawRow | undefined;
  return raw && toRow(raw);
}

export interface Decision {
  status: RowStatus;
  itemNos: number[];
  score: number | null;
  answer: string | null;
  choice: string | null;
}

export function decideRow(db: Db, jobId: string, rowId: string, d: Decision, by: string, at = new Date().toISOString()): void {
  db.prepare(
    `UPDATE job_rows SET status = ?, item_nos = ?, score = ?, answer = ?, choice = ?, decided_by = ?, decided_at = ? WHERE job_id = ? AND id = ?`,
  ).run(d.status, JSON.stringify(d.itemNos), d.score, d.answer, d.choice, by, at, jobId, rowId);
}

export function uploadBytes(db: Db, jobId: string): Uint8Array | undefined {
  const row = db.prepare('SELECT bytes FROM uploads WHERE job_id = ?').get(jobId) as { bytes: Buffer } | undefined;
  return row && new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
}

/** Deletes the job, its upload and its rows; secure_delete overwrites the freed pages. */
export function deleteJob(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM jobs WHERE id = ?').run(id).changes === 1;
}

/** Ids of jobs created before the given time, oldest first (for retention). */
export function jobsOlderThan(db: Db, before: string): string[] {
  return db.prepare('SELECT id FROM jobs WHERE created_at < ? ORDER BY created_at').pluck().all(before) as string[];
}
