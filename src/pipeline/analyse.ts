// Upload → questions with proposed answers: read the workbook, detect the questions, match each one.
// Pure over plain data (no database, no HTTP), so it can run in a worker thread.
import type { Question as DetectedQuestion, DetectOverrides, FileKind, Limits } from '../workbook/types.js';
import { readBook } from '../workbook/read.js';
import { detect } from '../workbook/detect.js';
import type { Item, LearnedAlias, Proposal as MatchResult } from '../domain.js';
import { createMatcher, type MatchInput, type Matcher, type Thresholds } from '../matching/matcher.js';
import { choiceFor, composeAnswer } from '../matching/answer.js';
import { reason, reasonText } from '../matching/reasons.js';
import type { NewRow, Proposal, SheetInfo } from '../store/jobs.js';
import { libraryIndex, type LibraryIndex, type LibraryHit } from './library-match.js';

export interface AnalyseInput {
  bytes: Uint8Array;
  filename: string;
  limits: Limits;
  overrides: DetectOverrides;
  items: Item[];
  learned: readonly LearnedAlias[];
  library: readonly LibraryHit[];
  thresholds?: Thresholds;
  /** Called as questions are matched, for progress bars on long files. */
  onProgress?: (done: number, total: number) => void;
  /** Match and answer only this part of the questions; the whole file is still read and detected. */
  part?: Part;
}

/** Part `index` (from 0) of `of` consecutive, nearly equal parts of the questions. */
export interface Part {
  index: number;
  of: number;
}

export interface Analysis {
  kind: FileKind;
  sheets: SheetInfo[];
  rows: NewRow[];
  notes: string[];
  /** Where rows[0] stands among all the upload's questions: past 0 when only a part was analysed. */
  firstOrd?: number;
}

/** The questions [from, to) a part covers; the parts of one upload follow each other and cover all n. */
export function partRange(n: number, part?: Part): { from: number; to: number } {
  if (!part) return { from: 0, to: n };
  return { from: Math.floor((n * part.index) / part.of), to: Math.floor((n * (part.index + 1)) / part.of) };
}

/** One question as detection found it, with the choices its sheet allows. */
export interface Question {
  q: DetectedQuestion;
  choices: string[] | null;
}

/**
 * What reading and detecting an upload gives: all a part needs to be matched without reading the file again.
 * `questions` may be a slice of them (one part's, with a neighbour either side), starting at `first` of `total`.
 */
export interface Detected {
  kind: FileKind;
  sheets: SheetInfo[];
  notes: string[];
  questions: Question[];
  first: number;
  total: number;
}

export function analyse(input: AnalyseInput): Analysis {
  return analyseDetected(readAndDetect(input), input);
}

/** Reads the upload and finds its questions; the notes speak of all of them, whichever part is matched. */
export function readAndDetect(input: Pick<AnalyseInput, 'bytes' | 'filename' | 'limits' | 'overrides'>): Detected {
  const book = readBook(input.bytes, input.filename, input.limits);
  const detection = detect(book, input.overrides);
  const questions = detection.sheets.flatMap((s) => s.questions.map((q) => ({ q, choices: s.choices })));
  const notes: string[] = [];
  if (book.kind === 'xls' || book.kind === 'ods' || book.kind === 'csv') {
    notes.push(`The upload is .${book.kind}: the prefilled workbook comes back as .xlsx with the values kept, but its formatting could not be preserved.`);
  }
  const filled = questions.filter(({ q }) => q.existingAnswer.trim() || q.existingChoice.trim()).length;
  if (filled) notes.push(`${filled} answer cell(s) already held the customer's text; qmap left them as they were.`);
  const hidden = detection.sheets.filter((s) => s.hiddenRows);
  if (hidden.length) {
    const where = hidden.map((s) => `${s.hiddenRows} in 「${s.name}」`).join(', ');
    notes.push(`Rows the customer hid were not read (${where}): if they hold questions to answer, unhide them in the workbook and upload it again.`);
  }
  return {
    kind: book.kind,
    sheets: detection.sheets.map(({ hiddenRows: _, ...s }) => ({ ...s, questions: s.questions.length })),
    notes,
    questions,
    first: 0,
    total: questions.length,
  };
}

/** The questions one part is matched with: its own and the neighbour either side that the context pass reads. */
export function detectedFor(detected: Detected, part: Part): Detected {
  const { from, to } = partRange(detected.total, part);
  const first = Math.max(detected.first, from - 1);
  const end = Math.min(detected.first + detected.questions.length, to + 1);
  return { ...detected, questions: detected.questions.slice(first - detected.first, end - detected.first), first };
}

/** Matches and answers the detected questions (the input's part of them); no reading. */
export function analyseDetected(detected: Detected, input: Omit<AnalyseInput, 'bytes' | 'filename' | 'limits' | 'overrides'>): Analysis {
  const matcher = createMatcher({ items: input.items, learned: input.learned, thresholds: input.thresholds });
  const { questions, first } = detected;
  const inputs = questions.map(({ q }) => ({ text: q.text, section: q.section, number: q.number }));
  const { from, to } = partRange(detected.total, input.part);
  if (from < first || to > first + questions.length) throw new Error(`questions [${from}, ${to}) are not among those detected`);
  const results = matchInChunks(matcher, inputs, from - first, to - first, input.onProgress);

  const library = libraryIndex(input.library);
  const rows = questions.slice(from - first, to - first).map(({ q, choices }, i): NewRow => {
    const proposed = propose(results[i], q.text, library, input.items);
    const itemNos = proposed.itemNos;
    const answer = proposed.answer ?? (itemNos.length ? composeAnswer(input.items, itemNos) : null);
    const choice =
      proposed.choice ?? (q.choiceCell && choices?.length && itemNos.length ? choiceFor(q.text, input.items, itemNos, choices).choice : null);
    return {
      sheet: q.sheet,
      row: q.row,
      question: q.text,
      section: q.section,
      number: q.number,
      answerCell: q.answerCell,
      choiceCell: q.choiceCell,
      choices: choices ?? null,
      existingAnswer: q.existingAnswer,
      existingChoice: q.existingChoice,
      status: proposed.proposal.status,
      itemNos,
      score: proposed.proposal.score,
      proposal: proposed.proposal,
      answer,
      choice: choice && choices?.includes(choice) ? choice : null,
    };
  });
  return { kind: detected.kind, sheets: detected.sheets, rows, notes: detected.notes, firstOrd: from };
}

/** Matches questions [from, to), in slices of 250 when progress is to be shown. */
function matchInChunks(
  matcher: Matcher,
  inputs: MatchInput[],
  from: number,
  to: number,
  onProgress?: (done: number, total: number) => void,
): MatchResult[] {
  if (!onProgress) return matchRange(matcher, inputs, from, to);
  const size = 250;
  const results: MatchResult[] = [];
  for (let start = from; start < to; start += size) {
    results.push(...matchRange(matcher, inputs, start, Math.min(to, start + size)));
    onProgress(results.length, to - from);
  }
  return results;
}

/**
 * The verdicts of questions [from, to), the same as matching all of them gives: the context pass reads the
 * first verdict of the neighbour on either side, so the slice is matched with those neighbours, then they are dropped.
 */
export function matchRange(matcher: Matcher, inputs: MatchInput[], from: number, to: number): MatchResult[] {
  if (from >= to) return [];
  const start = Math.max(0, from - 1);
  return matcher.matchAll(inputs.slice(start, Math.min(inputs.length, to + 1))).slice(from - start, to - start);
}

interface Proposed {
  proposal: Proposal;
  itemNos: number[];
  answer: string | null;
  choice: string | null;
}

/** The matcher's verdict, or, when no item answers the question, an answer the vendor wrote for it before. */
function propose(m: MatchResult, question: string, library: LibraryIndex, items: Item[]): Proposed {
  // The stored shape until the store keeps the domain's Proposal: candidates with titles, reasons in English.
  const title = (no: number) => items.find((i) => i.no === no)?.title ?? '';
  const [best, ...alternatives] = m.candidates.map((c) => ({ ...c, title: title(c.itemNo) }));
  const proposal: Proposal = {
    status: m.status,
    itemNos: m.itemNos,
    score: m.score,
    best: best ?? null,
    alternatives,
    reasons: m.reasons.map((r) => reasonText(r, 'en')),
    source: m.source,
  };
  if (m.status === 'unmatched') {
    const hit = library.find(question);
    if (hit) {
      const found = reasonText(reason('library.answer', { question: hit.question }), 'en');
      return {
        proposal: { ...proposal, status: 'review', source: 'library', libraryId: hit.id, reasons: [found, ...proposal.reasons] },
        itemNos: [],
        answer: hit.answer,
        choice: hit.choice,
      };
    }
  }
  return { proposal, itemNos: m.status === 'unmatched' ? [] : m.itemNos, answer: null, choice: null };
}
