// The 49 checklist items: everyone signed in reads them; admins change the answers, with history kept.
import { z } from 'zod';
import { QmapError } from '../errors.js';
import { itemWords, loadLexicon, type Lexicon } from '../matching/lexicon.js';
import { getItem, itemHistory, listItems, updateItem, type ItemVersion, type StoredItem } from '../store/items.js';
import type { Language } from '../domain.js';
import { composeAnswer } from '../pipeline/answers.js';
import { usageSince, type Usage } from '../store/usage.js';
import type { Context } from './context.js';

const answer = z.string().trim().min(1, 'the answer must not be empty').max(20_000);

/** An admin's change: any of the answers, the 有/無 and the default choice; what is left out stays. */
export const itemChange = z
  .object({
    answer: answer.optional(),
    answerEn: answer.nullable().optional(),
    shortAnswer: z.enum(['有', '無']).nullable().optional(),
    defaultChoice: z.enum(['yes', 'no', 'partial', 'na']).nullable().optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'send at least one of answer, answerEn, shortAnswer, defaultChoice');
export type ItemChangeBody = z.infer<typeof itemChange>;

/**
 * An item with the words customers use for it (the matcher's lexicon, which the page's search looks in), and how
 * often it was proposed and corrected in the last 90 days.
 */
export type ItemWithWords = StoredItem & { aliases: string[]; usage: Usage };

const USAGE_DAYS = 90;

// The lexicon ships with qmap and does not change while it runs: read once, on first use.
let lexicon: Lexicon | null = null;

export function items(ctx: Context, list = listItems(ctx.db)): ItemWithWords[] {
  lexicon ??= loadLexicon();
  const usage = usageSince(ctx.db, new Date(Date.now() - USAGE_DAYS * 86_400_000).toISOString().slice(0, 10));
  return list.map((item) => ({ ...item, aliases: itemWords(lexicon!, item.no).aliases, usage: usage.get(item.no) ?? { used: 0, corrected: 0 } }));
}

export interface AnsweredQuestion {
  jobId: string;
  filename: string;
  at: string;
  sheet: string;
  row: number;
  question: string;
  status: string;
}

/** The questions this item answers in the questionnaires kept now, newest first. */
export function questionsAnswered(ctx: Context, no: number, limit = 20): AnsweredQuestion[] {
  item(ctx, no);
  return ctx.db
    .prepare(
      `SELECT j.id AS jobId, j.filename, j.created_at AS at, r.sheet, r.row, r.question, r.status
       FROM job_rows r JOIN jobs j ON j.id = r.job_id
       WHERE EXISTS (SELECT 1 FROM json_each(r.item_nos) WHERE value = ?)
       ORDER BY j.created_at DESC, r.ord LIMIT ?`,
    )
    .all(no, limit) as AnsweredQuestion[];
}

export function item(ctx: Context, no: number): ItemWithWords {
  const found = getItem(ctx.db, no);
  if (!found) throw missing(no);
  return items(ctx, [found])[0];
}

/** An item's Japanese title by its number. */
export function itemTitles(ctx: Context): (no: number) => string {
  const byNo = new Map(listItems(ctx.db).map((i) => [i.no, i.title]));
  return (no) => byNo.get(no) ?? `No.${no}`;
}

/**
 * Changes an item's answers; the questionnaires kept now write the new answer too: every row answered with the
 * item (not a reviewer's own text) is written again from the items as they are, in its job's language.
 */
export function changeItem(ctx: Context, no: number, change: ItemChangeBody, by: string): ItemWithWords {
  const changed = ctx.db.transaction(() => {
    const item = updateItem(ctx.db, no, change, by);
    if (item) rewriteAnswers(ctx, no);
    return item;
  })();
  if (!changed) throw missing(no);
  return items(ctx, [changed])[0];
}

function rewriteAnswers(ctx: Context, no: number): void {
  const all = listItems(ctx.db);
  const rows = ctx.db
    .prepare(
      `SELECT r.job_id AS jobId, r.id, r.item_nos AS itemNos, r.question, j.language FROM job_rows r JOIN jobs j ON j.id = r.job_id
       WHERE r.answer IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(r.item_nos) WHERE value = ?)`,
    )
    .all(no) as { jobId: string; id: string; itemNos: string; question: string; language: Language }[];
  const update = ctx.db.prepare('UPDATE job_rows SET answer = ? WHERE job_id = ? AND id = ?');
  for (const r of rows) update.run(composeAnswer(all, JSON.parse(r.itemNos) as number[], r.language, r.question), r.jobId, r.id);
}

export function history(ctx: Context, no: number): ItemVersion[] {
  if (!getItem(ctx.db, no)) throw missing(no);
  return itemHistory(ctx.db, no);
}

const missing = (no: number) => new QmapError('not_found', `There is no item ${no}; items are numbered 1 to 49.`);
