// What reviewers taught qmap: a question (normalised) and the items that answer it; [] = none does.
// Each remembers the job it was learned from, and is forgotten with it.
import type { LearnedAlias } from '../domain.js';
import type { Db } from './db.js';

export function learnAlias(db: Db, norm: string, text: string, itemNos: number[], by: string, jobId: string | null, choice: string | null = null): void {
  db.prepare(
    `INSERT INTO aliases (norm, text, item_nos, created_by, created_at, job_id, choice) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(norm) DO UPDATE SET text = excluded.text, item_nos = excluded.item_nos,
       created_by = excluded.created_by, created_at = excluded.created_at, job_id = excluded.job_id, choice = excluded.choice`,
  ).run(norm, text, JSON.stringify(itemNos), by, new Date().toISOString(), jobId, choice);
}

/** Every alias, oldest first. */
export function listAliases(db: Db): LearnedAlias[] {
  return (db.prepare('SELECT text, item_nos, choice FROM aliases ORDER BY id').all() as { text: string; item_nos: string; choice: string | null }[]).map((r) => ({
    text: r.text,
    itemNos: JSON.parse(r.item_nos) as number[],
    ...(r.choice ? { choice: r.choice } : {}),
  }));
}
