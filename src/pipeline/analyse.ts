// Upload → questions with proposed answers: read the workbook, detect the questions, match each one.
// Pure over plain data (no database, no HTTP), so it can run in a worker thread.
import type { DetectOverrides, FileKind, Limits } from '../workbook/types.js';
import { readBook } from '../workbook/read.js';
import { detect } from '../workbook/detect.js';
import { createMatcher, type Item, type LearnedAlias, type MatchInput, type MatchResult, type Matcher, type Thresholds } from '../matching/matcher.js';
import { choiceFor, composeAnswer } from '../matching/answer.js';
import type { NewRow, Proposal, SheetInfo } from '../store/jobs.js';
import { libraryIndex, type LibraryIndex, type LibraryHit } from './library-match.js';

export interface AnalyseInput {
  bytes: Uint8Array;
  filename: string;
  limits: Limits;
  overrides: DetectOverrides;
  items: Item[];
  learned: LearnedAlias[];
  library: LibraryHit[];
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

export function analyse(input: AnalyseInput): Analysis {
  const book = readBook(input.bytes, input.filename, input.limits);
  const detection = detect(book, input.overrides);
  const matcher = createMatcher({ items: input.items, learned: input.learned, thresholds: input.thresholds });
  const questions = detection.sheets.flatMap((s) => s.questions.map((q) => ({ q, choices: s.choices })));
  const inputs = questions.map(({ q }) => ({ text: q.text, section: q.section, number: q.number }));
  const { from, to } = partRange(questions.length, input.part);
  const results = matchInChunks(matcher, inputs, from, to, input.onProgress);

  const library = libraryIndex(input.library);
  const rows = questions.slice(from, to).map(({ q, choices }, i): NewRow => {
    const proposed = propose(results[i], q.text, library);
    const itemNos = proposed.itemNos;
    const answer = proposed.answer ?? (itemNos.length ? composeAnswer(input.items, itemNos) : null);
    const choice =
      proposed.choice ?? (q.choiceCell && choices?.length && itemNos.length ? choiceFor(q.text, input.items, itemNos, choices) : null);
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

  const notes: string[] = [];
  if (book.kind === 'xls' || book.kind === 'ods' || book.kind === 'csv') {
    notes.push(`The upload is .${book.kind}: the prefilled workbook comes back as .xlsx with the values kept, but its formatting could not be preserved.`);
  }
  // Over all the questions, not this part's rows: every part of an upload gives the same notes.
  const filled = questions.filter(({ q }) => q.existingAnswer.trim() || q.existingChoice.trim()).length;
  if (filled) notes.push(`${filled} answer cell(s) already held the customer's text; qmap left them as they were.`);

  return {
    kind: book.kind,
    sheets: detection.sheets.map((s) => ({ ...s, questions: s.questions.length })),
    rows,
    notes,
    firstOrd: from,
  };
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
function propose(m: MatchResult, question: string, library: LibraryIndex): Proposed {
  const proposal: Proposal = {
    status: m.status,
    itemNos: m.itemNos,
    score: m.score,
    best: m.best,
    alternatives: m.alternatives,
    reasons: m.reasons,
    source: m.source,
  };
  if (m.status === 'unmatched') {
    const hit = library.find(question);
    if (hit) {
      return {
        proposal: { ...proposal, status: 'review', source: 'library', libraryId: hit.id, reasons: [`the answer library holds an answer written for 「${hit.question}」`, ...m.reasons] },
        itemNos: [],
        answer: hit.answer,
        choice: hit.choice,
      };
    }
  }
  return { proposal, itemNos: m.status === 'unmatched' ? [] : m.itemNos, answer: null, choice: null };
}
