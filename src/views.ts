// The job and row JSON other tools read: a fixed contract (see README, "The job").
import type { Job, JobRow, Summary } from './store/jobs.js';
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

export function rowView(r: JobRow, titleOf: (no: number) => string): RowView {
  const chosen = r.itemNos[0];
  const score = r.score ?? 0;
  const alternatives = otherCandidates(r).map((c) => ({ itemNo: c.itemNo, title: c.title, score: round(c.score) }));
  return {
    id: r.id,
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
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
  };
}

export function jobView(job: Job, rows: JobRow[], titleOf: (no: number) => string): JobView {
  const counts = new Map<JobRow['status'], number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return {
    id: job.id,
    filename: job.filename,
    kind: job.kind,
    createdAt: job.createdAt,
    createdBy: job.createdBy,
    summary: summarize([...counts].map(([status, n]) => ({ status, n }))),
    notes: job.notes,
    sheets: job.sheets,
    rows: rows.map((r) => rowView(r, titleOf)),
  };
}
