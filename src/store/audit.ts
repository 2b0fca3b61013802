// The audit trail: every change to a job, by whom and when. Details never hold workbook contents
// beyond what a reviewer typed as a decision.
import type { Db } from './db.js';

export interface AuditEntry {
  id: number;
  jobId: string | null;
  rowId: string | null;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

export function audit(db: Db, e: { jobId: string | null; rowId?: string | null; actor: string; action: string; detail?: Record<string, unknown> }) {
  db.prepare('INSERT INTO audit (job_id, row_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    e.jobId,
    e.rowId ?? null,
    new Date().toISOString(),
    e.actor,
    e.action,
    JSON.stringify(e.detail ?? {}),
  );
}

export function auditOf(db: Db, jobId: string): AuditEntry[] {
  const rows = db.prepare('SELECT id, job_id, row_id, at, actor, action, detail FROM audit WHERE job_id = ? ORDER BY id').all(jobId) as {
    id: number; job_id: string | null; row_id: string | null; at: string; actor: string; action: string; detail: string;
  }[];
  return rows.map((r) => ({ id: r.id, jobId: r.job_id, rowId: r.row_id, at: r.at, actor: r.actor, action: r.action, detail: JSON.parse(r.detail) }));
}
