// qmap's own review copy, uploaded again. Its review sheet (「qmap確認」, "qmap review") says, row by row, what qmap
// wrote into the customer's cells and whether anyone has decided it yet: the cells of rows still to review that hold
// exactly what qmap wrote are qmap's guesses, not the customer's text. Reading and writing both ask this module,
// so what an upload reads as empty is what its copies clear.
import type { Language, Question } from '../domain.js';
import { messageText } from '../messages.js';
import { decodeCell } from './address.js';
import type { Book, Grid, ReviewLine } from './types.js';
import { isReviewSheet } from './vocabulary.js';

/** A cell of the customer's that still holds what qmap wrote there for a row nobody has decided. */
export interface Guess {
  sheet: string;
  /** A1 address, as the review sheet gives it. */
  cell: string;
  /** What qmap wrote. */
  text: string;
  /** What the cell held before (a pre-printed □ that qmap's mark replaced), or ''. */
  was: string;
}

export interface ReviewCopy {
  /** The name of qmap's review sheet in the upload. */
  sheet: string;
  guesses: Guess[];
  /** Cells qmap flagged (highlighted, with a note) for a row still to review, by sheet. */
  flagged: Map<string, Set<string>>;
}

const LANGUAGES: Language[] = ['ja', 'en'];
const say = (code: string, language: Language) => messageText({ code }, language);

/** The review sheet's columns, by message code of their header; `picks` came later and may be missing. */
const COLUMNS = ['sheet', 'cell', 'status', 'answer'] as const;
export const PICKS_COLUMN = 'picks';

/** The review sheet's cell for the choices and marks a line wrote: "D10: はい", one a line; "C4: □ → ■" for a box marked. */
export function formatPicks(picks: ReviewLine['picks'] = []): string {
  return picks.map((p) => `${p.cell}: ${p.was ? `${p.was} → ` : ''}${p.text}`).join('\n');
}

function parsePicks(text: string): { cell: string; text: string; was: string }[] {
  return text.split('\n').flatMap((line) => {
    const m = /^\$?([A-Za-z]{1,3}\$?\d+): (?:(.+?) → )?(.+)$/.exec(line.trim());
    return m ? [{ cell: m[1].replace(/\$/g, '').toUpperCase(), was: m[2] ?? '', text: m[3] }] : [];
  });
}

/** The upload's qmap review sheet read, with the guesses still in the customer's sheets; null when it has none. */
export function reviewCopyOf(book: Book): ReviewCopy | null {
  for (const grid of book.sheets) {
    if (!isReviewSheet(grid.name)) continue;
    const columns = columnsOf(grid);
    if (columns) return read(book, grid, columns);
  }
  return null;
}

type Columns = Record<(typeof COLUMNS)[number], number> & { picks: number | null; language: Language };

/** Where the review sheet's columns are, by their headers in either language; null when this is not qmap's layout. */
function columnsOf(grid: Grid): Columns | null {
  for (const language of LANGUAGES) {
    const at = (code: string) => {
      const header = say(`review.column.${code}`, language);
      for (let c = 0; c < grid.colCount; c++) if (grid.cell(0, c).trim() === header) return c;
      return -1;
    };
    const found = COLUMNS.map(at);
    if (found.some((c) => c < 0)) continue;
    const [sheet, cell, status, answer] = found;
    const picks = at(PICKS_COLUMN);
    return { sheet, cell, status, answer, picks: picks < 0 ? null : picks, language };
  }
  return null;
}

const normal = (s: string) => s.replace(/\r\n?/g, '\n').trim();

function read(book: Book, review: Grid, columns: Columns): ReviewCopy {
  const grids = new Map(book.sheets.map((g) => [g.name, g]));
  const pending = new Set(LANGUAGES.flatMap((l) => ['review', 'unmatched'].map((s) => say(`review.status.${s}`, l))));
  const kept = LANGUAGES.map((l) => say('review.keptAnswer', l).trim());
  const guesses: Guess[] = [];
  const flagged = new Map<string, Set<string>>();
  for (let r = 1; r < review.rowCount; r++) {
    if (!pending.has(review.cell(r, columns.status).trim())) continue;
    const sheet = review.cell(r, columns.sheet);
    const grid = grids.get(sheet);
    if (!grid || grid === review) continue;
    const cell = review.cell(r, columns.cell).trim().toUpperCase();
    const picks = columns.picks === null ? [] : parsePicks(review.cell(r, columns.picks));
    const answer = review.cell(r, columns.answer);
    const written = [...picks];
    if (cell && answer.trim() && !kept.some((k) => answer.startsWith(k)) && !picks.some((p) => p.cell === cell)) written.push({ cell, text: answer, was: '' });
    for (const w of written) {
      const at = decodeCell(w.cell);
      if (at && normal(grid.cell(at.r, at.c)) === normal(w.text)) guesses.push({ sheet, ...w });
    }
    let cells = flagged.get(sheet);
    if (!cells) flagged.set(sheet, (cells = new Set()));
    for (const c of [cell, ...picks.map((p) => p.cell)]) if (c) cells.add(c);
  }
  return { sheet: review.name, guesses, flagged };
}

/** The question as the customer left it: cells holding qmap's guesses read as what they held before qmap wrote. */
export function withoutGuesses(q: Question, guesses: Map<string, Guess>): Question {
  const guess = (cell: string | null) => (cell === null ? undefined : guesses.get(`${q.sheet}!${cell}`));
  const answer = guess(q.answerCell);
  const choice = guess(q.choiceCell);
  const marks = q.marks?.cells.some((m) => guess(m.cell)) ? { ...q.marks, cells: q.marks.cells.map((m) => ({ ...m, existing: guess(m.cell)?.was ?? m.existing })) } : q.marks;
  if (!answer && !choice && marks === q.marks) return q;
  return { ...q, existingAnswer: answer ? answer.was : q.existingAnswer, existingChoice: choice ? choice.was : q.existingChoice, marks };
}

/** Guesses by "sheet!cell", for withoutGuesses. */
export const guessIndex = (copy: ReviewCopy) => new Map(copy.guesses.map((g) => [`${g.sheet}!${g.cell}`, g]));
