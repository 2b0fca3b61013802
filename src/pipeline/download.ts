// A job → its answered workbook, read from the database where the work is done: in a pool worker, which opens
// the database read-only itself, so the main thread reads no rows for a download and only moves its bytes.
import type { Db } from '../store/db.js';
import { listItems } from '../store/items.js';
import { getJob, jobRows, uploadBytes } from '../store/jobs.js';
import type { WriteResult } from '../workbook/write.js';
import { prefill, unreviewed, type Copy } from './prefill.js';

export interface DownloadInput {
  /** The database file (a worker opens it read-only). */
  database: string;
  jobId: string;
  copy: Copy;
  /** QMAP_KEEP_ROW_HEIGHTS: never grow the customer's rows to fit an answer. */
  keepRowHeights?: boolean;
}

export interface Written extends WriteResult {
  /** Rows no one has decided yet: a final copy leaves them blank. */
  unreviewed: number;
}

/** The job's workbook with its current decisions written in; null when there is no such job. */
export function writeDownload(db: Db, { jobId, copy, keepRowHeights }: Omit<DownloadInput, 'database'>): Written | null {
  const job = getJob(db, jobId);
  const upload = job && uploadBytes(db, jobId);
  if (!job || !upload) return null;
  const rows = jobRows(db, jobId);
  const out = prefill({ upload, kind: job.kind, rows, items: listItems(db), language: job.language, copy, keepRowHeights });
  return { ...out, unreviewed: unreviewed(rows) };
}
