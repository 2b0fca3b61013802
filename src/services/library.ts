// The answer library (answers to questions no item answers) and the gaps report: what the vendor should
// answer once instead of retyping.
import { z } from 'zod';
import { QmapError } from '../errors.js';
import { groupNear, questionKey } from '../matching/near.js';
import { deleteLibraryEntry, getLibraryEntry, listLibrary, updateLibraryEntry, type LibraryEntry } from '../store/library.js';
import type { Context } from './context.js';

export const libraryChange = z
  .object({ answer: z.string().trim().min(1, 'the answer must not be empty').max(20_000), choice: z.string().max(200).nullable().optional() })
  .strict();

export const libraryEntries = (ctx: Context): LibraryEntry[] => listLibrary(ctx.db);

export function libraryEntry(ctx: Context, id: string): LibraryEntry {
  return getLibraryEntry(ctx.db, id) ?? missing(id);
}

/** An admin's edit; it makes the entry the vendor's own answer, kept when its questionnaire is deleted. */
export function changeLibraryEntry(ctx: Context, id: string, change: z.infer<typeof libraryChange>, by: string): LibraryEntry {
  return updateLibraryEntry(ctx.db, id, change, by) ?? missing(id);
}

export function removeLibraryEntry(ctx: Context, id: string): void {
  if (!deleteLibraryEntry(ctx.db, id)) missing(id);
}

function missing(id: string): never {
  throw new QmapError('not_found', `There is no library entry ${id}.`);
}

export interface Gap {
  question: string;
  /** How many rows, and in how many questionnaires, asked it. */
  count: number;
  questionnaires: number;
  examples: string[];
}

/** Wordings at least this alike count as the same question asked again. */
const SAME_QUESTION = 0.6;

/** Questions no item answered, across all questionnaires, grouped by similar wording, most asked first. */
export function gaps(ctx: Context, limit = 50): Gap[] {
  const rows = ctx.db
    .prepare(
      `SELECT r.job_id AS jobId, r.question FROM job_rows r JOIN jobs j ON j.id = r.job_id
       WHERE r.status = 'unmatched' OR (r.status = 'confirmed' AND r.item_nos = '[]' AND r.answer IS NULL)
       ORDER BY j.created_at, j.rowid, r.ord`,
    )
    .all() as { jobId: string; question: string }[];
  const keyed = rows.map((r) => ({ ...r, key: questionKey(r.question) })).filter((r) => r.key);
  const groupOf = groupNear(
    keyed.map((r) => r.key),
    SAME_QUESTION,
  );
  const groups: { question: string; count: number; jobs: Set<string>; examples: Set<string> }[] = [];
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
