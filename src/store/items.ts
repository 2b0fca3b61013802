// The 49 checklist items and the vendor's answers; every change of an answer keeps the earlier one.
import type { Db } from './db.js';
import type { SeedItem } from '../items/seed.js';

export interface Item extends SeedItem {
  updatedAt: string;
  updatedBy: string;
}

export interface ItemChange {
  answer: string;
  shortAnswer: '有' | '無' | null;
  changedAt: string;
  changedBy: string;
}

const columns = `no, category, title, description, unit, answer, short_answer AS shortAnswer,
  updated_at AS updatedAt, updated_by AS updatedBy`;

export function listItems(db: Db): Item[] {
  return db.prepare(`SELECT ${columns} FROM items ORDER BY no`).all() as Item[];
}

export function getItem(db: Db, no: number): Item | undefined {
  return db.prepare(`SELECT ${columns} FROM items WHERE no = ?`).get(no) as Item | undefined;
}

/** Replaces an item's answer, keeping the earlier one in its history. Returns the item as it now is. */
export function updateItemAnswer(
  db: Db,
  no: number,
  change: { answer: string; shortAnswer?: '有' | '無' | null },
  by: string,
): Item | undefined {
  return db.transaction(() => {
    const before = getItem(db, no);
    if (!before) return undefined;
    const at = new Date().toISOString();
    db.prepare(
      'INSERT INTO item_history (item_no, answer, short_answer, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)',
    ).run(no, before.answer, before.shortAnswer, before.updatedAt, before.updatedBy);
    const shortAnswer = change.shortAnswer === undefined ? inferShortAnswer(before.unit, change.answer) : change.shortAnswer;
    db.prepare('UPDATE items SET answer = ?, short_answer = ?, updated_at = ?, updated_by = ? WHERE no = ?').run(
      change.answer,
      shortAnswer,
      at,
      by,
      no,
    );
    return getItem(db, no);
  })();
}

/** Earlier answers, oldest first, followed by the current one. */
export function itemHistory(db: Db, no: number): ItemChange[] {
  const earlier = db
    .prepare(
      `SELECT answer, short_answer AS shortAnswer, changed_at AS changedAt, changed_by AS changedBy
       FROM item_history WHERE item_no = ? ORDER BY id`,
    )
    .all(no) as ItemChange[];
  const now = getItem(db, no);
  return now
    ? [...earlier, { answer: now.answer, shortAnswer: now.shortAnswer, changedAt: now.updatedAt, changedBy: now.updatedBy }]
    : earlier;
}

function inferShortAnswer(unit: string, answer: string): '有' | '無' | null {
  if (!unit.includes('有無')) return null;
  const m = /^(有|無)(\s|$)/.exec(answer);
  return m ? (m[1] as '有' | '無') : null;
}
