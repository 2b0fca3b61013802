// Reviewers' decisions on rows: each sets the row `confirmed`, is audited, and teaches the matcher.
import { z } from 'zod';
import { choiceFor, composeAnswer } from './matching/answer.js';
import { questionKey } from './matching/near.js';
import { QmapError } from './errors.js';
import { notFound } from './questionnaires.js';
import { learnAlias } from './store/aliases.js';
import { audit } from './store/audit.js';
import type { Db } from './store/db.js';
import { listItems } from './store/items.js';
import { decideRow, getJob, getRow, jobRows, type Decision, type JobRow } from './store/jobs.js';
import { keepInLibrary } from './store/library.js';

const itemNoField = z.number().int();

/** The longest custom answer: longer than any cell answer a customer reads, well under Excel's 32,767. */
export const MAX_ANSWER = 20_000;

const FORMS =
  'a decision is one of {"itemNo": 28}, {"itemNos": [28, 30]}, {"answer": "…", "choice": "はい"}, {"status": "confirmed"} or {"itemNo": null} (no item answers this), with nothing else in it';

/** The one of five forms a PATCH body takes. */
export const decisionBody = z.union(
  [
    z.object({ itemNo: itemNoField.nullable(), choice: z.string().optional() }).strict(),
    z.object({ itemNos: z.array(itemNoField).min(1).max(5), choice: z.string().optional() }).strict(),
    z.object({ answer: z.string().max(MAX_ANSWER, `at most ${MAX_ANSWER.toLocaleString('en')} characters; shorten it and save again`), choice: z.string().nullable().optional() }).strict(),
    z.object({ status: z.literal('confirmed') }).strict(),
  ],
  // A body that fits no form is told the forms, not "Invalid input".
  { error: (issue) => (issue.code === 'invalid_union' ? FORMS : undefined) },
);
export type DecisionBody = z.infer<typeof decisionBody>;

export function decide(db: Db, jobId: string, rowId: string, body: DecisionBody, by: string): JobRow {
  if (!getJob(db, jobId)) throw notFound(jobId);
  const row = getRow(db, jobId, rowId);
  if (!row) throw new QmapError('not_found', `Questionnaire ${jobId} has no row ${rowId}.`);
  const decision = toDecision(db, row, body);
  db.transaction(() => {
    decideRow(db, jobId, row.id, decision, by);
    learn(db, row, body, decision, by);
    audit(db, {
      jobId,
      rowId,
      actor: by,
      action: 'decide',
      detail: { before: { status: row.status, itemNos: row.itemNos }, after: { itemNos: decision.itemNos, custom: 'answer' in body, choice: decision.choice } },
    });
  })();
  return getRow(db, jobId, rowId)!;
}

function toDecision(db: Db, row: JobRow, body: DecisionBody): Decision {
  const items = listItems(db);
  const checkChoice = (choice: string | null | undefined): string | null => {
    if (choice === undefined || choice === null || choice === '') return null;
    if (!row.choiceCell || !row.choices?.length) {
      throw new QmapError('invalid', `This row has no choice column, so "${choice}" cannot be set. Send the answer alone.`);
    }
    if (!row.choices.includes(choice)) {
      throw new QmapError('invalid', `"${choice}" is not one of this row's allowed values: ${row.choices.join(', ')}.`);
    }
    return choice;
  };
  const useItems = (itemNos: number[], choice: string | undefined): Decision => {
    const unknown = itemNos.filter((n) => !items.some((i) => i.no === n));
    if (unknown.length) throw new QmapError('invalid', `There is no item ${unknown.join(', ')}; items are numbered 1 to 49.`);
    const derived = row.choiceCell && row.choices?.length ? choiceFor(row.question, items, itemNos, row.choices).choice : null;
    return { status: 'confirmed', itemNos, score: 1, answer: composeAnswer(items, itemNos), choice: checkChoice(choice) ?? derived };
  };

  if ('status' in body) return { status: 'confirmed', itemNos: row.itemNos, score: row.score, answer: row.answer, choice: row.choice };
  if ('itemNos' in body) return useItems([...new Set(body.itemNos)], body.choice);
  if ('itemNo' in body) {
    if (body.itemNo === null) return { status: 'confirmed', itemNos: [], score: null, answer: null, choice: null };
    return useItems([body.itemNo], body.choice);
  }
  const answer = body.answer.trim();
  return { status: 'confirmed', itemNos: [], score: null, answer: answer || null, choice: checkChoice(body.choice) };
}

/** The question becomes an alias of what the reviewer chose; custom answers go to the answer library. */
function learn(db: Db, row: JobRow, body: DecisionBody, d: Decision, by: string) {
  const key = questionKey(row.question);
  if (!key) return;
  if ('answer' in body) {
    learnAlias(db, key, row.question, [], by);
    if (d.answer) keepInLibrary(db, key, row.question, d.answer, d.choice, by);
    return;
  }
  learnAlias(db, key, row.question, d.itemNos, by);
}

/** Confirms many rows as they stand; ids not in the job are reported, not silently skipped. */
export function confirmRows(db: Db, jobId: string, rowIds: string[] | 'all', by: string): { confirmed: number } {
  if (!getJob(db, jobId)) throw notFound(jobId);
  const rows = jobRows(db, jobId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = rowIds === 'all' ? [] : rowIds.filter((id) => !byId.has(id));
  if (missing.length) throw new QmapError('not_found', `Questionnaire ${jobId} has no row ${missing.join(', ')}. Nothing was confirmed.`);
  const wanted = [...new Set(rowIds === 'all' ? rows : rowIds.map((id) => byId.get(id)!))].filter((r) => r.status !== 'confirmed');
  db.transaction(() => {
    for (const row of wanted) {
      decideRow(db, jobId, row.id, { status: 'confirmed', itemNos: row.itemNos, score: row.score, answer: row.answer, choice: row.choice }, by);
      // Confirming rows in bulk vouches for the answers they carry; a row left blank was looked at by nobody,
      // so it does not teach that no item answers its question.
      if (row.itemNos.length > 0) learnAlias(db, questionKey(row.question), row.question, row.itemNos, by);
    }
    audit(db, { jobId, actor: by, action: 'confirm', detail: { rows: wanted.length } });
  })();
  return { confirmed: wanted.length };
}
