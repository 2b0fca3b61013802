// qmap's domain: a questionnaire job and its rows, as every layer sees them. Reading and detection produce
// Questions, matching produces Proposals, the pipeline joins them into Rows of an Analysis; the store maps
// these to and from SQLite and the HTTP views are derived from them in one place (http/views.ts).

export type FileKind = 'xlsx' | 'xlsm' | 'xls' | 'ods' | 'csv';

/** The language answers are written in: the vendor's Japanese answers, or their English versions. */
export type Language = 'ja' | 'en';

/**
 * Something qmap says to a person (a reason, a note, an error detail): a stable code and its parameters.
 * The words are rendered from the code in the reader's language (messages.ts); the API sends both.
 */
export interface Message {
  code: string;
  params?: Record<string, string | number>;
}

/** A question as detection found it in the customer's workbook. */
export interface Question {
  sheet: string;
  /** 1-based Excel row of the question text. */
  row: number;
  /** The question text as the customer wrote it (rich text runs joined, line breaks as \n). */
  text: string;
  /** Nearest section row or category column value, if any. */
  section: string | null;
  /** The customer's own numbering (1, 1-1, Q1.2, OP-01), if any. */
  number: string | null;
  /** A1 address of the cell the free-text answer belongs in, or null. */
  answerCell: string | null;
  /** A1 address of the choice (はい/いいえ, ○/×) cell, or null. */
  choiceCell: string | null;
  /** The values the choice cell allows (the customer's own words), or null. */
  choices: string[] | null;
  /**
   * When the answer is a mark in one of several cells (はい | いいえ as two columns): the symbol to mark with and, for
   * each cell, the value a mark there means and what it holds now (a pre-printed □, or ''). The writer marks the
   * one cell whose value is the chosen choice. Null otherwise.
   */
  marks: { symbol: string; cells: { value: string; cell: string; existing: string }[] } | null;
  /** What the customer had already typed into the answer / choice cell before upload ('' if empty). */
  existingAnswer: string;
  existingChoice: string;
}

export type MatchStatus = 'auto' | 'review' | 'unmatched';
export type RowStatus = MatchStatus | 'confirmed';

/** An item that may answer a question, and how likely it is to (calibrated, in [0, 1]). */
export interface Candidate {
  itemNo: number;
  score: number;
  /** The wording that points to the item, for reviewers. */
  terms: string[];
}

/** What qmap first proposed for a question; kept as it was, whatever reviewers decide later. */
export interface Proposal {
  status: MatchStatus;
  /** The items whose answers are proposed, best first; [] when none is. */
  itemNos: number[];
  /** How likely the proposal is right, in [0, 1]. */
  score: number;
  /** The items considered, most likely first (the chosen ones among them). */
  candidates: Candidate[];
  reasons: Message[];
  /** lexicon: the matcher; learned: a reviewer's earlier decision; library: an answer written before. */
  source: 'lexicon' | 'learned' | 'library';
  libraryId: string | null;
  /** The choice a reviewer gave the same question before (source learned), in the customer's words; absent otherwise. */
  choice?: string | null;
}

/** One question of a job with what is written for it now. */
export interface Row extends Question {
  id: string;
  /** Position among the job's questions, from 0. */
  ord: number;
  status: RowStatus;
  /** The items whose answers are written; [] for a custom answer or none. */
  itemNos: number[];
  /** The text written into the answer cell; null writes nothing. */
  answer: string | null;
  /** The value written into the choice cell; null writes nothing. */
  choice: string | null;
  proposal: Proposal;
  decidedBy: string | null;
  decidedAt: string | null;
  /** Counts the decisions made on the row, so two reviewers cannot overwrite each other unseen. */
  version: number;
}

/** How one sheet was read: where its table is, why, and how many questions it holds. */
export interface SheetSummary {
  name: string;
  headerRow: number | null;
  questionColumn: string | null;
  answerColumn: string | null;
  choiceColumn: string | null;
  choices: string[] | null;
  reason: string;
  questions: number;
  /** What identifies the sheet's template (sheet names and header cells), for remembering its layout; null without questions. */
  template: { fingerprint: string; words: string[] } | null;
}

/** Where a template's questions are, as a user gave (or confirmed) it, used again for the same template. */
export interface RememberedLayout {
  id: string;
  fingerprint: string;
  sheet: string;
  headerRow: number | null;
  questionColumn: string;
  answerColumn: string | null;
  choiceColumn: string | null;
}

/** An upload read, detected and matched: what the store keeps and the API shows. */
export interface Analysis {
  kind: FileKind;
  /** The language the answers are written in. */
  language: Language;
  sheets: SheetSummary[];
  notes: Message[];
  rows: Row[];
  /** The remembered layouts that said where the questions are (one per sheet at most). */
  layouts: string[];
}

export interface Job {
  id: string;
  filename: string;
  kind: FileKind;
  createdAt: string;
  createdBy: string;
  /** The language the answers are written in. */
  language: Language;
  sheets: SheetSummary[];
  notes: Message[];
}

export interface Summary {
  questions: number;
  auto: number;
  review: number;
  unmatched: number;
  confirmed: number;
}

/** One of the 49 checklist items and the vendor's answer. */
export interface Item {
  no: number;
  category: string;
  title: string;
  description: string;
  unit: string;
  answer: string;
  /** 有 / 無 where the unit asks 有無 and the answer starts with it; null otherwise. */
  shortAnswer: '有' | '無' | null;
  categoryEn: string;
  titleEn: string;
  descriptionEn: string;
  /** The answer in English, for English questionnaires; null until someone writes it. */
  answerEn: string | null;
  /** The English answer was written for an earlier Japanese answer, which has changed since. */
  answerEnOutdated?: boolean;
  /** What a yes/no or status column says for this item when its answer has no 有/無 (service hours, RTO, …). */
  defaultChoice: ChoiceValue | null;
}

/** A choice column's value, whatever the customer's words for it (はい, ○, Yes, 対応, 済, 適合, ✓ …). */
export type ChoiceValue = 'yes' | 'no' | 'partial' | 'na';

/** A reviewer's decision remembered: the question, the items that answer it ([] = none does), and the choice given. */
export interface LearnedAlias {
  text: string;
  itemNos: number[];
  choice?: string | null;
}

/** An answer the vendor wrote for a question no item answers. */
export interface LibraryAnswer {
  id: string;
  question: string;
  answer: string;
  choice: string | null;
}

/** How many rows have each status. */
export function summaryOf(statuses: Iterable<RowStatus>): Summary {
  const s: Summary = { questions: 0, auto: 0, review: 0, unmatched: 0, confirmed: 0 };
  for (const status of statuses) {
    s[status]++;
    s.questions++;
  }
  return s;
}
