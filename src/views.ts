// The job and row JSON other tools read: a fixed contract (see README, "The job").
import type { Job, JobRow, NewRow, RowStatus, Summary } from './store/jobs.js';
import { otherCandidates, summarize } from './store/jobs.js';

export interface RowView {
  id: string;
  sheet: string;
  row: number;
  question: string;
  section: string | null;
  number: string | null;
  answerCell: string | null;
  choiceCell: string | null;
  choices: string[] | null;
  status: JobRow['status'];
  match: { itemNo: number; title: string; score: number } | null;
  itemNos: number[];
  alternatives: { itemNo: number; title: string; score: number }[];
  answer: string | null;
  choice: string | null;
  existingAnswer: string;
  existingChoice: string;
  proposal: { status: string; itemNos: number[]; score: number; terms: string[]; reasons: string[]; source: string };
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface JobView {
  id: string;
  filename: string;
  kind: string;
  createdAt: string;
  createdBy: string;
  summary: Summary;
  notes: string[];
  sheets: Job['sheets'];
  rows: RowView[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** An item's title by its number, from the items the job was matched against. */
export function titleLookup(items: { no: number; title: string }[]): (no: number) => string {
  const byNo = new Map(items.map((i) => [i.no, i.title]));
  return (no) => byNo.get(no) ?? `No.${no}`;
}

export function rowView(r: JobRow, titleOf: (no: number) => string): RowView {
  return viewOfRow(r, r.id, r.decidedBy, r.decidedAt, titleOf);
}

/** A row not stored yet (no decision on it), as GET will show it once it is. */
export function newRowView(r: NewRow, id: string, titleOf: (no: number) => string): RowView {
  return viewOfRow(r, id, null, null, titleOf);
}

function viewOfRow(r: NewRow, id: string, decidedBy: string | null, decidedAt: string | null, titleOf: (no: number) => string): RowView {
  const chosen = r.itemNos[0];
  const score = r.score ?? 0;
  const alternatives = otherCandidates(r).map((c) => ({ itemNo: c.itemNo, title: c.title, score: round(c.score) }));
  return {
    id,
    sheet: r.sheet,
    row: r.row,
    question: r.question,
    section: r.section,
    number: r.number,
    answerCell: r.answerCell,
    choiceCell: r.choiceCell,
    choices: r.choices,
    status: r.status,
    match: chosen === undefined ? null : { itemNo: chosen, title: titleOf(chosen), score: round(score) },
    itemNos: r.itemNos,
    alternatives,
    answer: r.answer,
    choice: r.choice,
    existingAnswer: r.existingAnswer,
    existingChoice: r.existingChoice,
    proposal: {
      status: r.proposal.status,
      itemNos: r.proposal.itemNos,
      score: round(r.proposal.score),
      terms: r.proposal.best?.terms ?? [],
      reasons: r.proposal.reasons,
      source: r.proposal.source,
    },
    decidedBy,
    decidedAt,
  };
}

export function summaryOf(statuses: Iterable<RowStatus>): Summary {
  const counts = new Map<RowStatus, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return summarize([...counts].map(([status, n]) => ({ status, n })));
}

export function jobView(job: Job, rows: JobRow[], titleOf: (no: number) => string): JobView {
  return viewOfJob(job, summaryOf(rows.map((r) => r.status)), rows.map((r) => rowView(r, titleOf)));
}

/**
 * JSON.stringify(jobView(…)) in UTF-8, in pieces to send one after another, for rows whose JSON is already
 * made (by a pool worker): the job's fields are encoded here and the rows' pieces follow as they are, rather
 * than parsed and encoded again, or copied into one buffer.
 */
export function jobViewJson(job: Job, summary: Summary, rowsJson: Uint8Array[]): Uint8Array[] {
  const head = JSON.stringify(viewOfJob(job, summary, []));
  // rows is the last field: the head ends in "rows":[]}
  return [Buffer.from(head.slice(0, -'[]}'.length)), ...rowsJson, Buffer.from('}')];
}

function viewOfJob(job: Job, summary: Summary, rows: RowView[]): JobView {
  return {
    id: job.id,
    filename: job.filename,
    kind: job.kind,
    createdAt: job.createdAt,
    createdBy: job.createdBy,
    summary,
    notes: job.notes,
    sheets: job.sheets,
    rows,
  };
}
