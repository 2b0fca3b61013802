// The answer library: answers the vendor wrote for questions no checklist item answers. An answer kept from a
// reviewer's decision remembers its job and is forgotten with it, until an admin edits it: then it is the
// vendor's own answer (job_id NULL) and stays.
import type { Db } from './db.js';
import { newId } from '../ids.js';

export interface LibraryEntry {
  id: string;
  question: string;
  answer: string;
  choice: string | null;
  /** The questionnaire it was learned from, or null for the vendor's own answer (written or edited by an admin). */
  jobId: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

const columns = `id, question, answer, choice, job_id AS jobId, created_by AS createdBy, created_at AS createdAt,
  updated_by AS updatedBy, updated_at AS updatedAt`;

/** Every entry, most recently changed first. */
export function listLibrary(db: Db): LibraryEntry[] {
  return db.prepare(`SELECT ${columns} FROM library ORDER BY updated_at DESC, id`).all() as LibraryEntry[];
}

export function getLibraryEntry(db: Db, id: string): LibraryEntry | undefined {
  return db.prepare(`SELECT ${columns} FROM library WHERE id = ?`).get(id) as LibraryEntry | undefined;
}

/** Adds the answer for this question, or replaces the answer already kept for the same question. */
export function keepInLibrary(
  db: Db,
  entry: { norm: string; question: string; answer: string; choice: string | null; jobId: string | null },
  by: string,
): LibraryEntry {
  const at = new Date().toISOString();
  db.prepare(
    `INSERT INTO library (id, question, norm, answer, choice, job_id, created_by, created_at, updated_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(norm) DO UPDATE SET answer = excluded.answer, choice = excluded.choice, job_id = excluded.job_id,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(newId(), entry.question, entry.norm, entry.answer, entry.choice, entry.jobId, by, at, by, at);
  return db.prepare(`SELECT ${columns} FROM library WHERE norm = ?`).get(entry.norm) as LibraryEntry;
}

/** An admin's edit: the entry becomes the vendor's own answer, kept when its questionnaire is deleted. */
export function updateLibraryEntry(db: Db, id: string, change: { answer: string; choice?: string | null }, by: string): LibraryEntry | undefined {
  const changed = db
    .prepare('UPDATE library SET answer = ?, choice = COALESCE(?, choice), job_id = NULL, updated_by = ?, updated_at = ? WHERE id = ?')
    .run(change.answer, change.choice ?? null, by, new Date().toISOString(), id).changes;
  return changed ? getLibraryEntry(db, id) : undefined;
}

export function deleteLibraryEntry(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM library WHERE id = ?').run(id).changes === 1;
}
