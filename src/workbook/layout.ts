// Finds what each column of a table is for: which holds the question, the free-text answer, the choice
// (はい/いいえ, a status, a check mark), the columns to mark one of, the numbering and the category. Header words
// are one piece of evidence; the cells under the header (what they hold, whether a drop-down covers them, how they
// are shaded, bordered and sized) are the other, and decide alone when the header says nothing we know.
import { columnLetter } from './address.js';
import { freeTextColumn } from './answer.js';
import type { Boxes } from './boxes.js';
import { numbering } from './cells.js';
import { chooseChoice, markColumns, markSymbol, statusChoice, type Choice } from './choice.js';
import { columnStats } from './columns.js';
import { headerCells, quote, subHeader, type HeaderCell } from './header.js';
import type { MergeIndex } from './merges.js';
import { SAMPLE_ROWS, table, type Table } from './table.js';
import type { Grid } from './types.js';
import { MAX_HEADER_LENGTH } from './vocabulary.js';

export interface Layout {
  /** 0-based header row (of a two-row header, the lower one, which names the columns), or null when the table has none. */
  headerRow: number | null;
  /** The header's first row: the upper one of a two-row header, else headerRow. */
  headerTop: number | null;
  /** First row of the table's body (the row under the header, or the first question-like row). */
  firstRow: number;
  question: number;
  answer: number | null;
  choice: number | null;
  /** Columns to mark one of (はい | いいえ as two columns), with the value a mark in each means; null otherwise. */
  marks: { value: string; c: number }[] | null;
  /** With marks, the symbol to mark with (■ for a pre-printed □, the customer's own marks, 「○」 in the instructions, else ○ or X by language); null otherwise. */
  markSymbol: string | null;
  number: number | null;
  category: number | null;
  choices: string[] | null;
  /**
   * When the answer box is the cell under each question rather than a column beside it: by the box's row, the cell
   * answers go in (the top-left of a merged box). null otherwise.
   */
  boxes: Boxes | null;
  /** Sentences for SheetDetection.reason. */
  why: string[];
}

export interface ColumnOverrides {
  headerRow?: number;
  question?: number;
  answer?: number;
  /** null: the sheet has no choice column. */
  choice?: number | null;
}

/**
 * The layout a header row implies, or null when no column under it reads as questions. `question`: the column
 * found from the cells' content, when the header does not name one.
 */
export function layoutFromHeader(grid: Grid, merges: MergeIndex, given: number, givenCells: HeaderCell[], o: ColumnOverrides = {}, question?: number): Layout | null {
  // The lower row of a two-row header (as detection reports it, and a user may give it back) is read with its upper one.
  const upper = given > 0 ? headerCells(grid, merges, given - 1) : [];
  const lower = upper.length >= 2 && upper.every((h) => h.text.length <= MAX_HEADER_LENGTH) && subHeader(grid, merges, given - 1, upper) !== null;
  const [row, rowCells] = lower ? [given - 1, upper] : [given, givenCells];
  const sub = subHeader(grid, merges, row, rowCells);
  const cells = sub ?? rowCells;
  const from = sub ? row + 2 : row + 1;
  const why: string[] = [];
  const named = o.question ?? question ?? questionUnder(grid, cells, from);
  if (named === null) return null;
  const q = typeof named === 'number' ? named : named.c;
  if (o.question !== undefined) why.push(`the question column ${columnLetter(o.question)} was given`);
  else if (typeof named !== 'number') why.push(named.why);
  // Of a two-row header, the lower row names the columns the body is read by.
  const t = table(grid, merges, sub ? row + 1 : row, from, cells, q);
  const layout = { ...columnsOf(t, o, why), headerTop: row };
  if (sub) why.push(`row ${row + 2} splits the header into ${sub.filter((h) => !rowCells.includes(h)).map(quote).join(', ')}`);
  return layout;
}

/** A table without a header row, its question column and first row found from the content. */
export function layoutWithoutHeader(grid: Grid, merges: MergeIndex, question: number, firstRow: number, o: ColumnOverrides = {}): Layout {
  return { ...columnsOf(table(grid, merges, null, firstRow, [], question), o, []), headerTop: null };
}

/** The header cell that names the question column (or failing that, any header without another role) with the most text under it. */
function questionUnder(grid: Grid, cells: HeaderCell[], from: number): { c: number; why: string } | null {
  const rows: number[] = [];
  for (let r = from; r < Math.min(grid.rowCount, from + SAMPLE_ROWS); r++) if (!grid.hiddenRows.has(r)) rows.push(r);
  const named = cells.filter((h) => h.roles.has('question'));
  const pool = named.length ? named : cells.filter((h) => !h.roles.has('answer') && !h.roles.has('choice') && !h.roles.has('number'));
  let best: { c: number; score: number; h: HeaderCell } | null = null;
  for (const h of pool) {
    for (let c = h.c; c <= h.end; c++) {
      if (grid.hiddenCols.has(c)) continue;
      const s = columnStats(grid, rows, c);
      const score = s.length + 20 * s.asks;
      if (s.filled > 0 && (!best || score > best.score)) best = { c, score, h };
    }
  }
  if (!best) return null;
  return { c: best.c, why: best.h.roles.has('question') ? `${quote(best.h)} names the question column` : `column ${columnLetter(best.c)} under ${quote(best.h)} holds the longest text` };
}

/** The answer, choice, mark, number and category columns of a table whose question column is known. */
function columnsOf(t: Table, o: ColumnOverrides, why: string[]): Omit<Layout, 'headerTop'> {
  const marks = o.choice === undefined && o.answer === undefined ? markColumns(t) : null;
  if (marks) why.push(`${marks.map((m) => `「${m.value}」 (${columnLetter(m.c)})`).join(', ')} are columns to mark one of`);
  const taken = new Set([t.question, ...(marks ?? []).map((m) => m.c)]);
  let choice: Choice = chooseChoice(t, o, taken);
  let answer: number | null = null;
  let boxes: Boxes | null = null;
  if (o.answer !== undefined) {
    if (o.answer === choice.c) {
      why.push(...choice.why, `the answer column ${columnLetter(o.answer)} was given, and it is the choice column: only the choice is written`);
    } else {
      why.push(...choice.why, `the answer column ${columnLetter(o.answer)} was given`);
      answer = o.answer;
    }
  } else {
    // A status column (対応状況) or one already filled with はい/いいえ is the choice only when a free-text
    // column sits beside it; otherwise it is the answer column.
    if (choice.c === null && o.choice === undefined) {
      choice = statusChoice(t, taken, (c) => {
        const free = freeTextColumn(t, taken, c);
        return free && 'c' in free ? free : null;
      });
    }
    const free = freeTextColumn(t, taken, choice.c);
    why.push(...choice.why);
    if (free && 'boxes' in free) boxes = free.boxes;
    else if (free) {
      answer = free.c;
      why.push(free.why);
    } else if (choice.c !== null) why.push('there is no free-text column: only the choice is written');
  }
  const used = new Set([...taken, answer, choice.c]);
  return {
    headerRow: t.headerRow,
    firstRow: t.from,
    question: t.question,
    answer,
    choice: choice.c,
    marks,
    markSymbol: marks ? markSymbol(t, marks.map((m) => m.c)) : null,
    number: numberColumn(t, used),
    category: t.cells.find((h) => h.roles.has('category') && !used.has(h.c))?.c ?? null,
    choices: choice.c === null ? null : choice.values,
    boxes,
    why,
  };
}

/** The numbering column: the one a header names, or left of the question, numbers in most of its cells. */
function numberColumn(t: Table, used: Set<number | null>): number | null {
  const named = t.cells.find((h) => h.roles.has('number') && !used.has(h.c));
  if (named) return named.c;
  for (let c = 0; c < t.question; c++) {
    if (used.has(c) || t.grid.hiddenCols.has(c)) continue;
    let n = 0;
    let filled = 0;
    for (const r of t.body) {
      const v = t.grid.cell(r, c).trim();
      if (!v) continue;
      filled++;
      if (numbering.test(v)) n++;
    }
    // Sub-items ((a), ①) often leave the number cell empty.
    if (filled >= 0.3 * t.body.length && n >= 0.8 * filled && n > 0) return c;
  }
  return null;
}
