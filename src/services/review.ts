// Reviewers' decisions on rows: each sets the row `confirmed`, is audited, and teaches the matcher.
import { z } from 'zod';
import type { Item, Language, Row } from '../domain.js';
import { QmapError } from '../errors.js';
import { choiceFor } from '../matching/answer.js';
import { questionKey } from '../matching/near.js';
import { composeAnswer } from '../pipeline/answers.js';
import { learnAlias } from '../store/aliases.js';
import { audit } from '../store/audit.js';
import { listItems } from '../store/items.js';
import { decideRow, getRow, jobRows, rowAt, type Decision } from '../store/jobs.js';
import { keepInLibrary } from '../store/library.js';
import { countUsage } from '../store/usage.js';
import type { Context } from './context.js';
import { questionnaire } from './questionnaires.js';

/** The longest custom answer: longer than any cell answer a customer reads, well under Excel's 32,767. */
export const MAX_ANSWER = 20_000;

const itemNo = z.number().int();
const choice = z.string().max(200);
const FORMS =
  'a decision is one of {"itemNo": 28}, {"itemNos": [28, 30]} (each may add "choice"), {"choice": "はい"} (the answer kept), {"answer": "…", "choice": "はい"}, {"status": "confirmed"} or {"itemNo": null} (no item answers this), with nothing else in it';

/** The forms a PATCH body takes. */
export const decisionBody = z.union(
  [
    z.object({ itemNo: itemNo.nullable(), choice: choice.optional() }).strict(),
    z.object({ itemNos: z.array(itemNo).min(1).max(5), choice: choice.optional() }).strict(),
    z.object({ answer: z.string().max(MAX_ANSWER, `at most ${MAX_ANSWER.toLocaleString('en')} characters; shorten it and save again`), choice: choice.nullable().optional() }).strict(),
    z.object({ choice }).strict(),
    z.object({ status: z.literal('confirmed') }).strict(),
  ],
  // A body that fits no form is told the forms, not "Invalid input".
  { error: (issue) => (issue.code === 'invalid_union' ? FORMS : undefined) },
);
export type DecisionBody = z.infer<typeof decisionBody>;

export const confirmBody = z.object({ rowIds: z.array(z.string().max(300)).min(1).max(100_000).or(z.literal('all')) });

/**
 * Decides a row named by its id, or by where the customer sees it (`Sheet!8`, or `8` when one sheet has a
 * question on row 8). With `version` (If-Match), the decision is made only if no one decided the row since.
 */
export function decide(ctx: Context, jobId: string, ref: string, body: DecisionBody, by: string, version?: number): Row {
  const job = questionnaire(ctx, jobId);
  const row = findRow(ctx, jobId, ref);
  if (version !== undefined && version !== row.version) throw changedMeanwhile(row);
  const decision = toDecision(listItems(ctx.db), row, body, job.language);
  ctx.db.transaction(() => {
    if (!decideRow(ctx.db, jobId, row.id, row.version, decision, by)) throw changedMeanwhile(getRow(ctx.db, jobId, row.id) ?? row);
    learn(ctx, jobId, row, body, decision, by);
    countUsage(ctx.db, corrections(row, decision));
    audit(ctx.db, {
      jobId,
      rowId: row.id,
      actor: by,
      action: 'decide',
      detail: { before: { status: row.status, itemNos: row.itemNos }, after: { itemNos: decision.itemNos, custom: 'answer' in body, choice: decision.choice !== null } },
    });
  })();
  return getRow(ctx.db, jobId, row.id)!;
}

/** One row, named by its id or as Sheet!8. */
export function rowOf(ctx: Context, jobId: string, ref: string): Row {
  questionnaire(ctx, jobId);
  return findRow(ctx, jobId, ref);
}

function findRow(ctx: Context, jobId: string, ref: string): Row {
  const byId = getRow(ctx.db, jobId, ref);
  if (byId) return byId;
  const at = /^(?:(.+)!)?(\d{1,7})$/.exec(ref);
  const help = 'Name a row by the id in GET /v1/questionnaires/{id}/rows, or by its sheet and Excel row number, such as チェックシート!8.';
  if (!at) throw new QmapError('not_found', `Questionnaire ${jobId} has no row ${ref}. ${help}`);
  const [, sheet, n] = at;
  if (sheet !== undefined) {
    const row = rowAt(ctx.db, jobId, sheet, Number(n));
    if (!row) throw new QmapError('not_found', `Sheet "${sheet}" has no question on row ${n}. ${help}`);
    return row;
  }
  const rows = jobRows(ctx.db, jobId).filter((r) => r.row === Number(n));
  if (rows.length === 1) return rows[0];
  const where = rows.length ? ` Row ${n} holds a question on sheets ${rows.map((r) => `"${r.sheet}"`).join(', ')}: say which, as ${rows[0].sheet}!${n}.` : ` No sheet has a question on row ${n}.`;
  throw new QmapError('not_found', `Questionnaire ${jobId} has no row ${ref}.${where} ${help}`);
}

function changedMeanwhile(now: Row): QmapError {
  return new QmapError('precondition_failed', `Someone else changed this row meanwhile (it is now at version ${now.version}). Reload it, then decide again.`, {
    version: now.version,
  });
}

function toDecision(items: Item[], row: Row, body: DecisionBody, language: Language): Decision {
  const checkChoice = (value: string | null | undefined): string | null => {
    if (value === undefined || value === null || value === '') return null;
    if ((!row.choiceCell && !row.marks) || !row.choices?.length) throw new QmapError('invalid', `This row has no choice column, so "${value}" cannot be set. Send the answer alone.`);
    if (!row.choices.includes(value)) throw new QmapError('invalid', `"${value}" is not one of this row's allowed values: ${row.choices.join(', ')}.`);
    return value;
  };
  const useItems = (itemNos: number[], value: string | undefined): Decision => {
    const unknown = itemNos.filter((n) => !items.some((i) => i.no === n));
    if (unknown.length) throw new QmapError('invalid', `There is no item ${unknown.join(', ')}; items are numbered 1 to 49.`);
    const untranslated = language === 'en' ? itemNos.filter((n) => !items.find((i) => i.no === n)?.answerEn) : [];
    if (untranslated.length) {
      throw new QmapError('invalid', `Item ${untranslated.join(', ')} has no English answer yet, and this questionnaire is answered in English. An admin can write one on the item's page; or send a custom answer.`, { itemNos: untranslated });
    }
    const derived = (row.choiceCell || row.marks) && row.choices?.length ? choiceFor(row.text, items, itemNos, row.choices).choice : null;
    return { status: 'confirmed', itemNos, answer: composeAnswer(items, itemNos, language, row.text), choice: checkChoice(value) ?? derived };
  };

  if ('status' in body) return { status: 'confirmed', itemNos: row.itemNos, answer: row.answer, choice: row.choice };
  if ('itemNos' in body) return useItems([...new Set(body.itemNos)], body.choice);
  if ('itemNo' in body) return body.itemNo === null ? { status: 'confirmed', itemNos: [], answer: null, choice: null } : useItems([body.itemNo], body.choice);
  if (!('answer' in body)) return { status: 'confirmed', itemNos: row.itemNos, answer: row.answer, choice: checkChoice(body.choice) };
  const answer = body.answer.trim();
  // A choice left out keeps the row's; null clears it.
  return { status: 'confirmed', itemNos: [], answer: answer || null, choice: body.choice === undefined ? row.choice : checkChoice(body.choice) };
}

/** The items qmap proposed for the row that the reviewer's decision no longer answers with: corrected. */
function corrections(row: Row, d: Decision): Map<number, { corrected: number }> {
  return new Map(row.proposal.itemNos.filter((no) => row.proposal.status !== 'unmatched' && !d.itemNos.includes(no)).map((no) => [no, { corrected: 1 }]));
}

/** The question becomes an alias of what the reviewer chose; custom answers go to the answer library. */
function learn(ctx: Context, jobId: string, row: Row, body: DecisionBody, d: Decision, by: string) {
  const key = questionKey(row.text);
  if (!key) return;
  if ('answer' in body) {
    learnAlias(ctx.db, key, row.text, [], by, jobId);
    if (d.answer) keepInLibrary(ctx.db, { norm: key, question: row.text, answer: d.answer, choice: d.choice, jobId }, by);
    return;
  }
  // What the row answers is learned with the choice it was given, which the next same question gets too.
  learnAlias(ctx.db, key, row.text, d.itemNos, by, jobId, d.itemNos.length ? d.choice : null);
}

/**
 * Confirms many rows as they stand. "all" confirms the rows that carry an answer or a choice; a blank row needs a
 * decision of its own. Ids not in the job are reported, not skipped.
 */
export function confirmRows(ctx: Context, jobId: string, rowIds: string[] | 'all', by: string): { confirmed: number; left: number } {
  questionnaire(ctx, jobId);
  const rows = jobRows(ctx.db, jobId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Rows named by id or, as PATCH takes them, as Sheet!8.
  const byRef = (ref: string) => byId.get(ref) ?? rows.find((r) => `${r.sheet}!${r.row}` === ref);
  const missing = rowIds === 'all' ? [] : rowIds.filter((ref) => !byRef(ref));
  if (missing.length) throw new QmapError('not_found', `Questionnaire ${jobId} has no row ${listSome(missing)}. Nothing was confirmed.`);
  const chosen = rowIds === 'all' ? rows.filter((r) => r.answer || r.choice) : [...new Set(rowIds.map((ref) => byRef(ref)!))];
  const wanted = chosen.filter((r) => r.status !== 'confirmed');
  ctx.db.transaction(() => {
    for (const row of wanted) {
      decideRow(ctx.db, jobId, row.id, row.version, { status: 'confirmed', itemNos: row.itemNos, answer: row.answer, choice: row.choice }, by);
      // Confirming in bulk vouches for the answers rows carry; a blank row, looked at by nobody, teaches nothing.
      if (row.itemNos.length > 0) learnAlias(ctx.db, questionKey(row.text), row.text, row.itemNos, by, jobId, row.choice);
    }
    audit(ctx.db, { jobId, actor: by, action: 'confirm', detail: { rows: wanted.length } });
  })();
  const left = jobRows(ctx.db, jobId).filter((r) => r.status !== 'confirmed').length;
  return { confirmed: wanted.length, left };
}

/** The first few of a long list, and how many more: a message stays readable however many ids were sent. */
function listSome(items: string[], most = 5): string {
  const shown = items.slice(0, most).join(', ');
  return items.length > most ? `${shown} and ${items.length - most} more` : shown;
}
