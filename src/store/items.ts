// The 49 checklist items and the vendor's answers; every change of an answer keeps the earlier version.
import type { ChoiceValue, Item } from '../domain.js';
import type { Db } from './db.js';

/** An item as stored: the domain item and who last changed its answers. */
export interface StoredItem extends Item {
  answerEnOutdated: boolean;
  updatedAt: string;
  updatedBy: string;
}

/** One version of an item's answers, as it was from changedAt on. */
export interface ItemVersion {
  answer: string;
  answerEn: string | null;
  shortAnswer: '有' | '無' | null;
  defaultChoice: ChoiceValue | null;
  changedAt: string;
  changedBy: string;
}

/** What an admin may change. Fields left out stay as they are. */
export interface ItemChange {
  answer?: string;
  answerEn?: string | null;
  shortAnswer?: '有' | '無' | null;
  defaultChoice?: ChoiceValue | null;
}

const columns = `no, category, title, description, unit, answer, short_answer AS shortAnswer, category_en AS categoryEn,
  title_en AS titleEn, description_en AS descriptionEn, answer_en AS answerEn, default_choice AS defaultChoice,
  (answer_en IS NOT NULL AND answer_en_for IS NOT answer) AS answerEnOutdated, updated_at AS updatedAt, updated_by AS updatedBy`;

type ItemRecord = Omit<StoredItem, 'answerEnOutdated'> & { answerEnOutdated: number };
const toItem = (r: ItemRecord): StoredItem => ({ ...r, answerEnOutdated: r.answerEnOutdated === 1 });

export function listItems(db: Db): StoredItem[] {
  return (db.prepare(`SELECT ${columns} FROM items ORDER BY no`).all() as ItemRecord[]).map(toItem);
}

export function getItem(db: Db, no: number): StoredItem | undefined {
  const record = db.prepare(`SELECT ${columns} FROM items WHERE no = ?`).get(no) as ItemRecord | undefined;
  return record && toItem(record);
}

/** Changes an item's answers, keeping the earlier version in its history. Returns the item as it now is. */
export function updateItem(db: Db, no: number, change: ItemChange, by: string): StoredItem | undefined {
  return db.transaction(() => {
    const before = getItem(db, no);
    if (!before) return undefined;
    db.prepare(
      'INSERT INTO item_history (item_no, answer, answer_en, short_answer, default_choice, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(no, before.answer, before.answerEn, before.shortAnswer, before.defaultChoice, before.updatedAt, before.updatedBy);
    const answer = change.answer ?? before.answer;
    const shortAnswer =
      change.shortAnswer !== undefined ? change.shortAnswer : change.answer !== undefined ? inferShortAnswer(before.unit, answer) : before.shortAnswer;
    // An English answer given now is the translation of the Japanese answer as it now is.
    const enFor = change.answerEn !== undefined ? answer : null;
    db.prepare('UPDATE items SET answer = ?, answer_en = ?, answer_en_for = coalesce(?, answer_en_for), short_answer = ?, default_choice = ?, updated_at = ?, updated_by = ? WHERE no = ?').run(
      answer,
      change.answerEn !== undefined ? change.answerEn : before.answerEn,
      enFor,
      shortAnswer,
      change.defaultChoice !== undefined ? change.defaultChoice : before.defaultChoice,
      new Date().toISOString(),
      by,
      no,
    );
    return getItem(db, no);
  })();
}

/** Every version of the item's answers, oldest first, the current one last. */
export function itemHistory(db: Db, no: number): ItemVersion[] {
  const earlier = db
    .prepare(
      `SELECT answer, answer_en AS answerEn, short_answer AS shortAnswer, default_choice AS defaultChoice,
         changed_at AS changedAt, changed_by AS changedBy
       FROM item_history WHERE item_no = ? ORDER BY id`,
    )
    .all(no) as ItemVersion[];
  const now = getItem(db, no);
  if (!now) return earlier;
  const { answer, answerEn, shortAnswer, defaultChoice, updatedAt, updatedBy } = now;
  return [...earlier, { answer, answerEn, shortAnswer, defaultChoice, changedAt: updatedAt, changedBy: updatedBy }];
}

function inferShortAnswer(unit: string, answer: string): '有' | '無' | null {
  if (!unit.includes('有無')) return null;
  const m = /^(有|無)(\s|$)/.exec(answer);
  return m ? (m[1] as '有' | '無') : null;
}
