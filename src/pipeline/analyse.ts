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
}

export interface Analysis {
  kind: FileKind;
  sheets: SheetInfo[];
  rows: NewRow[];
  notes: string[];
}

export function analyse(input: AnalyseInput): Analysis {
  const book = readBook(input.bytes, input.filename, input.limits);
  const detection = detect(book, input.overrides);
  const matcher = createMatcher({ items: input.items, learned: input.learned, thresholds: input.thresholds });
  const questions = detection.sheets.flatMap((s) => s.questions.map((q) => ({ q, choices: s.choices })));
  const inputs = questions.map(({ q }) => ({ text: q.text, section: q.section, number: q.number }));
  const results = input.onProgress ? matchInChunks(matcher, inputs, input.onProgress) : matcher.matchAll(inputs);

  const library = libraryIndex(input.library);
  const rows = questions.map(({ q, choices }, i): NewRow => {
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
  const filled = rows.filter((r) => r.existingAnswer.trim() || r.existingChoice.trim()).length;
  if (filled) notes.push(`${filled} answer cell(s) already held the customer's text; qmap left them as they were.`);

  return {
    kind: book.kind,
    sheets: detection.sheets.map((s) => ({ ...s, questions: s.questions.length })),
    rows,
    notes,
  };
}

/** Matches in slices so progress can be shown; each slice sees one neighbour on either side for context. */
function matchInChunks(matcher: Matcher, inputs: MatchInput[], onProgress: (done: number, total: number) => void): MatchResult[] {
  const size = 250;
  const results: MatchResult[] = [];
  for (let start = 0; start < inputs.length; start += size) {
    const from = Math.max(0, start - 1);
    const slice = matcher.matchAll(inputs.slice(from, Math.min(inputs.length, start + size + 1)));
    results.push(...slice.slice(start - from, start - from + Math.min(size, inputs.length - start)));
    onProgress(results.length, inputs.length);
  }
  return results;
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
