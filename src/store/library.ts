// The answer library: answers the vendor wrote for questions no checklist item answers.
import type { Db } from './db.js';
import { newId } from './ids.js';
import { keptBetweenWrites } from './kept.js';

export interface LibraryEntry {
  id: string;
  question: string;
  answer: string;
  choice: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

const columns = `id, question, answer, choice, created_by AS createdBy, created_at AS createdAt,
  updated_by AS updatedBy, updated_at AS updatedAt`;

const entries = keptBetweenWrites((db): readonly LibraryEntry[] => db.prepare(`SELECT ${columns} FROM library ORDER BY updated_at DESC`).all() as LibraryEntry[]);

/** Every entry, most recently changed first (kept between writes, see kept.ts). The list is shared: do not change it. */
export const listLibrary = (db: Db): readonly LibraryEntry[] => entries.get(db);

export function getLibraryEntry(db: Db, id: string): LibraryEntry | undefined {
  return db.prepare(`SELECT ${columns} FROM library WHERE id = ?`).get(id) as LibraryEntry | undefined;
}

/** Adds the answer for this question, or replaces the answer already kept for the same question. */
export function keepInLibrary(db: Db, norm: string, question: string, answer: string, choice: string | null, by: string): LibraryEntry {
  entries.forget(db);
  const at = new Date().toISOString();
  db.prepare(
    `INSERT INTO library (id, question, norm, answer, choice, created_by, created_at, updated_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(norm) DO UPDATE SET answer = excluded.answer, choice = excluded.choice,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(newId(), question, norm, answer, choice, by, at, by, at);
  return db.prepare(`SELECT ${columns} FROM library WHERE norm = ?`).get(norm) as LibraryEntry;
}

export function updateLibraryEntry(db: Db, id: string, change: { answer: string; choice?: string | null }, by: string): LibraryEntry | undefined {
  entries.forget(db);
  const changed = db
    .prepare('UPDATE library SET answer = ?, choice = COALESCE(?, choice), updated_by = ?, updated_at = ? WHERE id = ?')
    .run(change.answer, change.choice ?? null, by, new Date().toISOString(), id).changes;
  return changed ? getLibraryEntry(db, id) : undefined;
}

export function deleteLibraryEntry(db: Db, id: string): boolean {
  entries.forget(db);
  return db.prepare('DELETE FROM library WHERE id = ?').run(id).changes === 1;
}
