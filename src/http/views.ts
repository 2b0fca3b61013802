// The API's view of the domain, in one place: zod schemas of every response (they serialize the answers and
// make /docs) and the functions that derive each view from domain values.
import { z } from 'zod';
import type { Candidate, Job, Message, Row, Summary } from '../domain.js';
import { summaryOf } from '../domain.js';
import { messageText } from '../messages.js';
import type { Token } from '../store/tokens.js';

export const messageSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** The message in English; the page renders the code in its own language. */
  text: z.string(),
});

export const errorSchema = z.object({
  statusCode: z.number(),
  code: z.string(),
  error: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  requestId: z.string().optional(),
});

const itemRef = z.object({ itemNo: z.number(), title: z.string(), score: z.number() });

export const summarySchema = z.object({ questions: z.number(), auto: z.number(), review: z.number(), unmatched: z.number(), confirmed: z.number() });

const status = z.enum(['auto', 'review', 'unmatched', 'confirmed']);

export const rowSchema = z.object({
  id: z.string(),
  sheet: z.string(),
  row: z.number(),
  question: z.string(),
  section: z.string().nullable(),
  number: z.string().nullable(),
  answerCell: z.string().nullable(),
  choiceCell: z.string().nullable(),
  choices: z.array(z.string()).nullable(),
  status,
  match: itemRef.nullable(),
  itemNos: z.array(z.number()),
  alternatives: z.array(itemRef),
  answer: z.string().nullable(),
  choice: z.string().nullable(),
  existingAnswer: z.string(),
  existingChoice: z.string(),
  proposal: z.object({
    status: z.enum(['auto', 'review', 'unmatched']),
    itemNos: z.array(z.number()),
    score: z.number(),
    terms: z.array(z.string()),
    reasons: z.array(messageSchema),
    source: z.enum(['lexicon', 'learned', 'library']),
  }),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Send it back as If-Match: "<version>" to decide only if no one else did meanwhile. */
  version: z.number(),
});

export const sheetSchema = z.object({
  name: z.string(),
  headerRow: z.number().nullable(),
  questionColumn: z.string().nullable(),
  answerColumn: z.string().nullable(),
  choiceColumn: z.string().nullable(),
  choices: z.array(z.string()).nullable(),
  reason: z.string(),
  questions: z.number(),
});

export const jobSummarySchema = z.object({
  id: z.string(),
  filename: z.string(),
  kind: z.enum(['xlsx', 'xlsm', 'xls', 'ods', 'csv']),
  language: z.enum(['ja', 'en']),
  createdAt: z.string(),
  createdBy: z.string(),
  summary: summarySchema,
  notes: z.array(messageSchema),
});

export const jobSchema = jobSummarySchema.extend({ sheets: z.array(sheetSchema), rows: z.array(rowSchema) });

export const itemSchema = z.object({
  no: z.number(),
  category: z.string(),
  title: z.string(),
  description: z.string(),
  unit: z.string(),
  answer: z.string(),
  shortAnswer: z.enum(['有', '無']).nullable(),
  categoryEn: z.string(),
  titleEn: z.string(),
  descriptionEn: z.string(),
  answerEn: z.string().nullable(),
  /** The English answer was written for an earlier Japanese answer: English questionnaires hold the item's rows. */
  answerEnOutdated: z.boolean(),
  defaultChoice: z.enum(['yes', 'no', 'partial', 'na']).nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** The words customers use for the item (the matcher's lexicon): what a search looks in. */
  aliases: z.array(z.string()),
  /** In the last 90 days: rows it was proposed for, and proposals reviewers changed. */
  usage: z.object({ used: z.number(), corrected: z.number() }),
});

export const answeredQuestionSchema = z.object({
  jobId: z.string(),
  filename: z.string(),
  at: z.string(),
  sheet: z.string(),
  row: z.number(),
  question: z.string(),
  status: z.string(),
});

export const itemVersionSchema = z.object({
  answer: z.string(),
  answerEn: z.string().nullable(),
  shortAnswer: z.enum(['有', '無']).nullable(),
  defaultChoice: z.enum(['yes', 'no', 'partial', 'na']).nullable(),
  changedAt: z.string(),
  changedBy: z.string(),
});

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'reviewer']),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const libraryEntrySchema = z.object({
  id: z.string(),
  answer: z.string(),
  choice: z.string().nullable(),
  /** The question forms it is offered for; each learned from a questionnaire (forgotten with it), or jobId null: the vendor's own. */
  forms: z.array(z.object({ question: z.string(), jobId: z.string().nullable() })),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  /** When it was last offered for a question, and how often. */
  lastUsedAt: z.string().nullable(),
  uses: z.number(),
});

export const gapSchema = z.object({ question: z.string(), count: z.number(), questionnaires: z.number(), examples: z.array(z.string()) });

export const auditEntrySchema = z.object({
  id: z.number(),
  jobId: z.string().nullable(),
  rowId: z.string().nullable(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

export const layoutSchema = z.object({
  id: z.string(),
  sheet: z.string(),
  headerRow: z.number().nullable(),
  questionColumn: z.string(),
  answerColumn: z.string().nullable(),
  choiceColumn: z.string().nullable(),
  /** The template's header cells (or first questions), to recognise it by. */
  description: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  usedAt: z.string().nullable(),
  uses: z.number(),
});

export const previewSchema = z.object({
  kind: z.enum(['xlsx', 'xlsm', 'xls', 'ods', 'csv']),
  sheets: z.array(
    z.object({
      name: z.string(),
      hidden: z.boolean(),
      rowCount: z.number(),
      colCount: z.number(),
      columns: z.array(z.string()),
      rows: z.array(z.array(z.string())),
      merges: z.array(z.object({ row: z.number(), column: z.string(), rows: z.number(), columns: z.number() })),
      hiddenRows: z.array(z.number()),
      hiddenColumns: z.array(z.string()),
      /** Where qmap would read the questions on its own, or null. */
      detected: z
        .object({ headerRow: z.number().nullable(), questionColumn: z.string().nullable(), answerColumn: z.string().nullable(), choiceColumn: z.string().nullable(), questions: z.number() })
        .nullable(),
    }),
  ),
});

export type RowView = z.infer<typeof rowSchema>;
export type JobView = z.infer<typeof jobSchema>;
type Titles = (no: number) => string;

export const messageView = (m: Message) => ({ ...m, text: messageText(m, 'en') });

const round = (n: number) => Math.round(n * 1000) / 1000;
const ref = (c: Candidate, titleOf: Titles) => ({ itemNo: c.itemNo, title: titleOf(c.itemNo), score: round(c.score) });

export function rowView(r: Row, titleOf: Titles): RowView {
  const chosen = r.itemNos[0];
  const candidate = r.proposal.candidates.find((c) => c.itemNo === chosen);
  return {
    id: r.id,
    sheet: r.sheet,
    row: r.row,
    question: r.text,
    section: r.section,
    number: r.number,
    answerCell: r.answerCell,
    choiceCell: r.choiceCell,
    choices: r.choices,
    status: r.status,
    match: chosen === undefined ? null : { itemNo: chosen, title: titleOf(chosen), score: round(candidate?.score ?? (r.status === 'confirmed' ? 1 : 0)) },
    itemNos: r.itemNos,
    alternatives: r.proposal.candidates.filter((c) => !r.itemNos.includes(c.itemNo)).slice(0, 3).map((c) => ref(c, titleOf)),
    answer: r.answer,
    choice: r.choice,
    existingAnswer: r.existingAnswer,
    existingChoice: r.existingChoice,
    proposal: {
      status: r.proposal.status,
      itemNos: r.proposal.itemNos,
      score: round(r.proposal.score),
      terms: r.proposal.candidates[0]?.terms ?? [],
      reasons: r.proposal.reasons.map(messageView),
      source: r.proposal.source,
    },
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    version: r.version,
  };
}

export function jobSummaryView(job: Job, summary: Summary) {
  const { id, filename, kind, language, createdAt, createdBy } = job;
  return { id, filename, kind, language, createdAt, createdBy, summary, notes: job.notes.map(messageView) };
}

export function jobView(job: Job, rows: Row[], titleOf: Titles): JobView {
  return { ...jobSummaryView(job, summaryOf(rows.map((r) => r.status))), sheets: job.sheets, rows: rows.map((r) => rowView(r, titleOf)) };
}

export const tokenView = ({ id, name, role, createdAt, lastUsedAt, revokedAt }: Token) => ({ id, name, role, createdAt, lastUsedAt, revokedAt });

const errorStatuses = { 400: 'bad request', 401: 'no or a wrong token', 403: 'the token lacks the role', 404: 'not found', 409: 'in conflict with what is stored', 412: 'changed meanwhile', 413: 'over a limit', 415: 'not a spreadsheet', 422: 'unreadable or no questions', 429: 'too many requests', 503: 'busy or read-only', 507: 'disk full' } as const;

/** The error answers a route may give, every one in the same shape. */
export function errors(...statuses: (keyof typeof errorStatuses)[]) {
  return Object.fromEntries([400, 401, 403, 429, ...statuses].map((s) => [s, errorSchema.describe(errorStatuses[s as keyof typeof errorStatuses])]));
}
