// Questionnaire jobs: create one from an upload, read it, download it answered, delete it. Routes and the CLI
// call these; they know nothing of HTTP.
import { z } from 'zod';
import type { Job, Row, RowStatus } from '../domain.js';
import { QmapError } from '../errors.js';
import { diskReserve, limitsOf } from '../config.js';
import { newId } from '../ids.js';
import type { Copy } from '../pipeline/prefill.js';
import Database from 'better-sqlite3';
import { audit, auditOf, type AuditEntry } from '../store/audit.js';
import { deleteJob, getJob, insertJob, jobRows, listJobs } from '../store/jobs.js';
import { listItems } from '../store/items.js';
import { libraryUsed } from '../store/library.js';
import { countUsage } from '../store/usage.js';
import { withReserve } from '../store/reserve.js';
import type { DetectOverrides } from '../workbook/types.js';
import type { Context } from './context.js';
import { currentKnowledge } from './knowledge.js';
import { layouts, rememberedUsed, rememberGiven } from './layouts.js';

const column = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,3}$/, 'must be a column letter such as C');

/** The form fields an upload may carry beside the file: where the questions are, and the answers' language. */
export const uploadFields = z
  .object({
    sheet: z.string().trim().min(1).max(255).optional(),
    headerRow: z.coerce.number().int().min(1).max(1_048_576).optional(),
    questionColumn: column.optional(),
    answerColumn: column.optional(),
    choiceColumn: z.union([column, z.literal('none'), z.literal('')]).optional(),
    answerLanguage: z.enum(['ja', 'en']).optional(),
  })
  .strict();
export type UploadFields = z.infer<typeof uploadFields>;

export interface Upload {
  bytes: Uint8Array;
  filename: string;
  fields: UploadFields;
  /** Told as questions are matched (the CLI's progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** Reads, detects and matches the upload in the pool, then stores job, upload and rows at once. */
export async function createQuestionnaire(ctx: Context, upload: Upload, by: string): Promise<{ job: Job; rows: Row[] }> {
  const { answerLanguage, ...overrides } = upload.fields;
  const analysis = await ctx.runner.analyse({
    bytes: upload.bytes,
    filename: upload.filename,
    limits: limitsOf(ctx.config),
    overrides: overrides as DetectOverrides,
    knowledge: currentKnowledge(ctx.db, ctx.config),
    layouts: layouts(ctx),
    answerLanguage,
    onProgress: upload.onProgress,
  });
  const given = Object.values(overrides).some((v) => v !== undefined);
  const job: Job = {
    id: newId(),
    filename: shownFilename(upload.filename),
    kind: analysis.kind,
    createdAt: new Date().toISOString(),
    createdBy: by,
    language: analysis.language,
    sheets: analysis.sheets,
    notes: given ? [{ code: 'note.layoutSaved' }, ...analysis.notes] : analysis.notes,
  };
  ctx.db.transaction(() => {
    insertJob(ctx.db, job, upload.bytes, analysis.rows);
    countUsage(ctx.db, itemsProposed(analysis.rows));
    libraryUsed(ctx.db, analysis.rows.flatMap((r) => (r.proposal.libraryId ? [r.proposal.libraryId] : [])));
    // The trail keeps no customer text: the kind and size of the upload, not its name.
    audit(ctx.db, { jobId: job.id, actor: by, action: 'upload', detail: { kind: job.kind, bytes: upload.bytes.byteLength, questions: analysis.rows.length } });
    // Where the user said the questions are is remembered for the template; remembered layouts used, counted.
    if (given) rememberGiven(ctx, job.id, analysis, by);
    for (const id of analysis.layouts) rememberedUsed(ctx, job.id, id, by);
  })();
  return { job, rows: analysis.rows };
}

/** How many rows each item was proposed for. */
function itemsProposed(rows: Row[]): Map<number, { used: number }> {
  const counts = new Map<number, { used: number }>();
  for (const r of rows) for (const no of r.status === 'unmatched' ? [] : r.proposal.itemNos) counts.set(no, { used: (counts.get(no)?.used ?? 0) + 1 });
  return counts;
}

export function questionnaire(ctx: Context, id: string): Job {
  const job = getJob(ctx.db, id);
  if (!job) throw notFound(id);
  return job;
}

export function questionnaires(ctx: Context) {
  return listJobs(ctx.db);
}

export function rowsOf(ctx: Context, id: string, statuses?: RowStatus[]): Row[] {
  questionnaire(ctx, id);
  return jobRows(ctx.db, id, statuses);
}

export interface Download {
  bytes: Uint8Array;
  filename: string;
  contentType: string;
  /** Rows no one has decided yet: a final copy leaves them blank. */
  unreviewed: number;
}

/** The customer's workbook with the current decisions written in, as a review copy or the final copy. */
export async function download(ctx: Context, id: string, copy: Copy, by: string): Promise<Download> {
  const job = questionnaire(ctx, id);
  const out = await ctx.runner.download({ database: ctx.config.QMAP_DB, jobId: id, copy, keepRowHeights: ctx.config.QMAP_KEEP_ROW_HEIGHTS });
  if (!out) throw notFound(id);
  auditDownload(ctx, id, by, { copy, unreviewed: out.unreviewed });
  const stem = job.filename.replace(/\.[^.]*$/, '') || 'questionnaire';
  return {
    bytes: out.bytes,
    filename: copy === 'final' ? `${stem}.${out.extension}` : `${stem}.qmap-review.${out.extension}`,
    contentType: out.extension === 'xlsm' ? 'application/vnd.ms-excel.sheet.macroEnabled.12' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    unreviewed: out.unreviewed,
  };
}

/** A download is recorded; on a full or read-only disk the customer still gets the workbook (reading works then). */
function auditDownload(ctx: Context, id: string, by: string, detail: { copy: Copy; unreviewed: number }): void {
  try {
    audit(ctx.db, { jobId: id, actor: by, action: 'download', detail });
  } catch (e) {
    if (!(e instanceof Database.SqliteError)) throw e;
  }
}

/** Deletes the job, its upload, its rows and what was learned from it; the trail records who did it. */
export function removeQuestionnaire(ctx: Context, id: string, by: string, reason: 'delete' | 'retention' = 'delete'): void {
  // On a full disk the deletion itself needs room: the reserve kept beside the database gives it.
  const roomy = <T>(work: () => T) => withReserve(ctx.config.QMAP_DB, diskReserve(ctx.config), work);
  roomy(() =>
    ctx.db.transaction(() => {
      if (!deleteJob(ctx.db, id)) throw notFound(id);
      audit(ctx.db, { jobId: id, actor: by, action: reason, detail: {} });
    })(),
  );
  // secure_delete zeroed the pages in the database file; the checkpoint clears the old copies from the WAL.
  roomy(() => ctx.db.pragma('wal_checkpoint(TRUNCATE)'));
}

/** What happened to the job, by whom and when. */
export function auditTrail(ctx: Context, id: string): AuditEntry[] {
  questionnaire(ctx, id);
  return auditOf(ctx.db, id);
}

export function notFound(id: string): QmapError {
  return new QmapError('not_found', `There is no questionnaire ${id}: it was deleted, or the id is wrong.`);
}

/** At most 255 characters, without the bidi controls that make a name read other than it is (U+202A–E, U+2066–9). */
export function shownFilename(name: string): string {
  const clean = name.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'upload';
  return [...clean].slice(0, 255).join('');
}
