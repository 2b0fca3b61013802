// Questions no item answered, across all questionnaires, grouped by similar wording and counted:
// the answers the vendor should write once instead of retyping.
import { groupNear, questionKey } from './matching/near.js';
import type { Db } from './store/db.js';

export interface Gap {
  question: string;
  /** How many rows, and in how many questionnaires, asked it. */
  count: number;
  questionnaires: number;
  examples: string[];
}

/** Wordings at least this alike count as the same question asked again. */
const SAME_QUESTION = 0.6;

export function gaps(db: Db, limit = 50): Gap[] {
  const rows = db
    .prepare(
      `SELECT r.job_id AS jobId, r.question FROM job_rows r JOIN jobs j ON j.id = r.job_id
       WHERE r.status = 'unmatched' OR (r.status = 'confirmed' AND r.item_nos = '[]' AND r.answer IS NULL)
       ORDER BY j.created_at, j.rowid, r.ord`,
    )
    .all() as { jobId: string; question: string }[];
  const keyed = rows.map((r) => ({ ...r, key: questionKey(r.question) })).filter((r) => r.key);
  const groups: { question: string; count: number; jobs: Set<string>; examples: Set<string> }[] = [];
  const groupOf = groupNear(
    keyed.map((r) => r.key),
    SAME_QUESTION,
  );
  keyed.forEach((r, i) => {
    const g = (groups[groupOf[i]] ??= { question: r.question, count: 0, jobs: new Set(), examples: new Set() });
    g.count++;
    g.jobs.add(r.jobId);
    if (g.examples.size < 5) g.examples.add(r.question);
  });
  return groups
    .sort((a, b) => b.jobs.size - a.jobs.size || b.count - a.count)
    .slice(0, limit)
    .map((g) => ({ question: g.question, count: g.count, questionnaires: g.jobs.size, examples: [...g.examples] }));
}
