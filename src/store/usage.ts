// How often each item answers questions and how often reviewers correct it: counts per day, no customer text.
import type { Db } from './db.js';

export interface Usage {
  used: number;
  corrected: number;
}

/** Adds to today's counts of the given items. */
export function countUsage(db: Db, items: Map<number, Partial<Usage>>, day = new Date().toISOString().slice(0, 10)): void {
  const add = db.prepare(
    `INSERT INTO item_usage (day, item_no, used, corrected) VALUES (?, ?, ?, ?)
     ON CONFLICT(day, item_no) DO UPDATE SET used = used + excluded.used, corrected = corrected + excluded.corrected`,
  );
  for (const [no, u] of items) add.run(day, no, u.used ?? 0, u.corrected ?? 0);
}

/** Each item's counts since a day (YYYY-MM-DD). */
export function usageSince(db: Db, day: string): Map<number, Usage> {
  const rows = db.prepare('SELECT item_no AS no, sum(used) AS used, sum(corrected) AS corrected FROM item_usage WHERE day >= ? GROUP BY item_no').all(day) as (Usage & { no: number })[];
  return new Map(rows.map(({ no, used, corrected }) => [no, { used, corrected }]));
}
