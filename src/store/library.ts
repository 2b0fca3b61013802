// The answer library: answers the vendor wrote for questions no checklist item answers. An entry is one answer
// for one or more question forms (the wordings it is offered for). A form learned from a reviewer's decision
// remembers its questionnaire and is forgotten with it (an entry left without forms goes too); an admin's edit
// makes the entry the vendor's own: its forms stay.
import type { LibraryAnswer } from '../domain.js';
import { newId } from '../ids.js';
import type { Db } from './db.js';

export interface LibraryForm {
  question: string;
  /** The questionnaire it was learned from, or null for the vendor's own. */
  jobId: string | null;
}

export interface LibraryEntry {
  id: string;
  answer: string;
  choice: string | null;
  forms: LibraryForm[];
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  lastUsedAt: string | null;
  uses: number;
}

interface EntryRecord extends Omit<LibraryEntry, 'forms'> {
  forms: string;
}

const select = `SELECT l.id, l.answer, l.choice, l.created_by AS createdBy, l.created_at AS createdAt, l.updated_by AS updatedBy,
    l.updated_at AS updatedAt, u.last_used_at AS lastUsedAt, coalesce(u.uses, 0) AS uses,
    (SELECT json_group_array(json_object('question', f.question, 'jobId', f.job_id)) FROM
       (SELECT question, job_id FROM library_forms WHERE entry_id = l.id ORDER BY id) f) AS forms
  FROM library l LEFT JOIN library_use u ON u.entry_id = l.id`;
const toEntry = (r: EntryRecord): LibraryEntry => ({ ...r, forms: JSON.parse(r.forms) as LibraryForm[] });

/** Every entry, most recently changed first. */
export function listLibrary(db: Db): LibraryEntry[] {
  return (db.prepare(`${select} ORDER BY l.updated_at DESC, l.id`).all() as EntryRecord[]).map(toEntry);
}

export function getLibraryEntry(db: Db, id: string): LibraryEntry | undefined {
  const record = db.prepare(`${select} WHERE l.id = ?`).get(id) as EntryRecord | undefined;
  return record && toEntry(record);
}

/** Each question form with its entry's answer: what matching looks questions up in. */
export function libraryAnswers(db: Db): LibraryAnswer[] {
  return db
    .prepare('SELECT l.id, f.question, l.answer, l.choice FROM library_forms f JOIN library l ON l.id = f.entry_id ORDER BY f.id')
    .all() as LibraryAnswer[];
}

interface NewForm {
  norm: string;
  question: string;
  jobId: string | null;
}

/**
 * Keeps an answer for a question form: the entry that already covers this form gets the new answer, else a
 * new entry is made for it.
 */
export function keepInLibrary(db: Db, form: NewForm & { answer: string; choice: string | null }, by: string): LibraryEntry {
  const at = new Date().toISOString();
  const owner = db.prepare('SELECT entry_id FROM library_forms WHERE norm = ?').pluck().get(form.norm) as string | undefined;
  if (owner) {
    db.prepare('UPDATE library SET answer = ?, choice = ?, updated_by = ?, updated_at = ? WHERE id = ?').run(form.answer, form.choice, by, at, owner);
    db.prepare('UPDATE library_forms SET job_id = ? WHERE norm = ? AND job_id IS NOT NULL').run(form.jobId, form.norm);
    return getLibraryEntry(db, owner)!;
  }
  return createEntry(db, [form], { answer: form.answer, choice: form.choice }, by);
}

/** A new entry for these question forms (forms another entry covers are moved to this one). */
export function createEntry(db: Db, forms: NewForm[], answer: { answer: string; choice: string | null }, by: string): LibraryEntry {
  const id = newId();
  const at = new Date().toISOString();
  db.prepare(
    `INSERT INTO library (id, question, norm, answer, choice, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, forms[0]?.question ?? '', `entry:${id}`, answer.answer, answer.choice, by, at, by, at);
  const add = db.prepare(
    `INSERT INTO library_forms (entry_id, norm, question, job_id, added_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(norm) DO UPDATE SET entry_id = excluded.entry_id, question = excluded.question, job_id = excluded.job_id`,
  );
  for (const f of forms) add.run(id, f.norm, f.question, f.jobId, at);
  return getLibraryEntry(db, id)!;
}

/** An admin's edit: the entry becomes the vendor's own answer, its forms kept when their questionnaires are deleted. */
export function updateLibraryEntry(db: Db, id: string, change: { answer: string; choice?: string | null }, by: string): LibraryEntry | undefined {
  const changed = db
    .prepare('UPDATE library SET answer = ?, choice = COALESCE(?, choice), updated_by = ?, updated_at = ? WHERE id = ?')
    .run(change.answer, change.choice ?? null, by, new Date().toISOString(), id).changes;
  if (!changed) return undefined;
  db.prepare('UPDATE library_forms SET job_id = NULL WHERE entry_id = ? AND job_id IS NOT NULL').run(id);
  return getLibraryEntry(db, id);
}

/** Moves every question form of `from` to `into`, which keeps its answer; `from` is gone. */
export function mergeEntries(db: Db, into: string, from: string, by: string): LibraryEntry | undefined {
  if (!getLibraryEntry(db, into) || !getLibraryEntry(db, from)) return undefined;
  db.prepare('UPDATE library_forms SET entry_id = ?, job_id = NULL WHERE entry_id = ?').run(into, from);
  db.prepare('UPDATE library_forms SET job_id = NULL WHERE entry_id = ?').run(into);
  db.prepare('DELETE FROM library WHERE id = ?').run(from);
  db.prepare('UPDATE library SET updated_by = ?, updated_at = ? WHERE id = ?').run(by, new Date().toISOString(), into);
  return getLibraryEntry(db, into);
}

export function deleteLibraryEntry(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM library WHERE id = ?').run(id).changes === 1;
}

/** Records that entries were offered for questions now (when last used, how often). */
export function libraryUsed(db: Db, entryIds: string[], at = new Date().toISOString()): void {
  const use = db.prepare(
    `INSERT INTO library_use (entry_id, last_used_at, uses) SELECT ?, ?, 1 WHERE EXISTS (SELECT 1 FROM library WHERE id = ?)
     ON CONFLICT(entry_id) DO UPDATE SET last_used_at = excluded.last_used_at, uses = uses + 1`,
  );
  for (const id of entryIds) use.run(id, at, id);
}
