// Layouts users gave (or confirmed) for questionnaire templates, by the template's fingerprint.
import type { RememberedLayout } from '../domain.js';
import { newId } from '../ids.js';
import type { Db } from './db.js';

export interface StoredLayout extends RememberedLayout {
  /** The template's header cells (or first questions), for people to recognise it. */
  description: string;
  createdBy: string;
  createdAt: string;
  usedAt: string | null;
  uses: number;
}

const columns = `id, fingerprint, sheet, header_row AS headerRow, question_column AS questionColumn, answer_column AS answerColumn,
  choice_column AS choiceColumn, description, created_by AS createdBy, created_at AS createdAt, used_at AS usedAt, uses`;

export function listLayouts(db: Db): StoredLayout[] {
  return db.prepare(`SELECT ${columns} FROM layouts ORDER BY created_at DESC, id`).all() as StoredLayout[];
}

/** Remembers where a template's questions are; the same template given again replaces what was remembered. */
export function rememberLayout(db: Db, l: Omit<RememberedLayout, 'id'> & { description: string }, by: string): StoredLayout {
  db.prepare(
    `INSERT INTO layouts (id, fingerprint, sheet, header_row, question_column, answer_column, choice_column, description, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(fingerprint) DO UPDATE SET sheet = excluded.sheet, header_row = excluded.header_row, question_column = excluded.question_column,
       answer_column = excluded.answer_column, choice_column = excluded.choice_column, description = excluded.description,
       created_by = excluded.created_by, created_at = excluded.created_at`,
  ).run(newId(), l.fingerprint, l.sheet, l.headerRow, l.questionColumn, l.answerColumn, l.choiceColumn, l.description, by, new Date().toISOString());
  return db.prepare(`SELECT ${columns} FROM layouts WHERE fingerprint = ?`).get(l.fingerprint) as StoredLayout;
}

export function layoutUsed(db: Db, id: string): void {
  db.prepare('UPDATE layouts SET used_at = ?, uses = uses + 1 WHERE id = ?').run(new Date().toISOString(), id);
}

export function deleteLayout(db: Db, id: string): StoredLayout | undefined {
  const found = db.prepare(`SELECT ${columns} FROM layouts WHERE id = ?`).get(id) as StoredLayout | undefined;
  if (found) db.prepare('DELETE FROM layouts WHERE id = ?').run(id);
  return found;
}
