// The answer library (answers to questions no item answers) and the gaps report: what the vendor should
// answer once instead of retyping.
import { z } from 'zod';
import { QmapError } from '../errors.js';
import { groupNear, questionKey } from '../matching/near.js';
import { createEntry, deleteLibraryEntry, getLibraryEntry, listLibrary, mergeEntries, updateLibraryEntry, type LibraryEntry } from '../store/library.js';
import type { Context } from './context.js';

const answer = z.string().trim().min(1, 'the answer must not be empty').max(20_000);
const choice = z.string().max(200).nullable();

export const libraryChange = z.object({ answer, choice: choice.optional() }).strict();

/** A library answer an admin writes (say, from a gap): the question forms it covers and the answer. */
export const libraryCreate = z
  .object({ questions: z.array(z.string().trim().min(1).max(2000)).min(1).max(50), answer, choice: choice.default(null) })
  .strict();

export const libraryMerge = z.object({ from: z.string().min(1).max(64) }).strict();

export const libraryEntries = (ctx: Context): LibraryEntry[] => listLibrary(ctx.db);

export function libraryEntry(ctx: Context, id: string): LibraryEntry {
  return getLibraryEntry(ctx.db, id) ?? missing(id);
}

/** An admin's edit; it makes the entry the vendor's own answer, kept when its questionnaire is deleted. */
export function changeLibraryEntry(ctx: Context, id: string, change: z.infer<typeof libraryChange>, by: string): LibraryEntry {
  return updateLibraryEntry(ctx.db, id, change, by) ?? missing(id);
}

/** The vendor's own answer for these questions; a form another entry covered moves to this one. */
export function createLibraryEntry(ctx: Context, body: z.infer<typeof libraryCreate>, by: string): LibraryEntry {
  const forms = [...new Map(body.questions.map((q) => [questionKey(q), q])).entries()].filter(([norm]) => norm).map(([norm, question]) => ({ norm, question, jobId: null }));
  if (!forms.length) throw new QmapError('invalid', 'The questions have no words to match on. Write the question as customers ask it.');
  return ctx.db.transaction(() => createEntry(ctx.db, forms, { answer: body.answer, choice: body.choice }, by))();
}

/** Two entries become one: `into` keeps its answer and takes every question form of `from`. */
export function mergeLibraryEntries(ctx: Context, into: string, from: string, by: string): LibraryEntry {
  if (into === from) throw new QmapError('invalid', 'An entry cannot be merged with itself: name two different entries.');
  return ctx.db.transaction(() => mergeEntries(ctx.db, into, from, by))() ?? missing(getLibraryEntry(ctx.db, into) ? from : into);
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
