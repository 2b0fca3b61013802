// Finds what each column of a table is for: which holds the question, the free-text answer, the choice
// (はい/いいえ, a status, a check mark), the columns to mark one of, the numbering and the category. Header words
// are one piece of evidence; the cells under the header (what they hold, whether a drop-down covers them, how they
// are shaded, bordered and sized) are the other, and decide alone when the header says nothing we know.
import { columnLetter } from './address.js';
import { numbering } from './cells.js';
import { chooseChoice, dropDown, filledValues, markColumns, markSymbol, validationOf, type Choice } from './choice.js';
import { columnStats, greyFill, widthOf, type ColumnStats } from './columns.js';
import { quote, subHeader, type HeaderCell } from './header.js';
import { answerBoxes, type Boxes } from './boxes.js';
import type { MergeIndex } from './merges.js';
import type { Grid } from './types.js';
import { choicesInHeader } from './vocabulary.js';

export interface Layout {
  /** 0-based header row, or null when the table has none. */
  headerRow: number | null;
  /** First row of the table's body (the row under the header, or the first question-like row). */
  firstRow: number;
  question: number;
  answer: number | null;
  choice: number | null;
  /** Columns to mark one of (はい | いいえ as two columns), with the value a mark in each means; null otherwise. */
  marks: { value: string; c: number }[] | null;
  /** The symbol to mark with when the sheet says (■ for a pre-printed □, 「○」 in the instructions); null otherwise. */
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

/** Rows under the header sampled to judge columns. */
const SAMPLE_ROWS = 500;

/** A table being read: its header cells and body rows, and what each column holds under them. */
export interface Table {
  grid: Grid;
  merges: MergeIndex;
  headerRow: number | null;
  from: number;
  cells: HeaderCell[];
  question: number;
  /** Sampled body rows: those with an item in the question column. */
  body: number[];
  stat(c: number): ColumnStats;
  header(c: number): HeaderCell | undefined;
  /** The column's cells list the possible answers (○ Yes\n○ No): they describe them, they hold none. */
  listsOptions(c: number): boolean;
  /** Columns the table spans: those with text, under a header cell or covered by a drop-down (an empty answer column has none of its own text). */
  width: number;
}

function table(grid: Grid, merges: MergeIndex, headerRow: number | null, from: number, cells: HeaderCell[], question: number): Table {
  const body: number[] = [];
  for (let r = from; r < grid.rowCount && body.length < SAMPLE_ROWS; r++) {
    if (!grid.hiddenRows.has(r) && /\p{L}/u.test(grid.cell(r, question))) body.push(r);
  }
  const stats = new Map<number, ColumnStats>();
  const stat = (c: number) => stats.get(c) ?? stats.set(c, columnStats(grid, body, c)).get(c)!;
  return {
    grid, merges, headerRow, from, cells, question, body, stat,
    header: (c) => cells.find((h) => c >= h.c && c <= h.end),
    listsOptions: (c) => stat(c).optionLists >= 2 && stat(c).optionLists >= 0.5 * stat(c).filled,
    width: Math.min(question + 40, Math.max(grid.colCount, ...cells.map((h) => h.end + 1), ...grid.validations.map((v) => v.range.e.c + 1))),
  };
}

/**
 * The layout a header row implies, or null when no column under it reads as questions. `question`: the column
 * found from the cells' content, when the header does not name one.
 */
export function layoutFromHeader(grid: Grid, merges: MergeIndex, row: number, rowCells: HeaderCell[], o: ColumnOverrides = {}, question?: number): Layout | null {
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
  const layout = columnsOf(t, o, why);
  if (sub) why.push(`row ${row + 2} splits the header into ${sub.filter((h) => !rowCells.includes(h)).map(quote).join(', ')}`);
  return layout;
}

/** A table without a header row, its question column and first row found from the content. */
export function layoutWithoutHeader(grid: Grid, merges: MergeIndex, question: number, firstRow: number, o: ColumnOverrides = {}): Layout {
  return columnsOf(table(grid, merges, null, firstRow, [], question), o, []);
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
function columnsOf(t: Table, o: ColumnOverrides, why: string[]): Layout {
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
    if (choice.c === null && o.choice === undefined) choice = statusChoice(t, taken, (c) => columnOf(freeTextColumn(t, taken, c)));
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

const columnOf = (free: ReturnType<typeof freeTextColumn>) => (free && 'c' in free ? free : null);

/** Ranks the header words of a free-text column: 回答 over 回答（はい／いいえ） over 備考; 0 for none. */
const rank = (h: HeaderCell | undefined) =>
  !h ? 0 : h.roles.has('answer') && !h.roles.has('notes') && !h.roles.has('choice') ? 4 : h.roles.has('answer') && !h.roles.has('choice') ? 3 : h.roles.has('answer') ? 2 : h.roles.has('notes') ? 1 : 0;

/** Header words that rule a column out of holding the vendor's answer. */
const notForAnswers = (h: HeaderCell | undefined) =>
  !!h && ['internal', 'verdict', 'options', 'number', 'category', 'other'].some((r) => h.roles.has(r as never));

/** Columns right of the question the vendor could write in, left to right. */
function openColumns(t: Table, taken: Set<number>): number[] {
  const end = t.merges.at(t.body[0] ?? t.from, t.question)?.e.c ?? t.header(t.question)?.end ?? t.question;
  const out: number[] = [];
  const first = Math.max(end, t.question) + 1;
  // A column beside the last one with text can still be the empty answer column of a table without a header.
  for (let c = first; c < Math.max(t.width, first + 1); c++) {
    if (taken.has(c) || t.grid.hiddenCols.has(c) || t.listsOptions(c) || notForAnswers(t.header(c))) continue;
    out.push(c);
  }
  return out;
}

/**
 * The free-text answer column: the one whose header names an answer (failing that, the notes column beside a
 * choice); without such words, the first column right of the question that the table leaves open for writing, or
 * the box under each question of a form.
 */
function freeTextColumn(t: Table, taken: Set<number>, choice: number | null): { c: number; why: string } | { boxes: Boxes } | null {
  const open = openColumns(t, taken).filter((c) => c !== choice);
  // Left of the question only a header naming the answer (回答 | No. | 確認項目) makes a column the answer's.
  const left = [...Array(t.question).keys()].filter((c) => !taken.has(c) && c !== choice && !t.grid.hiddenCols.has(c) && rank(t.header(c)) >= 2 && !notForAnswers(t.header(c)));
  let best: number | null = null;
  for (const c of [...open, ...left]) {
    // A header merged over several columns names the first of them; a greyed-out column is not for the vendor.
    const k = t.header(c)?.c === c && !greyed(t, c) ? rank(t.header(c)) : 0;
    if (k === 0 || (k === 1 && choice === null && open.some((p) => rank(t.header(p)) > 1))) continue;
    if (best === null || k > rank(t.header(best))) best = c;
  }
  if (best !== null) return { c: best, why: `${quote(t.header(best)!)} is the free-text answer column` };
  if (choice !== null && (t.header(choice)?.end ?? choice) > choice && open.includes(choice + 1)) {
    return { c: choice + 1, why: `column ${columnLetter(choice + 1)}, beside the drop-down under the same header, is the free-text answer column` };
  }
  const merged = answerBoxes(t, true);
  if (merged) return { boxes: merged };
  const c = writableColumn(t, open, choice);
  if (c !== null) {
    const h = t.header(c);
    return { c, why: `${h ? quote(h) : `column ${columnLetter(c)}`}, ${shapeReason(t, c)}, is taken as the answer column` };
  }
  const boxes = choice === null ? answerBoxes(t, false) : null;
  if (boxes) return { boxes };
  // Without a header, the column right after the question is the best guess.
  if (t.cells.length === 0 && choice === null && open.length) {
    return { c: open[0], why: `no answer column is named, so column ${columnLetter(open[0])}, right of the question, is used` };
  }
  return null;
}

/** Most of the column's body cells are greyed out while the questions are not: the customer's, or not to be written. */
function greyed(t: Table, c: number): boolean {
  const s = t.stat(c);
  return greyFill(s.fill) && s.shaded >= 0.5 * Math.max(1, t.body.length) && !greyFill(t.stat(t.question).fill);
}

/** Why a column reads as the place for answers, in words. */
function shapeReason(t: Table, c: number): string {
  const s = t.stat(c);
  const q = t.stat(t.question);
  if (s.shaded >= 0.5 * s.rows && s.fill !== q.fill && !greyFill(s.fill)) return 'shaded for input';
  if (s.filled === 0) return 'empty beside the questions';
  return 'beside the questions';
}

/**
 * Without header words: the first open column the table leaves for writing — part of the table (under a header
 * cell, bordered, shaded or covered by a drop-down), not already filled with other data, not greyed out — preferring
 * input shading, and a wide column over a narrow one (a narrow one is for a mark).
 */
function writableColumn(t: Table, open: number[], choice: number | null): number | null {
  const q = t.stat(t.question);
  const rows = Math.max(1, t.body.length);
  const inTable = (c: number) => {
    const s = t.stat(c);
    return t.header(c) !== undefined || s.bordered >= 0.5 * rows || s.shaded >= 0.5 * rows || s.validated >= 0.5 * rows;
  };
  // Filled with data of the customer's (a reference, a weight, guidance) rather than answers or picked values.
  const data = (c: number) => {
    const s = t.stat(c);
    return s.filled >= 0.3 * rows && s.answers + s.picked + s.marks < 0.5 * s.filled;
  };
  let pool = open.filter((c) => !greyed(t, c) && !data(c) && t.stat(c).validated < 0.5 * rows && inTable(c));
  const input = pool.filter((c) => {
    const s = t.stat(c);
    return s.shaded >= 0.5 * rows && s.fill !== q.fill && !greyFill(s.fill);
  });
  if (input.length) pool = input;
  const widths = pool.map((c) => widthOf(t.grid, c));
  const widest = Math.max(0, ...widths.map((w) => w ?? 0));
  if (widest >= 15) pool = pool.filter((_, i) => (widths[i] ?? widest) >= 0.5 * widest);
  // Beside a choice column, only a column wide enough for sentences takes the free text.
  if (choice !== null) pool = pool.filter((c) => (widthOf(t.grid, c) ?? 20) >= 12);
  return pool[0] ?? null;
}

/**
 * A column already filled with はい/いいえ (or ticks) or headed as a status (対応状況) is the choice when a free-text
 * column sits beside it; an assessment drop-down (評価) is the vendor's pick when the free text follows it, as
 * customers put their own verdict columns last.
 */
function statusChoice(t: Table, taken: Set<number>, freeBeside: (c: number) => { c: number } | null): Choice {
  const none: Choice = { c: null, values: null, why: [] };
  const headerless = t.cells.every((h) => h.roles.size === 0);
  for (let c = 0; c < t.width; c++) {
    const h = t.header(c);
    if (taken.has(c) || t.grid.hiddenCols.has(c) || t.listsOptions(c) || (h && h.c !== c)) continue;
    const verdict = !!h?.roles.has('verdict') && dropDown(t, c);
    if (h && !verdict && ['internal', 'verdict', 'options', 'number', 'other', 'question'].some((r) => h.roles.has(r as never))) continue;
    // Values count under a header that names an answer, or right of the question when no header word says
    // anything: a 必須 column of ○/× left of the question is the customer's.
    const named = !!h && (h.roles.has('answer') || h.roles.has('choice'));
    const filled = named || (headerless && c > t.question) ? filledValues(t, c) : null;
    if (!filled && !verdict && !h?.roles.has('choice')) continue;
    const other = freeBeside(c);
    // A status header that also names an answer (回答（はい／いいえ）) is the free text unless a better-named one follows.
    if (!other || (!filled && rank(h) > 0 && rank(t.header(other.c)) <= rank(h)) || (verdict && other.c < c)) continue;
    return {
      c,
      values: t.stat(c).validated ? validationOf(t, c) : (h && choicesInHeader(h.text)) ?? filled,
      why: [verdict ? `${quote(h!)} is a drop-down left of the free text` : filled ? `${h ? quote(h) : `column ${columnLetter(c)}`} is already filled with ${filled.join('/')}` : `${quote(h!)} is a status column`],
    };
  }
  return none;
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
