// Domain values for tests that store or write rows without reading a workbook.
import type { Job, Proposal, Row } from '../../src/domain.js';
import { newId } from '../../src/ids.js';

export const unmatched: Proposal = { status: 'unmatched', itemNos: [], score: 0, candidates: [], reasons: [], source: 'lexicon', libraryId: null };

/** A question row on sheet S with its answer cell in column C, unmatched unless told otherwise. */
export function row(text: string, more: Partial<Row> = {}): Row {
  const r = more.row ?? 2;
  return {
    id: newId(),
    ord: 0,
    sheet: 'S',
    row: r,
    text,
    section: null,
    number: null,
    answerCell: `C${r}`,
    choiceCell: null,
    choices: null,
    marks: null,
    existingAnswer: '',
    existingChoice: '',
    status: 'unmatched',
    itemNos: [],
    answer: null,
    choice: null,
    proposal: unmatched,
    decidedBy: null,
    decidedAt: null,
    version: 0,
    ...more,
  };
}

export function job(more: Partial<Job> = {}): Job {
  return { id: newId(), filename: 'f.xlsx', kind: 'xlsx', createdAt: new Date().toISOString(), createdBy: 'test', language: 'ja', sheets: [], notes: [], ...more };
}
