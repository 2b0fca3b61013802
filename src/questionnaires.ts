// Questionnaire jobs as the service sees them: create from an upload, read, prefill, delete.
// Routes and the CLI call these; they know nothing of HTTP.
import type { Config } from './config.js';
import { limitsOf } from './config.js';
import { QmapError } from './errors.js';
import type { Analysis, AnalyseInput } from './pipeline/analyse.js';
import { prefill } from './pipeline/prefill.js';
import { prepare, type Prepared } from './pipeline/task.js';
import { audit } from './store/audit.js';
import { listAliases } from './store/aliases.js';
import type { Db } from './store/db.js';
import { newId } from './store/ids.js';
import { listItems } from './store/items.js';
import { deleteJob, getJob, jobRows, storeJob, uploadBytes, type Job } from './store/jobs.js';
import { listLibrary } from './store/library.js';
import type { DetectOverrides } from './workbook/types.js';
import { jobView, jobViewJson, titleLookup, type JobView } from './views.js';

/** Analyses an upload; the worker pool's analyser hands it back already prepared for storing. */
export type Analyser = (input: AnalyseInput) => Promise<Analysis | Prepared>;

export interface Upload {
  bytes: Uint8Array;
  filename: string;
  overrides: DetectOverrides;
}

export function titles(db: Db): (no: number) => string {
  return titleLookup(listItems(db));
}

/**
 * Reads, detects and matches the upload, then stores job, upload and rows at once. Answers with the job's
 * id and its JSON (what GET /v1/questionnaires/:id answers) in UTF-8 pieces, built from what was stored,
 * not read back.
 */
export async function createQuestionnaire(db: Db, config: Config, analyser: Analyser, upload: Upload, by: string): Promise<{ id: string; json: Uint8Array[] }> {
  const items = listItems(db);
  const thresholds =
    config.QMAP_AUTO_THRESHOLD !== undefined || config.QMAP_REVIEW_THRESHOLD !== undefined
      ? { auto: config.QMAP_AUTO_THRESHOLD ?? 1, review: config.QMAP_REVIEW_THRESHOLD ?? 0 }
      : undefined;
  const analysed = await analyser({
    bytes: upload.bytes,
    filename: upload.filename,
    limits: limitsOf(config),
    overrides: upload.overrides,
    items,
    learned: listAliases(db),
    library: listLibrary(db).map(({ id, question, answer, choice }) => ({ id, question, answer, choice })),
    thresholds,
  });
  const analysis = 'stored' in analysed ? analysed : prepare(analysed, items);
  const job: Job = {
    id: newId(),
    filename: upload.filename,
    kind: analysis.kind,
    createdAt: new Date().toISOString(),
    createdBy: by,
    sheets: analysis.sheets,
    notes: analysis.notes,
  };
  db.transaction(() => {
    storeJob(db, job, upload.bytes, analysis.stored);
    audit(db, { jobId: job.id, actor: by, action: 'upload', detail: { filename: job.filename, questions: analysis.stored.length } });
  })();
  return { id: job.id, json: jobViewJson(job, analysis.summary, analysis.rowsJson) };
}

export function questionnaire(db: Db, id: string): JobView {
  const job = getJob(db, id);
  if (!job) throw notFound(id);
  return jobView(job, jobRows(db, id), titles(db));
}

export function notFound(id: string) {
  return new QmapError('not_found', `There is no questionnaire ${id}: it was deleted, or the id is wrong.`);
}

/** The customer's workbook with the current decisions written in. */
export function prefilled(db: Db, id: string): { bytes: Uint8Array; filename: string; contentType: string } {
  const job = getJob(db, id);
  const original = job && uploadBytes(db, id);
  if (!job || !original) throw notFound(id);
  const out = prefill(original, job.kind, jobRows(db, id), titles(db));
  const base = job.filename.replace(/\.[^.]*$/, '') || 'questionnaire';
  return {
    bytes: out.bytes,
    filename: `${base}.qmap.${out.extension}`,
    contentType:
      out.extension === 'xlsm'
        ? 'application/vnd.ms-excel.sheet.macroEnabled.12'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

export function removeQuestionnaire(db: Db, id: string, by: string, reason = 'delete'): void {
  db.transaction(() => {
    if (!deleteJob(db, id)) throw notFound(id);
    // The trail keeps that the job existed and who removed it, not what it contained.
    audit(db, { jobId: id, actor: by, action: reason, detail: {} });
  })();
  // secure_delete zeroed the pages in the database file; the checkpoint clears the old copies from the WAL.
  db.pragma('wal_checkpoint(TRUNCATE)');
}
